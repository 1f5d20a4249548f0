// The Trading Halo's quote maths: a bigint port of crates/halo-math/src/pricing.rs (and
// the `mul_div` of fixed.rs it rests on), checked against the Rust results in
// test/amm.test.ts. Same inputs, same outputs, same refusals:
// * a price is a WAD number of whole quote tokens per whole asset token; amounts are in
//   base units and the mints' decimals convert between the two;
// * every quote is one `mulDiv` (a single rounding), and every rounding favours the pool;
// * anything that overflows the Rust integer types throws `MathError("Overflow")`, a zero
//   divisor `MathError("DivisionByZero")`.

/** 1.0 in WAD fixed point (18 decimals). */
export const WAD = 10n ** 18n;
/** 100 % in basis points. */
export const BPS_DENOMINATOR = 10_000n;
/** Largest decimals a mint or a feed may have. */
export const MAX_DECIMALS = 18;
/** Largest spread in bps. */
export const MAX_SPREAD_BPS = 5_000;

const U32_MAX = (1n << 32n) - 1n;
const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;

export type MathErrorKind = "Overflow" | "DivisionByZero";

/** A result that does not fit its Rust type, or a zero divisor (`halo_math::MathError`). */
export class MathError extends Error {
  constructor(readonly kind: MathErrorKind) {
    super(`halo_math: ${kind}`);
    this.name = "MathError";
  }
}

/** Direction of a division's rounding: payouts round down, charges round up. */
export type Rounding = "down" | "up";

/** Which way a trade goes, from the user's side. */
export type Side = "sellAsset" | "buyAsset";

/** Which amount the user fixed: what they give (`exactIn`) or what they get (`exactOut`). */
export type Mode = "exactIn" | "exactOut";

/** A priced trade: what the user gives and gets, and the mid (NAV) value of the asset leg. */
export interface Fill {
  assetAmount: bigint;
  quoteAmount: bigint;
  /** The mid value of `assetAmount`, rounded toward the user. */
  midQuote: bigint;
}

type Num = bigint | number | string | { toString(): string };
const big = (v: Num): bigint => (typeof v === "bigint" ? v : BigInt(v.toString()));

/** Rejects inputs the Rust signature could not take (a programming error, not a refusal). */
function ranged(v: Num, min: bigint, max: bigint, what: string): bigint {
  const b = big(v);
  if (b < min || b > max) throw new RangeError(`${what} out of range: ${b}`);
  return b;
}
const u32 = (v: Num, what: string) => ranged(v, 0n, U32_MAX, what);
const u64 = (v: Num, what: string) => ranged(v, 0n, U64_MAX, what);
const u128 = (v: Num, what: string) => ranged(v, 0n, U128_MAX, what);
const u8 = (v: number, what: string) => Number(ranged(v, 0n, 255n, what));

function checkedMul(a: bigint, b: bigint): bigint {
  const p = a * b;
  if (p > U128_MAX) throw new MathError("Overflow");
  return p;
}

function narrow(v: bigint): bigint {
  if (v > U64_MAX) throw new MathError("Overflow");
  return v;
}

/** `a * b / d` rounded as asked, exact whenever the result fits u128 (`halo_math::mul_div`). */
export function mulDiv(a: Num, b: Num, d: Num, rounding: Rounding): bigint {
  const [x, y, z] = [u128(a, "a"), u128(b, "b"), u128(d, "d")];
  if (z === 0n) throw new MathError("DivisionByZero");
  const p = x * y;
  let q = p / z;
  if (q > U128_MAX) throw new MathError("Overflow");
  if (rounding === "up" && p % z !== 0n) {
    q += 1n;
    if (q > U128_MAX) throw new MathError("Overflow");
  }
  return q;
}

/** `10^d`, for `d <= 38`. */
export function pow10(d: number): bigint {
  if (!Number.isInteger(d) || d < 0) throw new RangeError(`exponent out of range: ${d}`);
  if (d > 38) throw new MathError("Overflow");
  return 10n ** BigInt(d);
}

/**
 * A decimal `value * 10^exponent` (Pyth style, or a feed's `value / 10^decimals`) as a
 * WAD price, rounded down; `null` for a non-positive value (not a price).
 */
