// The Passthrough Halo's queue maths: a bigint port of crates/halo-math/src/lcts.rs (on the
// `mulDiv` of amm.ts), checked against the Rust results in test/golden-lcts.test.ts. Same
// inputs, same outputs, same refusals:
// * a queue's current generation holds `totalUnderlying` (what waits to be converted) and
//   `totalShares` (internal, u128); a settlement credits its reward to every share at once
//   through `rewardPerShare` (WAD, cumulative), so a position earns
//   `shares * (rewardPerShare - rewardDebt) / 1e18`;
// * every division rounds against the user (shares minted and payouts round down);
// * a refusal of the queue maths throws `LctsRefusal` (its `kind` is the Rust variant),
//   anything that overflows the Rust integer types `MathError("Overflow")`, a zero
//   divisor `MathError("DivisionByZero")`.
// On top, the quotes a client asks for: what a subscribe / request_redeem, a claim or an
// exit pays from a decoded queue and position, and what a settlement converts.
import { MathError, mulDiv, WAD } from "./amm.ts";

const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

type Num = bigint | number | string | { toString(): string };
const big = (v: Num): bigint => (typeof v === "bigint" ? v : BigInt(v.toString()));

/** Rejects inputs the Rust signature could not take (a programming error, not a refusal). */
function ranged(v: Num, min: bigint, max: bigint, what: string): bigint {
  const b = big(v);
  if (b < min || b > max) throw new RangeError(`${what} out of range: ${b}`);
  return b;
}
const u16 = (v: Num, what: string) => ranged(v, 0n, 65_535n, what);
const u64 = (v: Num, what: string) => ranged(v, 0n, U64_MAX, what);
const u128 = (v: Num, what: string) => ranged(v, 0n, U128_MAX, what);
const i64 = (v: Num, what: string) => ranged(v, I64_MIN, I64_MAX, what);

