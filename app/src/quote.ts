// Quotes: what a route's rate limit lets move now, and what SORL lets GovOps raise it to.
// The same maths as crates/halo-math/src/rate_limit.rs, in bigint.
export const UNLIMITED = (1n << 64n) - 1n;

export interface RateLimitState {
  maxAmount: bigint;
  slope: bigint;
  lastAmount: bigint;
  lastUpdated: bigint;
}

type Amount = bigint | number | string | { toString(): string };

/** A decoded `RateLimitState` (BN, number or bigint fields), as the IDL's accounts carry it. */
export interface RateLimitStateFields {
  maxAmount: Amount;
  slope: Amount;
  lastAmount: Amount;
  lastUpdated: Amount;
}

/**
 * The `RateLimitState` of a decoded account, in bigint: a halo_pau `rateLimit` account
 * (its nested `limit`), or a state itself (a halo_trading pool's `bidLimit`, `askLimit`,
 * `redeemLimit`).
 */
export function rateLimitState(account: { limit: RateLimitStateFields } | RateLimitStateFields): RateLimitState {
  const s = "limit" in account && typeof account.limit === "object" ? account.limit : (account as RateLimitStateFields);
  const big = (v: Amount, what: string) => {
    if (v === undefined || v === null) throw new TypeError(`not a RateLimitState: no ${what}`);
    return BigInt(v.toString());
  };
  return {
    maxAmount: big(s.maxAmount, "maxAmount"),
    slope: big(s.slope, "slope"),
    lastAmount: big(s.lastAmount, "lastAmount"),
    lastUpdated: big(s.lastUpdated, "lastUpdated"),
  };
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
