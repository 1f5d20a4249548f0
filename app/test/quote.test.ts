// Rate-limit quotes: the same edges as crates/halo-math's unit tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BN } from "../src/program.ts";
import { available, rateLimitState, secondsUntil, sorlBound, UNLIMITED, type RateLimitState } from "../src/quote.ts";

const T0 = 1_700_000_000n;
const rl = (maxAmount: bigint, slope: bigint, lastAmount: bigint): RateLimitState => ({
  maxAmount,
  slope,
  lastAmount,
  lastUpdated: T0,
});

test("available refills linearly and caps at max", () => {
  const r = rl(1_000n, 10n, 0n);
  assert.equal(available(r, T0), 0n);
  assert.equal(available(r, T0 + 1n), 10n);
  assert.equal(available(r, T0 + 99n), 990n);
  assert.equal(available(r, T0 + 100n), 1_000n);
  assert.equal(available(r, T0 + 10_000n), 1_000n);
});

test("a clock behind counts as no time passed; unlimited is always available", () => {
  assert.equal(available(rl(1_000n, 10n, 400n), T0 - 50n), 400n);
  assert.equal(available(rl(UNLIMITED, 0n, 0n), T0), UNLIMITED);
});

test("seconds until an amount is available", () => {
  const r = rl(1_000n, 10n, 0n);
  assert.equal(secondsUntil(r, T0, 0n), 0n);
  assert.equal(secondsUntil(r, T0, 15n), 2n);
  assert.equal(secondsUntil(r, T0, 1_001n), null);
  assert.equal(secondsUntil(rl(1_000n, 0n, 5n), T0, 6n), null);
});

test("SORL bound rounds down and never reaches unlimited", () => {
  assert.equal(sorlBound(1_000_000n, 2_500), 1_250_000n);
  assert.equal(sorlBound(3n, 2_500), 3n);
  assert.equal(sorlBound(0n, 2_500), 0n);
  assert.equal(sorlBound(UNLIMITED - 1n, 2_500), UNLIMITED - 1n);
});

test("rateLimitState reads a PAU rate limit's nested limit, or a pool's limit itself", () => {
  const fields = { maxAmount: new BN("18446744073709551615"), slope: new BN(10), lastAmount: new BN(5), lastUpdated: new BN(T0.toString()) };
  const want: RateLimitState = { maxAmount: UNLIMITED, slope: 10n, lastAmount: 5n, lastUpdated: T0 };
  // a decoded halo_pau `rateLimit` account: the state is `limit: RateLimitState`
  assert.deepEqual(rateLimitState({ limit: fields }), want);
  // a decoded halo_trading pool's `bidLimit` / `askLimit` / `redeemLimit`
  assert.deepEqual(rateLimitState(fields), want);
  assert.equal(available(rateLimitState({ limit: fields }), T0 + 1n), UNLIMITED);
  assert.throws(() => rateLimitState({ maxAmount: 1n, slope: 1n, lastAmount: 1n } as never), /not a RateLimitState: no lastUpdated/);
});