export function toWad(value: Num, exponent: number): bigint | null {
  const v = ranged(value, I64_MIN, I64_MAX, "value");
  if (!Number.isInteger(exponent) || exponent < I32_MIN || exponent > I32_MAX)
    throw new RangeError(`exponent out of range: ${exponent}`);
  if (v <= 0n) return null;
  const shift = exponent + 18;
  if (shift > I32_MAX) throw new MathError("Overflow");
  return shift >= 0 ? checkedMul(v, pow10(shift)) : v / pow10(-shift);
}

/** A halo_oracle feed's NAV (`value / 10^decimals`) as a WAD price. */
export function feedPriceWad(value: Num, decimals: number): bigint | null {
  return toWad(value, -decimals);
}

/** The market a quote is made in: WAD price and both mints' decimals (`pricing::Market`). */
export class Market {
  readonly priceWad: bigint;

  constructor(
    priceWad: Num,
    readonly assetDecimals: number,
    readonly quoteDecimals: number,
  ) {
    this.priceWad = u128(priceWad, "priceWad");
    u8(assetDecimals, "assetDecimals");
    u8(quoteDecimals, "quoteDecimals");
  }

  /**
   * "Quote base units per asset base unit": `priceWad * 10^qdec / (WAD * 10^adec)`, with
   * the common power of ten cancelled (as the Rust code does: the operands, and so which
   * trades overflow, are the same).
   */
  private ratio(): [bigint, bigint] {
    if (this.assetDecimals > MAX_DECIMALS || this.quoteDecimals > MAX_DECIMALS) throw new MathError("Overflow");
    const common = Math.min(this.assetDecimals, this.quoteDecimals);
    const num = checkedMul(this.priceWad, pow10(this.quoteDecimals - common));
    const den = checkedMul(WAD, pow10(this.assetDecimals - common));
    return [num, den];
  }

  /** Mid (NAV) value of `asset` base units in quote base units. */
  value(asset: Num, rounding: Rounding): bigint {
    const [num, den] = this.ratio();
    return narrow(mulDiv(u64(asset, "asset"), num, den, rounding));
  }

  /** Asset base units worth `quote` at mid. */
  assetForValue(quote: Num, rounding: Rounding): bigint {
    const [num, den] = this.ratio();
    return narrow(mulDiv(u64(quote, "quote"), den, num, rounding));
  }

  /**
   * Prices a trade. `amount` is the fixed side (input for `exactIn`, output for
   * `exactOut`); `spreadBps` is the effective spread of that side:
   * * sell, exact in: `quote_out = floor(asset_in * P * (1 - bid))`;
   * * sell, exact out: `asset_in = ceil(quote_out / (P * (1 - bid)))`;
   * * buy, exact out: `quote_in = ceil(asset_out * P * (1 + ask))`;
   * * buy, exact in: `asset_out = floor(quote_in / (P * (1 + ask)))`.
   */
  quote(side: Side, mode: Mode, amount: Num, spreadBps: Num): Fill {
    const bps = u32(spreadBps, "spreadBps");
    const amt = u64(amount, "amount");
    if (bps > BigInt(MAX_SPREAD_BPS)) throw new MathError("Overflow");
    const [num, den] = this.ratio();
    let asset: bigint;
    let quote: bigint;
    if (side === "sellAsset") {
      const f = BPS_DENOMINATOR - bps;
      if (mode === "exactIn") {
        asset = amt;
        quote = mulDiv(checkedMul(amt, f), num, checkedMul(den, BPS_DENOMINATOR), "down");
      } else {
        asset = mulDiv(checkedMul(amt, BPS_DENOMINATOR), den, checkedMul(num, f), "up");
        quote = amt;
      }
    } else {
      const f = BPS_DENOMINATOR + bps;
      if (mode === "exactOut") {
        asset = amt;
        quote = mulDiv(checkedMul(amt, f), num, checkedMul(den, BPS_DENOMINATOR), "up");
      } else {
        asset = mulDiv(checkedMul(amt, BPS_DENOMINATOR), den, checkedMul(num, f), "down");
        quote = amt;
      }
    }
    const assetAmount = narrow(asset);
    const quoteAmount = narrow(quote);
    // mid value rounded toward the user: the recorded spread is a lower bound
    const midQuote = this.value(assetAmount, side === "sellAsset" ? "down" : "up");
    return { assetAmount, quoteAmount, midQuote };
  }
}

