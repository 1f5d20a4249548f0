// The TS port of halo_math::pricing against the Rust results (tests/tests/golden/trading.rs
// computes the table with the real crate): every quote, value, skew, sale at the average
// skew (`quoteSale`, `Skew.area`), confidence width, WAD conversion and deviation check,
// refusals included, plus the crate's own unit-test edges and properties.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  boundOf,
  confidenceBps,
  confidenceWithin,
  deviates,
  type Fill,
  limitWithSlippage,
  Market,
  MathError,
  type Mode,
  mulDiv,
  type Rounding,
  pythReading,
  quoteSwap,
  type Side,
  Skew,
  skewedSpreadBps,
  toWad,
  WAD,
  withinBound,
} from "../src/amm.ts";

type J = Record<string, any>;
const pricing: J = JSON.parse(readFileSync(new URL("./golden/halo_trading.json", import.meta.url), "utf8")).pricing;

const market = (m: J) => new Market(BigInt(m.priceWad), m.assetDecimals, m.quoteDecimals);

/** Runs `f`; a MathError becomes `{ error: kind }` as the Rust table writes it. */
function result<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (e) {
    if (e instanceof MathError) return { error: e.kind };
    throw e;
  }
}

const fillJson = (f: Fill) => ({
  assetAmount: f.assetAmount.toString(),
  quoteAmount: f.quoteAmount.toString(),
  midQuote: f.midQuote.toString(),
});

test("Market.quote matches Rust for both sides, both modes, every price, decimals and spread", () => {
  let n = 0;
  let refused = 0;
  const seen = new Set<string>();
  for (const g of pricing.quotes as J[]) {
    for (const c of g.cases as J[]) {
      const { side, mode, amount, spreadBps, ...want } = c;
      const got = result(() => fillJson(market(g.market).quote(side as Side, mode as Mode, BigInt(amount), spreadBps)));
      assert.deepEqual(got, want, `${JSON.stringify(g.market)} ${side} ${mode} ${amount} @${spreadBps}`);
      if ("error" in want) refused++;
      seen.add(`${side}/${mode}`);
      n++;
    }
  }
  assert.ok(n >= 500, `${n} cases`);
  assert.ok(refused > 0 && refused < n);
  assert.equal(seen.size, 4);
});

test("Market.value and assetForValue match Rust in both roundings", () => {
  let n = 0;
  for (const g of pricing.values as J[]) {
    const m = market(g.market);
    for (const c of g.cases as J[]) {
      const r = c.rounding as Rounding;
      const str = (f: () => bigint) => {
        const v = result(f);
        return typeof v === "bigint" ? v.toString() : v;
      };
      assert.deepEqual(str(() => m.value(BigInt(c.amount), r)), c.value, `value ${c.amount} ${r}`);
      assert.deepEqual(str(() => m.assetForValue(BigInt(c.amount), r)), c.assetForValue, `assetForValue ${c.amount} ${r}`);
      n++;
    }
  }
  assert.ok(n >= 90);
});

test("skewedSpreadBps matches Rust, overflow included", () => {
  for (const c of pricing.skews as J[]) {
    const got = result(() => ({
      spreadBps: skewedSpreadBps(c.baseBps, c.skewStartBps, c.skewMaxBps, BigInt(c.inventory), BigInt(c.positionLimit)),
    }));
    assert.deepEqual(got, c.result, JSON.stringify(c));
  }
});