function checkedAdd(a: bigint, b: bigint, max: bigint): bigint {
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

/** `i64::saturating_add`. */
const saturatingAdd = (a: bigint, b: bigint): bigint => {
  const v = a + b;
  return v > I64_MAX ? I64_MAX : v < I64_MIN ? I64_MIN : v;
};

/** Why the queue maths refused (`halo_math::lcts::LctsError`, but its `Math` variant). */
export type LctsRefusalKind = "BelowMinimumEntry" | "ZeroShares" | "EmptyPosition" | "GenerationDrained";

/**
 * A refusal of the queue maths; the program answers with the halo_lcts error of the same
 * name (`BelowMinimumEntry`, `ZeroShares`, `EmptyPosition`, `GenerationDrained`).
 */
export class LctsRefusal extends Error {
  constructor(readonly kind: LctsRefusalKind) {
    super(`halo_math::lcts: ${kind}`);
    this.name = "LctsRefusal";
  }
}

/** The running totals of a queue's current generation (`lcts::GenerationTotals`). */
export interface GenerationTotals {
  /** Internal shares of every position still in the generation. */
  totalShares: bigint;
  /** Underlying base units waiting to be converted. */
  totalUnderlying: bigint;
  /** WAD; reward (base units of the reward mint) per share, cumulative. */
  rewardPerShare: bigint;
}

/** One owner's position in a generation (`lcts::PositionShares`). */
export interface PositionShares {
  shares: bigint;
  /** WAD; `rewardPerShare` when the position last claimed or entered. */
  rewardDebt: bigint;
}

/** The totals of a decoded `Queue` account (BN, number or bigint fields). */
export function generationTotals(queue: { totalShares: Num; totalUnderlying: Num; rewardPerShare: Num }): GenerationTotals {
  return {
    totalShares: u128(queue.totalShares, "totalShares"),
    totalUnderlying: u64(queue.totalUnderlying, "totalUnderlying"),
    rewardPerShare: u128(queue.rewardPerShare, "rewardPerShare"),
  };
}

/** The shares and debt of a decoded `Position` account; `null` (no position yet) is empty. */
export function positionShares(position: { shares: Num; rewardDebt: Num } | null | undefined): PositionShares {
  if (!position) return { shares: 0n, rewardDebt: 0n };
  return { shares: u128(position.shares, "shares"), rewardDebt: u128(position.rewardDebt, "rewardDebt") };
}

const totalsOf = (g: GenerationTotals): GenerationTotals => generationTotals(g);
const sharesOf = (p: PositionShares): PositionShares => positionShares(p);

/** The reward `p` has earned and not claimed, rounded down (`lcts::pending_reward`). */
export function pendingReward(g: GenerationTotals, p: PositionShares): bigint {
  const [t, q] = [totalsOf(g), sharesOf(p)];
  const perShare = checkedSub(t.rewardPerShare, q.rewardDebt);
  return narrow(mulDiv(q.shares, perShare, WAD, "down"));
}

/** The underlying `p` would take out on a full exit now, rounded down (`lcts::underlying_of`). */
export function underlyingOf(g: GenerationTotals, p: PositionShares): bigint {
  const [t, q] = [totalsOf(g), sharesOf(p)];
  if (t.totalShares === 0n) return 0n;
  return narrow(mulDiv(q.shares, t.totalUnderlying, t.totalShares, "down"));
}

/** What an entry does: the shares minted, the reward paid out, and the state after it. */
export interface EnterResult {
  shares: bigint;
  /** The position's pending reward, paid out at the entry. */
  reward: bigint;
  totals: GenerationTotals;
  position: PositionShares;
}

/**
 * Adds `amount` of underlying for `p` (`lcts::enter`): the shares minted (`amount` for an
 * empty generation, else `floor(amount * totalShares / totalUnderlying)`), after paying out
 * the position's pending reward. Refused below `minEntry` (or for nothing), in a drained
 * generation, or when no share would be minted. The inputs are not changed.
 */
export function enter(g: GenerationTotals, p: PositionShares, amount: Num, minEntry: Num): EnterResult {
  const [t, q] = [totalsOf(g), sharesOf(p)];
  const amt = u64(amount, "amount");
  const min = u64(minEntry, "minEntry");
  if (amt === 0n || amt < min) throw new LctsRefusal("BelowMinimumEntry");
  if (t.totalShares > 0n && t.totalUnderlying === 0n) throw new LctsRefusal("GenerationDrained");
  const reward = pendingReward(t, q);
  const shares = t.totalShares === 0n ? amt : mulDiv(amt, t.totalShares, t.totalUnderlying, "down");
  if (shares === 0n) throw new LctsRefusal("ZeroShares");
  const totals = {
    totalShares: checkedAdd(t.totalShares, shares, U128_MAX),
    totalUnderlying: checkedAdd(t.totalUnderlying, amt, U64_MAX),
    rewardPerShare: t.rewardPerShare,
  };
  const position = { shares: checkedAdd(q.shares, shares, U128_MAX), rewardDebt: t.rewardPerShare };
  return { shares, reward, totals, position };
}

/** Pays `p` its pending reward and moves its debt up to date (`lcts::claim`). */
export function claim(g: GenerationTotals, p: PositionShares): { reward: bigint; position: PositionShares } {
  const [t, q] = [totalsOf(g), sharesOf(p)];
  const reward = pendingReward(t, q);
  return { reward, position: { shares: q.shares, rewardDebt: t.rewardPerShare } };
}

/** What a full exit pays, and the state after it. */
export interface ExitResult {
  underlying: bigint;
  reward: bigint;
  totals: GenerationTotals;
  position: PositionShares;
}

/**
 * A full exit (`lcts::exit`): the position's part of the remaining underlying and its
 * pending reward, both rounded down; the last one out takes everything left (the rounding
 * dust goes with them). Refused for an empty position.
 */
export function exit(g: GenerationTotals, p: PositionShares): ExitResult {
  const [t, q] = [totalsOf(g), sharesOf(p)];
  if (q.shares === 0n) throw new LctsRefusal("EmptyPosition");
  const reward = pendingReward(t, q);
  let underlying = underlyingOf(t, q);
  const totalShares = checkedSub(t.totalShares, q.shares);
  const left = checkedSub(t.totalUnderlying, underlying);
  if (totalShares === 0n) underlying = checkedAdd(underlying, left, U64_MAX);
  return {
    underlying,
    reward,
    totals: { totalShares, totalUnderlying: totalShares === 0n ? 0n : left, rewardPerShare: t.rewardPerShare },
    position: { shares: 0n, rewardDebt: 0n },
  };
}

/**
 * How much of `remaining` underlying a settlement with `capacity` converts
 * (`lcts::conversion_of`): `min(capacity, remaining)`, or everything when what would
 * remain is below `dust`. A zero capacity converts nothing (it only unlocks).
 */
export function conversionOf(remaining: Num, capacity: Num, dust: Num): bigint {
  const [r, c, d] = [u64(remaining, "remaining"), u64(capacity, "capacity"), u64(dust, "dust")];
  if (c === 0n) return 0n;
  const convert = c < r ? c : r;
  return r - convert < d ? r : convert;
}

/** `conversionOf` the generation's whole underlying (`lcts::conversion`). */
export function conversion(g: GenerationTotals, capacity: Num, dust: Num): bigint {
  return conversionOf(totalsOf(g).totalUnderlying, capacity, dust);
}

/** What a settlement booked (`lcts::SettleOutcome`) and the totals after it. */
export interface SettleResult {
  converted: bigint;
  /** The generation has nothing left: it finalizes. */
  drained: boolean;
  totals: GenerationTotals;
}

/**
 * Books a settlement that converted `converted` underlying into `reward` of the reward
 * mint (`lcts::settle`): the reward is spread over every share, rounded down.
 */
export function settle(g: GenerationTotals, converted: Num, reward: Num): SettleResult {
  const t = totalsOf(g);
  const [c, r] = [u64(converted, "converted"), u64(reward, "reward")];
  const totalUnderlying = checkedSub(t.totalUnderlying, c);
  const rewardPerShare =
    t.totalShares === 0n ? t.rewardPerShare : checkedAdd(t.rewardPerShare, mulDiv(r, WAD, t.totalShares, "down"), U128_MAX);
  return {
    converted: c,
    drained: totalUnderlying === 0n,
    totals: { totalShares: t.totalShares, totalUnderlying, rewardPerShare },
  };
}

/** Halo Unit shares for `usds` converted at `rateWad` (USDS per share, WAD), rounded down. */
export function sharesForUsds(usds: Num, rateWad: Num): bigint {
  return narrow(mulDiv(u64(usds, "usds"), WAD, u128(rateWad, "rateWad"), "down"));
}

/** USDS for `shares` redeemed at `rateWad`, rounded down. */
export function usdsForShares(shares: Num, rateWad: Num): bigint {
  return narrow(mulDiv(u64(shares, "shares"), u128(rateWad, "rateWad"), WAD, "down"));
}

/** What netting the two queues of a unit matches inside it (`lcts::Netting`). */
export interface Netting {
  /** USDS passed from the subscribe queue to the redeem queue. */
  usds: bigint;
  /** Shares the subscribers receive: `floor(usds * WAD / rate)`. */
  sharesToSubscribers: bigint;
  /** Shares the redeemers give up: `ceil(usds * WAD / rate)`, at most what they queued (the difference is burned). */
  sharesFromRedeemers: bigint;
}

/**
 * Nets `subscribeUsds` waiting to subscribe against `redeemShares` waiting to redeem at
 * `rateWad` (`lcts::net`): the matched USDS is the smaller side's value (the redeem side
 * valued rounded down).
 */
export function net(subscribeUsds: Num, redeemShares: Num, rateWad: Num): Netting {
  const [usdsIn, sharesIn, rate] = [u64(subscribeUsds, "subscribeUsds"), u64(redeemShares, "redeemShares"), u128(rateWad, "rateWad")];
  const redeemValue = usdsForShares(sharesIn, rate);
  const usds = usdsIn < redeemValue ? usdsIn : redeemValue;
  const sharesToSubscribers = sharesForUsds(usds, rate);
  const up = narrow(mulDiv(usds, WAD, rate, "up"));
  return { usds, sharesToSubscribers, sharesFromRedeemers: up < sharesIn ? up : sharesIn };
}

/** Governance's bounds on the beacon's rate updates (`lcts::RateBounds`; a unit's params). */
export interface RateBounds {
  maxUpBps: number;
  maxDownBps: number;
  /** Seconds. */
  epochS: Num;
}

export type RateUpdateRefusalKind = "Zero" | "TooSoon" | "AboveBound" | "BelowBound";

/**
 * The beacon's rate update was refused (`lcts::RateUpdateError`); the program answers
 * `ZeroRate`, `RateUpdateTooSoon`, `RateAboveBound` or `RateBelowBound`.
 */
export class RateUpdateRefusal extends Error {
  constructor(readonly kind: RateUpdateRefusalKind) {
    super(`halo_math::lcts rate update: ${kind}`);
    this.name = "RateUpdateRefusal";
  }
}

/**
 * Checks the beacon's update from `oldWad` (set at `updatedAt`) to `newWad` at `now`
 * (`lcts::check_rate_update`): once per epoch, within the bounds (the upper rounded down,
 * the lower rounded up: both against the beacon). Throws `RateUpdateRefusal`.
 */
export function checkRateUpdate(oldWad: Num, newWad: Num, updatedAt: Num, now: Num, b: RateBounds): void {
  const [old, next] = [u128(oldWad, "oldWad"), u128(newWad, "newWad")];
  const [at, t, epoch] = [i64(updatedAt, "updatedAt"), i64(now, "now"), i64(b.epochS, "epochS")];
  if (next === 0n) throw new RateUpdateRefusal("Zero");
  if (t < saturatingAdd(at, epoch)) throw new RateUpdateRefusal("TooSoon");
  const up = mulDiv(old, u16(b.maxUpBps, "maxUpBps"), 10_000n, "down");
  const down = mulDiv(old, u16(b.maxDownBps, "maxDownBps"), 10_000n, "up");
  const ceiling = checkedAdd(old, up, U128_MAX);
  const floor = old > down ? old - down : 0n;
  if (next > ceiling) throw new RateUpdateRefusal("AboveBound");
  if (next < floor) throw new RateUpdateRefusal("BelowBound");
}

/** A rate set at `updatedAt` is stale at `now` once more than an epoch has passed. */
export function rateIsStale(updatedAt: Num, now: Num, epochS: Num): boolean {
  return i64(now, "now") > saturatingAdd(i64(updatedAt, "updatedAt"), i64(epochS, "epochS"));
}

// ---- quotes from decoded accounts ---------------------------------------------------------

/** The queue fields a quote reads (a decoded `Queue` account fits). */
export interface QueueFields {
  genId: Num;
  totalShares: Num;
  totalUnderlying: Num;
  rewardPerShare: Num;
  /** The IDL's `QueueStatus` enum: `{ dormant: {} }`, `{ active: {} }` or `{ locked: {} }`. */
  status: object;
}

/** The position fields a quote reads (a decoded `Position` account fits). */
export interface PositionFields {
  genId: Num;
  shares: Num;
  rewardDebt: Num;
}

const isLocked = (q: QueueFields) => "locked" in q.status;
/** The position is in a generation that has finalized: `settleFinalized` pays it. */
const finalizedIn = (q: QueueFields, p: PositionFields | null | undefined) => !!p && big(p.genId) < big(q.genId);

/**
 * What `shares` of a finalized generation whose last reward per share was
 * `finalRewardPerShare` earned beyond `rewardDebt` (`Position::finalized_reward`, what
 * `settleFinalized` pays), rounded down.
 */
export function finalizedReward(
  position: { shares: Num; rewardDebt: Num },
  generation: { finalRewardPerShare: Num },
): bigint {
  const q = positionShares(position);
  const perShare = checkedSub(u128(generation.finalRewardPerShare, "finalRewardPerShare"), q.rewardDebt);
  return narrow(mulDiv(q.shares, perShare, WAD, "down"));
}

/**
 * What a `subscribe` (USDS into the subscribe queue) or `requestRedeem` (shares into the
 * redeem queue) of `amount` does now: the queue shares it mints and the reward paid out
 * with it (the position's earned reward, plus, when its generation finalized, the
 * `finalized` generation's reward: the position restarts in the current generation).
 * Refused as the program refuses: `LctsRefusal` (below `minEntry`, a drained generation,
 * no share), `QueueLocked` as an `Error`.
 */
export function quoteEnter(p: {
  queue: QueueFields;
  /** The owner's position, `null` before their first entry. */
  position?: PositionFields | null;
  /** The position's finalized generation, when it has one (see `finalizedIn`). */
  finalized?: { finalRewardPerShare: Num } | null;
  amount: Num;
  minEntry: Num;
}): EnterResult {
  if (isLocked(p.queue)) throw new Error("QueueLocked: the queue is locked for settlement");
  let old = 0n;
  let position = positionShares(p.position);
  if (finalizedIn(p.queue, p.position)) {
    if (position.shares > 0n) {
      if (!p.finalized) throw new Error("FinalizedGenerationRequired: pass the position's finalized generation");
      old = finalizedReward(position, p.finalized);
    }
    position = { shares: 0n, rewardDebt: 0n };
  }
  const r = enter(generationTotals(p.queue), position, p.amount, p.minEntry);
  return { ...r, reward: checkedAdd(old, r.reward, U64_MAX) };
}

/** What `claim` pays now (the queue must be ACTIVE and the position in its generation). */
export function quoteClaim(queue: QueueFields, position: PositionFields): bigint {
  return claim(generationTotals(queue), positionShares(position)).reward;
}

/**
 * What a full `exit` pays now: the position's unconverted underlying (USDS on the subscribe
 * side, shares on the redeem side) and its earned reward (the other mint).
 */
export function quoteExit(queue: QueueFields, position: PositionFields): ExitResult {
  return exit(generationTotals(queue), positionShares(position));
}

/**
 * What the beacon's `settle` of a LOCKED queue with `capacity` converts at `rateWad`: the
 * underlying converted (dust included), the reward it produces (subscribe: shares for the
 * USDS, redeem: USDS for the shares, both rounded down), and the totals after it.
 */
export function quoteSettle(p: {
  side: "subscribe" | "redeem";
  queue: QueueFields;
  capacity: Num;
  dust: Num;
  rateWad: Num;
}): SettleResult & { reward: bigint } {
  const g = generationTotals(p.queue);
  const converted = conversion(g, p.capacity, p.dust);
  const reward = p.side === "subscribe" ? (converted === 0n ? 0n : sharesForUsds(converted, p.rateWad)) : converted === 0n ? 0n : usdsForShares(converted, p.rateWad);
  return { ...settle(g, converted, reward), reward };
}

/** One queue's side of a `settlePair`. */
export interface PairLeg {
  /** Inside the unit: USDS (subscribe) or shares (redeem) matched by netting. */
  netted: bigint;
  /** Converted through the PAU after netting. */
  external: bigint;
  /** What the generation receives in all: shares (subscribe) or USDS (redeem). */
  reward: bigint;
  /** The queue was LOCKED and so settled (a DORMANT queue takes no part). */
  settled: boolean;
  drained: boolean;
  totals: GenerationTotals;
}

/**
 * What the beacon's `settlePair` does (as `settle_pair`'s handler): netting the LOCKED
 * queues inside the unit at `rateWad`, then the remaining capacities through the PAU.
 */
export function quoteSettlePair(p: {
  subscribe: QueueFields;
  redeem: QueueFields;
  subscribeCapacity: Num;
  redeemCapacity: Num;
  rateWad: Num;
  dust: Num;
}): { netting: Netting; subscribe: PairLeg; redeem: PairLeg } {
  const [sg, rg] = [generationTotals(p.subscribe), generationTotals(p.redeem)];
  const [subLocked, redLocked] = [isLocked(p.subscribe), isLocked(p.redeem)];
  const subWaiting = subLocked ? sg.totalUnderlying : 0n;
  const redWaiting = redLocked ? rg.totalUnderlying : 0n;
  const n = net(subWaiting, redWaiting, p.rateWad);
  const subExt = conversionOf(checkedSub(subWaiting, n.usds), p.subscribeCapacity, p.dust);
  const redExt = conversionOf(checkedSub(redWaiting, n.sharesFromRedeemers), p.redeemCapacity, p.dust);
  const minted = subExt === 0n ? 0n : sharesForUsds(subExt, p.rateWad);
  const received = redExt === 0n ? 0n : usdsForShares(redExt, p.rateWad);
  const leg = (locked: boolean, g: GenerationTotals, netted: bigint, external: bigint, reward: bigint): PairLeg => {
    if (!locked) return { netted: 0n, external: 0n, reward: 0n, settled: false, drained: false, totals: g };
    const s = settle(g, checkedAdd(netted, external, U64_MAX), reward);
    return { netted, external, reward, settled: true, drained: s.drained, totals: s.totals };
  };
  return {
    netting: n,
    subscribe: leg(subLocked, sg, n.usds, subExt, checkedAdd(n.sharesToSubscribers, minted, U64_MAX)),
    redeem: leg(redLocked, rg, n.sharesFromRedeemers, redExt, checkedAdd(n.usds, received, U64_MAX)),
  };
}