/**
 * The inventory skew: the spread of the side that grows inventory (the pool's bid) widens
 * linearly from `baseBps` at `skewStartBps` of the position limit to `baseBps + skewMaxBps`
 * at the limit. Rounds the extra spread up.
 */
export function skewedSpreadBps(
  baseBps: Num,
  skewStartBps: Num,
  skewMaxBps: Num,
  inventory: Num,
  positionLimit: Num,
): number {
  const base = u32(baseBps, "baseBps");
  const start = u32(skewStartBps, "skewStartBps");
  const max = u32(skewMaxBps, "skewMaxBps");
  const inv = u64(inventory, "inventory");
  const limit = u64(positionLimit, "positionLimit");
  if (max === 0n || limit === 0n || start >= BPS_DENOMINATOR) return Number(base);
  const used = mulDiv(inv < limit ? inv : limit, BPS_DENOMINATOR, limit, "up");
  if (used <= start) return Number(base);
  const extra = mulDiv(used - start, max, BPS_DENOMINATOR - start, "up");
  if (extra > U32_MAX || base + extra > U32_MAX) throw new MathError("Overflow");
  return Number(base + extra);
}

/** True when `next` moved away from `reference` by more than `maxBps` of it (0 = no reference). */
export function deviates(next: Num, reference: Num, maxBps: Num): boolean {
  const n = u128(next, "next");
  const r = u128(reference, "reference");
  const m = u32(maxBps, "maxBps");
  if (r === 0n) return false;
  const diff = n > r ? n - r : r - n;
  return mulDiv(diff, BPS_DENOMINATOR, 1n, "down") > mulDiv(r, m, 1n, "down");
}

/** True when a confidence interval is within `maxBps` of the price. */
export function confidenceWithin(price: Num, conf: Num, maxBps: Num): boolean {
  return u64(conf, "conf") * BPS_DENOMINATOR <= u64(price, "price") * u32(maxBps, "maxBps");
}

/** The pool fields a swap quote reads (a decoded `pool` account fits; BN, bigint or number). */
export interface PoolPricing {
  assetDecimals: number;
  quoteDecimals: number;
  inventory: Num;
  params: {
    bidSpreadBps: number;
    askSpreadBps: number;
    skewStartBps: number;
    skewMaxBps: number;
    positionLimit: Num;
  };
}

/** The spread a swap on `side` pays now: the skewed bid for sales, the ask for buys. */
export function swapSpreadBps(pool: PoolPricing, side: Side): number {
  const p = pool.params;
  return side === "sellAsset"
    ? skewedSpreadBps(p.bidSpreadBps, p.skewStartBps, p.skewMaxBps, pool.inventory, p.positionLimit)
    : p.askSpreadBps;
}

/**
 * What `swap` would fill at `priceWad` (the price the program accepts, e.g.
 * `feedPriceWad(feed.value, feed.decimals)`), before its checks on limits, bounds,
 * liquidity and rate limits. Use the result to set `limit` (min out / max in).
 */
export function quoteSwap(
  pool: PoolPricing,
  priceWad: Num,
  side: Side,
  exactIn: boolean,
  amount: Num,
): Fill & { spreadBps: number } {
  const spreadBps = swapSpreadBps(pool, side);
  const fill = new Market(priceWad, pool.assetDecimals, pool.quoteDecimals).quote(
    side,
    exactIn ? "exactIn" : "exactOut",
    amount,
    spreadBps,
  );
  return { ...fill, spreadBps };
}

/**
 * LP value of a pool in quote base units (`Pool::value`): free USDS + inventory at mid
 * (rounded down) + pending redemptions' expected USDS.
 */
export function poolValue(
  pool: { assetDecimals: number; quoteDecimals: number; quoteLiquidity: Num; inventory: Num; pendingExpected: Num },
  priceWad: Num,
): bigint {
  const inv = new Market(priceWad, pool.assetDecimals, pool.quoteDecimals).value(pool.inventory, "down");
  return narrow(narrow(u64(pool.quoteLiquidity, "quoteLiquidity") + inv) + u64(pool.pendingExpected, "pendingExpected"));
}