test("Market.quoteSale and Skew.area match Rust: below, across and beyond the skew band, both modes", () => {
  let n = 0;
  const modes = new Set<string>();
  let skewed = 0;
  for (const c of pricing.sales as J[]) {
    const skew = new Skew(c.skewStartBps, c.skewMaxBps, BigInt(c.positionLimit));
    const what = JSON.stringify({ ...c, result: undefined, area: undefined });
    const inv = BigInt(c.inventory);
    const amount = BigInt(c.amount);
    const to = inv + amount > (1n << 64n) - 1n ? (1n << 64n) - 1n : inv + amount;
    const area = result(() => skew.area(inv, to).toString());
    assert.deepEqual(area, c.area, `area ${what}`);
    const got = result(() => {
      const f = market(c.market).quoteSale(c.mode as Mode, amount, c.bidBps, skew, inv);
      return { ...fillJson(f), spreadBps: f.spreadBps };
    });
    assert.deepEqual(got, c.result, what);
    // the same through the params shape
    const viaParams = result(() => {
      const f = market(c.market).quoteSale(c.mode as Mode, amount, c.bidBps, {
        startBps: c.skewStartBps,
        maxBps: c.skewMaxBps,
        positionLimit: c.positionLimit,
      }, c.inventory);
      return { ...fillJson(f), spreadBps: f.spreadBps };
    });
    assert.deepEqual(viaParams, c.result, what);
    modes.add(c.mode);
    if (c.area !== "0") skewed++;
    n++;
  }
  assert.equal(n, 960);
  assert.equal(modes.size, 2);
  assert.ok(skewed > 100, `${skewed} cases pay a skew`);
});

test("confidenceBps matches Rust, refusals included", () => {
  assert.ok(pricing.confidences.length >= 5);
  for (const c of pricing.confidences as J[]) {
    const got = result(() => ({ bps: confidenceBps(BigInt(c.price), BigInt(c.conf)) }));
    assert.deepEqual(got, c.result, JSON.stringify(c));
  }
});

test("toWad and deviates match Rust", () => {
  for (const c of pricing.toWad as J[]) {
    const got = result(() => {
      const w = toWad(BigInt(c.value), c.exponent);
      return { wad: w === null ? null : w.toString() };
    });
    assert.deepEqual(got, c.result, `${c.value}e${c.exponent}`);
  }
  for (const c of pricing.deviates as J[]) {
    const got = result(() => ({ deviates: deviates(BigInt(c.new), BigInt(c.reference), c.maxBps) }));
    assert.deepEqual(got, c.result, JSON.stringify(c));
  }
});

// ---- the crate's unit-test edges, as a reader would check them --------------------------

const usds = (priceWad: bigint, adec: number) => new Market(priceWad, adec, 6);

test("seed 000: 100,000 t-bills at NAV 1.00 sold at 5 bps pay 99,950 USDS", () => {
  const f = usds(WAD, 6).quote("sellAsset", "exactIn", 100_000_000_000n, 5);
  assert.equal(f.quoteAmount, 99_950_000_000n);
  assert.equal(f.midQuote, 100_000_000_000n);
  assert.equal(usds(WAD, 6).quote("sellAsset", "exactOut", 99_950_000_000n, 5).assetAmount, 100_000_000_000n);
  assert.equal(usds(WAD, 6).quote("buyAsset", "exactOut", 500_000_000_000n, 10).quoteAmount, 500_500_000_000n);
  assert.equal(usds(WAD, 6).quote("buyAsset", "exactIn", 500_500_000_000n, 10).assetAmount, 500_000_000_000n);
});

test("one-unit dust rounds for the pool", () => {
  const m = usds(WAD / 2n, 6);
  assert.equal(m.quote("sellAsset", "exactIn", 1n, 0).quoteAmount, 0n);
  assert.equal(m.quote("buyAsset", "exactOut", 1n, 0).quoteAmount, 1n);
  assert.equal(m.quote("buyAsset", "exactIn", 1n, 0).assetAmount, 2n);
  assert.equal(m.quote("buyAsset", "exactIn", 1n, 1).assetAmount, 1n);
});

test("refusals: spread cap, decimals, zero price; out-of-type inputs are a RangeError", () => {
  assert.throws(() => usds(WAD, 6).quote("sellAsset", "exactIn", 1n, 5_001), { kind: "Overflow" });
  assert.throws(() => usds(WAD, 19).value(1n, "down"), { kind: "Overflow" });
  assert.throws(() => usds(0n, 6).quote("sellAsset", "exactOut", 1n, 5), { kind: "DivisionByZero" });
  assert.throws(() => mulDiv(1n, 1n, 0n, "down"), { kind: "DivisionByZero" });
  assert.throws(() => usds(WAD, 6).quote("sellAsset", "exactIn", 1n << 64n, 5), RangeError);
  assert.throws(() => usds(WAD, 6).quote("sellAsset", "exactIn", -1n, 5), RangeError);
  assert.throws(() => new Market(-1n, 6, 6), RangeError);
});

