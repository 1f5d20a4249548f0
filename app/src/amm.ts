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

function checkedAdd(a: bigint, b: bigint, max = U128_MAX): bigint {
  const v = a + b;
  if (v > max) throw new MathError("Overflow");
  return v;
}

function checkedSub(a: bigint, b: bigint): bigint {
  if (b > a) throw new MathError("Overflow");
  return a - b;
}

function narrow(v: bigint): bigint {
  if (v > U64_MAX) throw new MathError("Overflow");
  return v;
}

/** A u128 result as a u32 (`u32::try_from`), else `MathError("Overflow")`. */
function narrow32(v: bigint): number {
  if (v > U32_MAX) throw new MathError("Overflow");
  return Number(v);
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
   * "Quote base units per asset base unit": `priceWad * 10^qdec / (WAD * 10^adec)`. Since
   * `qdec <= 18`, `10^qdec` divides `WAD * 10^adec`: the ratio is
   * `priceWad / 10^(18 + adec - qdec)`, as the Rust code computes it (the operands, and so
   * which trades overflow, are the same: the ratio itself never does).
   */
  private ratio(): [bigint, bigint] {
    if (this.assetDecimals > MAX_DECIMALS || this.quoteDecimals > MAX_DECIMALS) throw new MathError("Overflow");
    return [this.priceWad, pow10(18 + this.assetDecimals - this.quoteDecimals)];
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

  /**
   * A user's sale of the asset to the pool (`Market::quote_sale`), priced at NAV minus
   * `bidBps` and minus the exact average of the inventory skew between the pool's
   * inventory before (`inventory`) and after the trade (`Skew.area`). Returns the fill and
   * its effective spread in bps (rounded up). Every rounding favours the pool. For
   * `exactOut`, the asset asked of the user is the least that delivers the amount: the
   * search climbs from the no-skew answer, each step adding the skew the last step
   * incurred, and stops at the first amount that delivers; a search that has not met it
   * after `SALE_SEARCH_STEPS` steps jumps past the remaining gap at the flattest slope (a
   * little more than the least amount, never less than needed), else takes the widest
   * spread's answer. Refused (`Overflow`) when the widest spread `bidBps + skew.maxBps`
   * exceeds `MAX_SPREAD_BPS`.
   */
  quoteSale(mode: Mode, amount: Num, bidBps: Num, skew: Skew | SkewParams, inventory: Num): SaleFill {
    const amt = u64(amount, "amount");
    const bid = u32(bidBps, "bidBps");
    const sk = skew instanceof Skew ? skew : new Skew(skew.startBps, skew.maxBps, skew.positionLimit);
    const inv = u64(inventory, "inventory");
    const widest = checkedAdd(bid, sk.maxBps, U32_MAX);
    if (widest > BigInt(MAX_SPREAD_BPS)) throw new MathError("Overflow");
    const [num, den] = this.ratio();
    const keep = checkedSub(BPS_DENOMINATOR, bid);
    const areaOf = (a: bigint): bigint => sk.area(inv, checkedAdd(inv, a, U64_MAX));
    // (asset, its skew area): what a sale of `asset` keeps for the user is
    // asset * keep - area, in bps x asset units
    let asset: bigint;
    let area: bigint;
    if (mode === "exactIn") {
      asset = amt;
      area = areaOf(amt);
    } else {
      // kept(a) must reach ceil(quote_out * 10_000 * den / num)
      const need = mulDiv(checkedMul(amt, BPS_DENOMINATOR), den, num, "up");
      // start just below the answer: the skew at the middle of the shorter sale the first
      // unit's skew gives (the skew is linear within its band)
      const atFirst = checkedSub(keep, sk.at(inv));
      const short = narrow(mulDiv(need, 1n, atFirst, "up"));
      // below the limit the skew is convex: its value at the middle is at most its average;
      // past the limit it bends the other way, so there the shorter sale's exact average
      const sat = (v: bigint) => (v > U64_MAX ? U64_MAX : v);
      const end = sat(inv + short);
      const skewEst =
        end <= sk.positionLimit || short === 0n
          ? sk.at(sat(inv + short / 2n))
          : mulDiv(areaOf(short), 1n, short, "down");
      const atMiddle = checkedSub(keep, skewEst);
      let a = narrow(mulDiv(need, 1n, atMiddle, "up"));
      let found: [bigint, bigint] | undefined;
      let gap = 0n;
      for (let i = 0; i < SALE_SEARCH_STEPS; i++) {
        const ar = areaOf(a);
        const kept = checkedSub(checkedMul(a, keep), ar);
        if (kept >= need) {
          found = [a, ar];
          break;
        }
        gap = checkedSub(need, kept);
        a = narrow(mulDiv(checkedAdd(need, ar), 1n, keep, "up"));
      }
      if (found) {
        [asset, area] = found;
      } else {
        // not met yet (a steep skew): jump past the gap at the flattest slope `kept` can
        // have (keep - maxBps, less one for rounding), which always delivers; else the
        // widest spread
        const slope = checkedSub(checkedSub(keep, sk.maxBps), 1n);
        if (slope === 0n) throw new MathError("Overflow");
        const jump = narrow(mulDiv(gap, 1n, slope, "up"));
        const cand = checkedAdd(a, jump, U64_MAX);
        const candArea = areaOf(cand);
        const kept = checkedSub(checkedMul(cand, keep), candArea);
        const widestAsset = this.quote("sellAsset", "exactOut", amt, widest).assetAmount;
        if (kept >= need && cand <= widestAsset) {
          [asset, area] = [cand, candArea];
        } else {
          [asset, area] = [widestAsset, areaOf(widestAsset)];
        }
      }
    }
    const kept = checkedSub(checkedMul(asset, keep), area);
    // floor(floor(kept * num / den) / 10_000) = floor(kept * num / (den * 10_000))
    const quoteAmount = mode === "exactIn" ? narrow(mulDiv(kept, num, den, "down") / BPS_DENOMINATOR) : amt;
    const midQuote = narrow(mulDiv(asset, num, den, "down"));
    const spreadArea = checkedAdd(checkedMul(asset, bid), area);
    const spreadBps = asset === 0n ? Number(bid) : narrow32(mulDiv(spreadArea, 1n, asset, "up"));
    return { assetAmount: asset, quoteAmount, midQuote, spreadBps };
  }
}

/**
 * Steps of `Market.quoteSale`'s exact-out search before it jumps past the remaining gap
 * (`pricing::SALE_SEARCH_STEPS`).
 */
export const SALE_SEARCH_STEPS = 6;

/** A sale's fill and its effective spread in bps of mid (`quote_sale`'s `(Fill, u32)`). */
export type SaleFill = Fill & { spreadBps: number };

/** The inventory skew's governance parameters (`PoolParams`' skew fields and position limit). */
export interface SkewParams {
  startBps: Num;
  maxBps: Num;
  positionLimit: Num;
}

/**
 * The inventory skew of the pool's bid (`pricing::Skew`): no extra spread up to
 * `startBps` of the position limit, rising linearly to `maxBps` at the limit, flat beyond.
 */
export class Skew {
  readonly startBps: bigint;
  readonly maxBps: bigint;
  readonly positionLimit: bigint;

  constructor(startBps: Num, maxBps: Num, positionLimit: Num) {
    this.startBps = u32(startBps, "startBps");
    this.maxBps = u32(maxBps, "maxBps");
    this.positionLimit = u64(positionLimit, "positionLimit");
  }

  /** A pool's skew, from its params (a decoded `pool.params` fits). */
  static of(params: { skewStartBps: Num; skewMaxBps: Num; positionLimit: Num }): Skew {
    return new Skew(params.skewStartBps, params.skewMaxBps, params.positionLimit);
  }

  /**
   * The skew's marginal value at inventory `x` (`Skew::at`), in bps, rounded down: what the
   * next unit sold costs on top of the bid.
   */
  at(x: Num): bigint {
    const v = u64(x, "x");
    if (this.maxBps === 0n || this.positionLimit === 0n || this.startBps >= BPS_DENOMINATOR) return 0n;
    const u = checkedMul(v, BPS_DENOMINATOR);
    const start = checkedMul(this.positionLimit, this.startBps);
    const limit = checkedMul(this.positionLimit, BPS_DENOMINATOR);
    if (u <= start) return 0n;
    if (u >= limit) return this.maxBps;
    return mulDiv(u - start, this.maxBps, limit - start, "down");
  }

  /**
   * The extra spread accumulated over inventory `[from, to]` (`Skew::area`): the integral
   * of the skew in bps x asset base units, rounded up. A sale moving the inventory from
   * `from` to `to` pays exactly this on top of the base bid, so one block pays the same
   * spread as the same volume in slices (up to rounding), wherever it starts.
   */
  area(from: Num, to: Num): bigint {
    const f = u64(from, "from");
    const t = u64(to, "to");
    if (t <= f || this.maxBps === 0n || this.positionLimit === 0n || this.startBps >= BPS_DENOMINATOR) return 0n;
    // in "bps space": inventory x becomes x * 10_000, so the start is an integer
    const u1 = checkedMul(f, BPS_DENOMINATOR);
    const u2 = checkedMul(t, BPS_DENOMINATOR);
    const start = checkedMul(this.positionLimit, this.startBps);
    const limit = checkedMul(this.positionLimit, BPS_DENOMINATOR);
    const m = this.maxBps;
    let area = 0n;
    // the rising part: M * ((hi - S)^2 - (lo - S)^2) / (2 * 10_000 * (L - S))
    const lo = u1 > start ? u1 : start;
    const hi = u2 < limit ? u2 : limit;
    if (hi > lo) {
      const d = hi - lo;
      const e = checkedSub(checkedAdd(hi, lo), checkedMul(start, 2n));
      const band = checkedSub(limit, start);
      const part = mulDiv(checkedMul(d, m), e, checkedMul(checkedMul(BPS_DENOMINATOR, 2n), band), "up");
      area = checkedAdd(area, part);
    }
    // the flat part beyond the limit
    const flatLo = u1 > limit ? u1 : limit;
    if (u2 > flatLo) {
      const part = mulDiv(u2 - flatLo, m, BPS_DENOMINATOR, "up");
      area = checkedAdd(area, part);
    }
    return area;
  }
}

/** `ceil(conf / price)` in bps (`pricing::confidence_bps`): the width of a Pyth confidence interval. */
export function confidenceBps(price: Num, conf: Num): number {
  const p = u64(price, "price");
  const c = u64(conf, "conf");
  if (p === 0n) throw new MathError("DivisionByZero");
  return narrow32(mulDiv(c, BPS_DENOMINATOR, p, "up"));
}

/**
 * What the program reads from a Pyth price (`price * 10^exponent`, confidence `conf` in
 * the same units): the WAD price and the confidence width in bps that swaps widen both
 * spreads by. `null` for a non-positive price (refused on chain).
 */
export function pythReading(price: Num, conf: Num, exponent: number): { priceWad: bigint; confBps: number } | null {
  const priceWad = toWad(price, exponent);
  if (priceWad === null || priceWad === 0n) return null;
  return { priceWad, confBps: confidenceBps(price, conf) };
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

/**
 * The marginal spread of a swap on `side` at the pool's current inventory: the skewed bid
 * (`skewedSpreadBps`) for sales, the ask for buys, both widened by `confBps` (the Pyth
 * confidence width, `pythReading`; 0 for a halo feed). A sale of a given amount pays the
 * average skew over the trade instead: `quoteSwap`.
 */
export function swapSpreadBps(pool: PoolPricing, side: Side, confBps: Num = 0): number {
  const p = pool.params;
  const conf = u32(confBps, "confBps");
  const bps =
    side === "sellAsset"
      ? skewedSpreadBps(checkedAdd(BigInt(p.bidSpreadBps), conf, U32_MAX), p.skewStartBps, p.skewMaxBps, pool.inventory, p.positionLimit)
      : narrow32(checkedAdd(BigInt(p.askSpreadBps), conf, U32_MAX));
  return bps;
}

/**
 * The user's bound on a swap (`pricing::Bound`): which amount of the fill the user's
 * `limit` bounds, and how.
 *
 * | side / mode            | bounded amount  | the user's `limit` is |
 * |------------------------|-----------------|-----------------------|
 * | sell asset, exact in   | quote received  | `minOut`              |
 * | sell asset, exact out  | asset given     | `maxIn`               |
 * | buy asset, exact in    | asset received  | `minOut`              |
 * | buy asset, exact out   | quote given     | `maxIn`               |
 */
export type Bound = { kind: "minOut"; amount: bigint } | { kind: "maxIn"; amount: bigint };

/** The amount of `fill` a user's `limit` bounds for this side and mode (`Bound::of`). */
export function boundOf(side: Side, mode: Mode, fill: Pick<Fill, "assetAmount" | "quoteAmount">): Bound {
  if (side !== "sellAsset" && side !== "buyAsset") throw new RangeError(`side out of range: ${side}`);
  if (mode !== "exactIn" && mode !== "exactOut") throw new RangeError(`mode out of range: ${mode}`);
  const asset = u64(fill.assetAmount, "assetAmount");
  const quote = u64(fill.quoteAmount, "quoteAmount");
  if (mode === "exactIn") return { kind: "minOut", amount: side === "sellAsset" ? quote : asset };
  return { kind: "maxIn", amount: side === "sellAsset" ? asset : quote };
}

/**
 * `true` when `fill` respects the user's `limit` (`minOut` for exact in, `maxIn` for exact
 * out): the check `swap` makes on chain (`pricing::within_bound`), to make before sending.
 */
export function withinBound(side: Side, mode: Mode, fill: Pick<Fill, "assetAmount" | "quoteAmount">, limit: Num): boolean {
  const l = u64(limit, "limit");
  const b = boundOf(side, mode, fill);
  return b.kind === "minOut" ? b.amount >= l : b.amount <= l;
}

/**
 * The `limit` to send for a quoted `fill` with `slippageBps` of tolerance
 * (`pricing::limit_with_slippage`): `minOut = out * (1 - slippage)` rounded down,
 * `maxIn = in * (1 + slippage)` rounded up, both against the user, so the quoted fill
 * itself always passes (`withinBound`). Throws `MathError("Overflow")` for a `maxIn`
 * beyond u64 or a slippage above 10,000 bps on a `minOut`; `RangeError` for a slippage
 * that is not a u16.
 */
export function limitWithSlippage(
  side: Side,
  mode: Mode,
  fill: Pick<Fill, "assetAmount" | "quoteAmount">,
  slippageBps: number,
): bigint {
  if (!Number.isInteger(slippageBps) || slippageBps < 0 || slippageBps > 0xffff)
    throw new RangeError(`slippageBps out of range: ${slippageBps}`);
  const s = BigInt(slippageBps);
  const b = boundOf(side, mode, fill);
  if (b.kind === "minOut") return narrow(mulDiv(b.amount, checkedSub(BPS_DENOMINATOR, s), BPS_DENOMINATOR, "down"));
  return narrow(mulDiv(b.amount, checkedAdd(BPS_DENOMINATOR, s, U32_MAX), BPS_DENOMINATOR, "up"));
}

/** A swap's mode from `Mode` or the older `exactIn` flag. */
const modeOf = (mode: Mode | boolean): Mode => {
  if (typeof mode === "boolean") return mode ? "exactIn" : "exactOut";
  if (mode !== "exactIn" && mode !== "exactOut") throw new RangeError(`mode out of range: ${mode}`);
  return mode;
};

/**
 * What `swap` would fill at `priceWad` (the price the program accepts, e.g.
 * `feedPriceWad(feed.value, feed.decimals)` or `pythReading(...).priceWad`), before its
 * checks on limits, bounds, liquidity and rate limits. As the program prices it: a sale
 * with `Market.quoteSale` (the bid widened by `confBps`, plus the exact average inventory
 * skew over the trade), a buy with `Market.quote` at the ask widened by `confBps`.
 * `confBps` is the Pyth confidence width (`pythReading(...).confBps`; 0, the default, for
 * a halo feed). Throws `MathError("Overflow")` where the program refuses the spread as
 * too wide (`ConfidenceTooWide`: above `MAX_SPREAD_BPS`, with the skew's maximum for a
 * sale). Set the swap's `limit` from the result with `limitWithSlippage(side, mode,
 * fill, bps)`. `mode` is `"exactIn"` / `"exactOut"` (`true` / `false` still read as
 * exact in / exact out).
 */
export function quoteSwap(
  pool: PoolPricing,
  priceWad: Num,
  side: Side,
  mode: Mode | boolean,
  amount: Num,
  confBps: Num = 0,
): Fill & { spreadBps: number } {
  const conf = u32(confBps, "confBps");
  const market = new Market(priceWad, pool.assetDecimals, pool.quoteDecimals);
  const m = modeOf(mode);
  const p = pool.params;
  if (side === "sellAsset") {
    const bid = checkedAdd(BigInt(p.bidSpreadBps), conf, U32_MAX);
    return market.quoteSale(m, amount, bid, Skew.of(p), pool.inventory);
  }
  const ask = narrow32(checkedAdd(BigInt(p.askSpreadBps), conf, U32_MAX));
  return { ...market.quote(side, m, amount, ask), spreadBps: ask };
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
