// The TS port of halo_math::pricing against the Rust results (tests/tests/golden/trading.rs
// computes the table with the real crate): every quote, value, skew, WAD conversion and
// deviation check, refusals included, plus the crate's own unit-test edges.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  confidenceWithin,
  deviates,
  type Fill,
  Market,
  MathError,
  type Mode,
  mulDiv,
  type Rounding,
  type Side,
  skewedSpreadBps,
  toWad,
  WAD,
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