test("mulDiv keeps a product beyond u128 as long as the quotient fits", () => {
  const max = (1n << 128n) - 1n;
  assert.equal(mulDiv(max, max, max, "down"), max);
  assert.equal(mulDiv(max, 2n, 2n, "up"), max);
  assert.throws(() => mulDiv(max, 2n, 1n, "down"), { kind: "Overflow" });
  // (2^43 - 1)(2^86 + 2^43 + 1) = 2^129 - 1 = 2 * max + 1: floor fits, ceiling does not
  const [a, b] = [(1n << 43n) - 1n, (1n << 86n) + (1n << 43n) + 1n];
  assert.equal(mulDiv(a, b, 2n, "down"), max);
  assert.throws(() => mulDiv(a, b, 2n, "up"), { kind: "Overflow" });
  assert.equal(mulDiv(7n, 3n, 2n, "up"), 11n);
  assert.equal(mulDiv(7n, 3n, 2n, "down"), 10n);
});

test("skew widens only past the start; confidence bound", () => {
  assert.equal(skewedSpreadBps(5, 5_000, 20, 0n, 1_000n), 5);
  assert.equal(skewedSpreadBps(5, 5_000, 20, 750n, 1_000n), 15);
  assert.equal(skewedSpreadBps(5, 5_000, 20, 9_999n, 1_000n), 25);
  assert.equal(skewedSpreadBps(5, 10_000, 20, 900n, 1_000n), 5);
  assert.ok(confidenceWithin(100_000n, 50n, 5));
  assert.ok(!confidenceWithin(100_000n, 51n, 5));
  assert.ok(confidenceWithin((1n << 64n) - 1n, (1n << 64n) - 1n, 10_000));
});

// ---- sales at the average skew (halo_math::pricing's unit tests and properties) ----------

const TOKEN = 1_000_000n;
/** Finding 11's numbers: a 1M position limit, skew from 50 % to +20 bps, a 5 bps bid. */
const jaaaSkew = () => new Skew(5_000, 20, 1_000_000n * TOKEN);

test("a block sale across the skew start pays the average skew", () => {
  const mk = usds(WAD, 6);
  const skew = jaaaSkew();
  const inv = 499_999n * TOKEN;
  // the old pricing (skew at the pre-trade inventory) paid the base bid: 499,750
  assert.equal(mk.quote("sellAsset", "exactIn", 500_000n * TOKEN, 5).quoteAmount, 499_750n * TOKEN);
  // now: the skew rises from 0 to ~20 bps over the sale, ~10 bps on average
  const block = mk.quoteSale("exactIn", 500_000n * TOKEN, 5, skew, inv);
  assert.equal(block.spreadBps, 15);
  assert.ok(block.quoteAmount < 499_250n * TOKEN + TOKEN);
  assert.ok(block.quoteAmount > 499_249n * TOKEN);
  // ten slices of 50,000 receive the same in total, up to rounding
  let slices = 0n;
  for (let i = 0n; i < 10n; i++) slices += mk.quoteSale("exactIn", 50_000n * TOKEN, 5, skew, inv + i * 50_000n * TOKEN).quoteAmount;
  assert.ok(block.quoteAmount <= slices + 10n);
  const gap = slices > block.quoteAmount ? slices - block.quoteAmount : block.quoteAmount - slices;
  assert.ok(gap <= 10n, "same spread up to rounding");
});

