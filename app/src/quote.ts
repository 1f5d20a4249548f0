// Quotes: what a route's rate limit lets move now, and what SORL lets GovOps raise it to.
// The same maths as crates/halo-math/src/rate_limit.rs, in bigint.
export const UNLIMITED = (1n << 64n) - 1n;

export interface RateLimitState {
  maxAmount: bigint;
  slope: bigint;
  lastAmount: bigint;
  lastUpdated: bigint;
}

/** min(lastAmount + slope * (now - lastUpdated), maxAmount); a clock behind counts as 0 s. */
export function available(s: RateLimitState, now: bigint): bigint {
  if (s.maxAmount === UNLIMITED) return UNLIMITED;
  const elapsed = now > s.lastUpdated ? now - s.lastUpdated : 0n;
  const total = s.lastAmount + s.slope * elapsed;
  return total < s.maxAmount ? total : s.maxAmount;
}

/** Seconds until `amount` is available (0 if it already is, null if it never will be). */
export function secondsUntil(s: RateLimitState, now: bigint, amount: bigint): bigint | null {
  const a = available(s, now);
  if (a >= amount) return 0n;
  if (amount > s.maxAmount || s.slope === 0n) return null;
  const missing = amount - a;
  return (missing + s.slope - 1n) / s.slope;
}

/** floor(old * (10000 + bps) / 10000), capped below "unlimited". */
export function sorlBound(old: bigint, maxChangeBps: number): bigint {
  const v = (old * (10_000n + BigInt(maxChangeBps))) / 10_000n;
  return v < UNLIMITED - 1n ? v : UNLIMITED - 1n;
}