test("an 18-decimal quote against a 0-decimal asset does not overflow (the ratio never does)", () => {
  // one whole token at 10 quote tokens of 18 decimals (u64 holds up to ~18.4 of them)
  const mk = new Market(10n * WAD, 0, 18);
  assert.equal(mk.value(1n, "down"), 10_000_000_000_000_000_000n);
  assert.equal(mk.quote("sellAsset", "exactIn", 1n, 5).quoteAmount, 9_995_000_000_000_000_000n);
  const huge = new Market((1n << 128n) - 1n, 0, 18);
  assert.throws(() => huge.value(1n, "down"), { kind: "Overflow" });
  assert.equal(huge.assetForValue((1n << 64n) - 1n, "down"), 0n);
  // and the other extreme: an 18-decimal asset against a 0-decimal quote
  assert.equal(new Market(WAD, 18, 0).value(3n * WAD, "down"), 3n);
});

test("Skew.at: the marginal skew, rounded down", () => {
  const skew = jaaaSkew();
  const l = skew.positionLimit;
  assert.equal(skew.at(0n), 0n);
  assert.equal(skew.at(l / 2n), 0n);
  assert.equal(skew.at((3n * l) / 4n), 10n);
  assert.equal(skew.at((3n * l) / 4n - 1n), 9n);
  assert.equal(skew.at(l), 20n);
  assert.equal(skew.at((1n << 64n) - 1n), 20n);
  assert.equal(new Skew(10_000, 20, l).at(l), 0n);
});

test("Skew.area edges", () => {
  const skew = jaaaSkew();
  const l = skew.positionLimit;
  const max = (1n << 64n) - 1n;
  assert.equal(skew.area(0n, l / 2n), 0n);
  assert.equal(skew.area(l, l), 0n);
  // rising half: average M/2 over L/2 units
  assert.equal(skew.area(l / 2n, l), (l / 2n) * 10n);
  // beyond the limit: flat M
  assert.equal(skew.area(l, l + 100n), 100n * 20n);
  assert.equal(new Skew(5_000, 0, l).area(0n, max), 0n);
  // no overflow at the extremes
  assert.ok(skew.area(0n, max) > 0n);
  // backwards or empty: nothing
  assert.equal(skew.area(l + 100n, l), 0n);
  assert.throws(() => skew.area(-1n, 0n), RangeError);
});

test("confidenceBps rounds up; a Pyth reading's price and width", () => {
  assert.equal(confidenceBps(100_000_000n, 10_000n), 1);
  assert.equal(confidenceBps(100_000_000n, 10_001n), 2);
  assert.equal(confidenceBps(1n, 0n), 0);
  assert.throws(() => confidenceBps(0n, 1n), { kind: "DivisionByZero" });
  assert.throws(() => confidenceBps(3n, (1n << 64n) - 1n), { kind: "Overflow" });
  assert.deepEqual(pythReading(100_000_000n, 10_001n, -8), { priceWad: WAD, confBps: 2 });
  assert.equal(pythReading(0n, 0n, -8), null);
  assert.equal(pythReading(-5n, 0n, -8), null);
});

test("quoteSale refuses a widest spread past the cap; a zero sale pays the bid", () => {
  const mk = usds(WAD, 6);
  const wide = new Skew(0, 4_995, 1_000n);
  assert.equal(mk.quoteSale("exactIn", 10n, 5, wide, 0n).assetAmount, 10n);
  assert.throws(() => mk.quoteSale("exactIn", 10n, 6, wide, 0n), { kind: "Overflow" });
  assert.throws(() => mk.quoteSale("exactOut", 10n, 6, wide, 0n), { kind: "Overflow" });
  assert.throws(() => usds(0n, 6).quoteSale("exactOut", 1n, 5, jaaaSkew(), 0n), { kind: "DivisionByZero" });
  assert.throws(() => mk.quoteSale("exactIn", 1n, 5, jaaaSkew(), (1n << 64n) - 1n), { kind: "Overflow" });
  const zero = mk.quoteSale("exactIn", 0n, 7, jaaaSkew(), 0n);
  assert.deepEqual(zero, { assetAmount: 0n, quoteAmount: 0n, midQuote: 0n, spreadBps: 7 });
});

/** A deterministic generator (xorshift64*) for the property checks below. */
function rng(seed: bigint) {
  let x = seed;
  const mask = (1n << 64n) - 1n;
  return (bound: bigint): bigint => {
    x ^= x >> 12n;
    x ^= (x << 25n) & mask;
    x ^= x >> 27n;
    return ((x * 2685821657736338717n) & mask) % bound;
  };
}
const randomMarket = (r: (b: bigint) => bigint) =>
  new Market(WAD / 100n + r(10_000n * WAD), Number(r(10n)), Number(r(10n)));
const randomSkew = (r: (b: bigint) => bigint) => new Skew(r(10_000n), r(1_000n), 1n + r((1n << 45n) - 1n));

test("properties: one block never pays less spread than two slices; exact out delivers and is minimal enough", () => {
  const r = rng(0x9e3779b97f4a7c15n);
  let checked = 0;
  let minimal = 0;
  for (let i = 0; i < 400; i++) {
    const mk = randomMarket(r);
    const skew = randomSkew(r);
    const inv = r(1n << 45n);
    const [a1, a2] = [1n + r(1n << 40n), 1n + r(1n << 40n)];
    const bid = r(2_000n);
    const attempt = <T>(f: () => T): T | undefined => {
      try {
        return f();
      } catch (e) {
        if (e instanceof MathError) return undefined;
        throw e;
      }
    };
    const block = attempt(() => mk.quoteSale("exactIn", a1 + a2, bid, skew, inv));
    const s1 = attempt(() => mk.quoteSale("exactIn", a1, bid, skew, inv));
    const s2 = attempt(() => mk.quoteSale("exactIn", a2, bid, skew, inv + a1));
    if (block && s1 && s2) {
      const tol = 1n + mk.value(2n, "up") / 10_000n + 1n;
      assert.ok(block.quoteAmount <= s1.quoteAmount + s2.quoteAmount + tol, `block ${i}`);
      checked++;
    }
    const want = 1n + r(1n << 40n);
    const out = attempt(() => mk.quoteSale("exactOut", want, bid, skew, inv));
    if (out) {
      assert.equal(out.quoteAmount, want);
      const back = mk.quoteSale("exactIn", out.assetAmount, bid, skew, inv);
      assert.ok(back.quoteAmount >= want, `exact out ${i} delivers`);
      const widest = mk.quote("sellAsset", "exactOut", want, bid + skew.maxBps);
      assert.ok(out.assetAmount <= widest.assetAmount, `exact out ${i} within the widest spread`);
    }
    // a pool's usual shape (6-decimal mints, a skew of at most 0.2 % of what the bid keeps,
    // as 20 bps against a 5 bps bid): the search finds the least amount, one unit less does
    // not deliver (for a steeper skew it may ask a little more after SALE_SEARCH_STEPS)
    const usual = new Market(mk.priceWad, 6, 6);
    const gentle = new Skew(skew.startBps, r(1n + (10_000n - bid) / 500n), skew.positionLimit);
    const small = 1n + r(1n << 40n);
    const least = attempt(() => usual.quoteSale("exactOut", small, bid, gentle, inv));
    if (least && least.assetAmount > 1n) {
      const less = attempt(() => usual.quoteSale("exactIn", least.assetAmount - 1n, bid, gentle, inv));
      if (less)
        assert.ok(
          less.quoteAmount < small,
          `exact out ${i} is the least amount`,
        );
      minimal++;
    }
    const x = r(1n << 45n);
    const [d1, d2] = [r(1n << 40n), r(1n << 40n)];
    const whole = skew.area(x, x + d1 + d2);
    const parts = skew.area(x, x + d1) + skew.area(x + d1, x + d1 + d2);
    assert.ok(parts >= whole && parts - whole <= 4n, `area ${i} additive`);
  }
  assert.ok(checked > 100, `${checked} block / slice comparisons`);
  assert.ok(minimal > 20, `${minimal} minimality checks`);
});

test("quoteSwap prices sales at the average skew and widens both sides by the confidence", () => {
  const pool = {
    assetDecimals: 6,
    quoteDecimals: 6,
    inventory: 499_999n * TOKEN,
    params: { bidSpreadBps: 5, askSpreadBps: 7, skewStartBps: 5_000, skewMaxBps: 20, positionLimit: 1_000_000n * TOKEN },
  };
  const mk = usds(WAD, 6);
  const sale = quoteSwap(pool, WAD, "sellAsset", "exactIn", 500_000n * TOKEN);
  assert.deepEqual(sale, mk.quoteSale("exactIn", 500_000n * TOKEN, 5, jaaaSkew(), pool.inventory));
  assert.equal(sale.spreadBps, 15);
  // a Pyth price 2 bps wide: the bid is 7 bps before the skew, the ask 9
  const wide = quoteSwap(pool, WAD, "sellAsset", "exactOut", 1_000n * TOKEN, 2);
  assert.deepEqual(wide, mk.quoteSale("exactOut", 1_000n * TOKEN, 7, jaaaSkew(), pool.inventory));
  const buy = quoteSwap(pool, WAD, "buyAsset", "exactOut", 1_000_000n, 2);
  assert.deepEqual(buy, { ...mk.quote("buyAsset", "exactOut", 1_000_000n, 9), spreadBps: 9 });
  assert.equal(buy.quoteAmount, 1_000_900n);
  // the program refuses a spread the confidence widens past the cap (ConfidenceTooWide)
  assert.throws(() => quoteSwap(pool, WAD, "sellAsset", "exactIn", TOKEN, 4_976), { kind: "Overflow" });
  assert.throws(() => quoteSwap(pool, WAD, "buyAsset", "exactIn", TOKEN, 4_994), { kind: "Overflow" });
  assert.equal(quoteSwap(pool, WAD, "buyAsset", "exactIn", TOKEN, 4_993).spreadBps, 5_000);
  // the older exactIn flag reads as the mode it names
  assert.deepEqual(quoteSwap(pool, WAD, "sellAsset", true, 500_000n * TOKEN), sale);
  assert.deepEqual(quoteSwap(pool, WAD, "buyAsset", false, 1_000_000n, 2), buy);
  assert.throws(() => quoteSwap(pool, WAD, "buyAsset", "exactly" as Mode, TOKEN), RangeError);
});

// ---- the user's bound (pricing::Bound, within_bound, limit_with_slippage) ----------------

/** A fill of `asset` against `quote` (the Rust tests' `fill`, mid = quote). */
const fill = (assetAmount: bigint, quoteAmount: bigint): Fill => ({ assetAmount, quoteAmount, midQuote: quoteAmount });
const U64 = (1n << 64n) - 1n;
const SIDES: Side[] = ["sellAsset", "buyAsset"];
const MODES: Mode[] = ["exactIn", "exactOut"];

test("withinBound checks the amount each side and mode limits (within_bound's vectors)", () => {
  const f = fill(100n, 99_950n);
  // sell exact in: min quote out
  assert.equal(withinBound("sellAsset", "exactIn", f, 99_950n), true);
  assert.equal(withinBound("sellAsset", "exactIn", f, 99_951n), false);
  // sell exact out: max asset in
  assert.equal(withinBound("sellAsset", "exactOut", f, 100n), true);
  assert.equal(withinBound("sellAsset", "exactOut", f, 99n), false);
  // buy exact in: min asset out
  assert.equal(withinBound("buyAsset", "exactIn", f, 100n), true);
  assert.equal(withinBound("buyAsset", "exactIn", f, 101n), false);
  // buy exact out: max quote in
  assert.equal(withinBound("buyAsset", "exactOut", f, 99_950n), true);
  assert.equal(withinBound("buyAsset", "exactOut", f, 99_949n), false);
  // Bound::of: which amount, and how
  assert.deepEqual(boundOf("sellAsset", "exactIn", f), { kind: "minOut", amount: 99_950n });
  assert.deepEqual(boundOf("sellAsset", "exactOut", f), { kind: "maxIn", amount: 100n });
  assert.deepEqual(boundOf("buyAsset", "exactIn", f), { kind: "minOut", amount: 100n });
  assert.deepEqual(boundOf("buyAsset", "exactOut", f), { kind: "maxIn", amount: 99_950n });
  // limits and amounts are u64, as on chain
  assert.throws(() => withinBound("sellAsset", "exactIn", f, -1n), RangeError);
  assert.throws(() => withinBound("sellAsset", "exactIn", f, U64 + 1n), RangeError);
  assert.throws(() => withinBound("sellAsset", "exactIn", fill(U64 + 1n, 0n), 0n), RangeError);
  assert.throws(() => withinBound("sideways" as Side, "exactIn", f, 0n), RangeError);
});

test("limitWithSlippage rounds against the user, and its edges (limit_with_slippage's vectors)", () => {
  const f = fill(3n, 1_001n);
  // min out: floor(1001 * 0.99) = 990
  assert.equal(limitWithSlippage("sellAsset", "exactIn", f, 100), 990n);
  // max in: ceil(3 * 1.01) = 4
  assert.equal(limitWithSlippage("sellAsset", "exactOut", f, 100), 4n);
  // zero tolerance is the fill itself; full tolerance accepts anything out
  assert.equal(limitWithSlippage("buyAsset", "exactOut", f, 0), 1_001n);
  assert.equal(limitWithSlippage("buyAsset", "exactIn", f, 10_000), 0n);
  assert.throws(() => limitWithSlippage("buyAsset", "exactIn", f, 10_001), (e: unknown) => e instanceof MathError && e.kind === "Overflow");
  // max in near u64::MAX overflows instead of wrapping
  const big = fill(U64, 1n);
  assert.throws(() => limitWithSlippage("sellAsset", "exactOut", big, 1), (e: unknown) => e instanceof MathError && e.kind === "Overflow");
  assert.equal(limitWithSlippage("sellAsset", "exactOut", big, 0), U64);
  // a max in takes any u16 tolerance (as the Rust u16 argument); other values are not a slippage
  assert.equal(limitWithSlippage("buyAsset", "exactOut", f, 0xffff), 7_562n); // ceil(1001 * 7.5535)
  for (const bad of [-1, 0x10000, 1.5, Number.NaN])
    assert.throws(() => limitWithSlippage("buyAsset", "exactOut", f, bad), RangeError, String(bad));
});

test("property: the quoted fill always passes its own slippage limit, and one unit past it does not", () => {
  const r = rng(0xd1b54a32d192ed03n);
  const half = U64 / 2n;
  for (let i = 0; i < 2_000; i++) {
    const f = fill(r(half + 1n), r(half + 1n));
    const s = Number(r(10_001n));
    const side = SIDES[Number(r(2n))];
    const mode = MODES[Number(r(2n))];
    const limit = limitWithSlippage(side, mode, f, s);
    assert.ok(withinBound(side, mode, f, limit), `${side} ${mode} ${s} bps: ${limit}`);
    // and the limit is the tightest the tolerance allows: one unit past it (when that is
    // a u64) fails the fill's own amount scaled by the tolerance
    const b = boundOf(side, mode, f);
    if (b.kind === "minOut") {
      assert.ok(limit <= b.amount);
      assert.ok((limit + 1n) * 10_000n > b.amount * BigInt(10_000 - s), "floor");
    } else {
      assert.ok(limit >= b.amount);
      assert.ok((limit - 1n) * 10_000n < b.amount * BigInt(10_000 + s), "ceil");
    }
  }
});

test("property: a quoted swap passes the limit set from it, at any tolerance", () => {
  const r = rng(0x94d049bb133111ebn);
  let checked = 0;
  for (let i = 0; i < 300; i++) {
    const mk = randomMarket(r);
    const side = SIDES[Number(r(2n))];
    const mode = MODES[Number(r(2n))];
    let q: Fill;
    try {
      q = mk.quote(side, mode, 1n + r(1n << 50n), r(500n));
    } catch (e) {
      if (e instanceof MathError) continue;
      throw e;
    }
    const s = Number(r(10_001n));
    assert.ok(withinBound(side, mode, q, limitWithSlippage(side, mode, q, s)));
    checked++;
  }
  assert.ok(checked > 100, `${checked} quotes`);
});
