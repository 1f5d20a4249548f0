// The Structuring Halo's deal maths: a bigint port of crates/halo-math/src/nfat.rs (30/360
// interest, payment schedules, what is due by a time, days late and late penalties) and
// crates/halo-math/src/deal.rs (a deal's ledger: fundings, the payments they cover, the
// holder's redemptions, its standing), checked against the Rust results in
// test/golden-nfat.test.ts. Same inputs, same outputs, same refusals:
// * amounts owed round down (a term never promises more than its rate gives), days late
//   round up;
// * a schedule or date the maths cannot take throws `TermsRefusal` ("BadSchedule",
//   "BadDate"), a refused ledger step `LedgerRefusal` (its `kind` the Rust variant), and
//   anything that overflows the Rust integer types `MathError("Overflow")`.
// On top, what a client asks: a decoded Deal's standing (what it owes, what is overdue, what
// its holder can redeem now, as `halo_sdk::nfat::standing` and the on-chain `deal_view`),
// and what a redemption would pay.
import { MathError, mulDiv } from "./amm.ts";

const U32_MAX = (1n << 32n) - 1n;
const U64_MAX = (1n << 64n) - 1n;
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
const u32 = (v: Num, what: string) => ranged(v, 0n, U32_MAX, what);
const u64 = (v: Num, what: string) => ranged(v, 0n, U64_MAX, what);
const i64 = (v: Num, what: string) => ranged(v, I64_MIN, I64_MAX, what);

const overflow = () => new MathError("Overflow");
function add(a: bigint, b: bigint, max = U64_MAX): bigint {
  const v = a + b;
  if (v > max) throw overflow();
  return v;
}
function sub(a: bigint, b: bigint): bigint {
  if (b > a) throw overflow();
  return a - b;
}
const satSub = (a: bigint, b: bigint) => (b > a ? 0n : a - b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** precision: seconds. */
export const DAY_S = 86_400n;
/** The 30/360 year. */
export const DAYS_360 = 360n;
/** Buyboxes bound tenors far below this. */
export const MAX_TENOR_MONTHS = 1_200;

/** How a deal pays (`halo_math::nfat::Schedule`). */
export type ScheduleName = "bullet" | "amortizing" | "periodicInterest";

/** Why terms or a date cannot be computed (`TermsError`, but its `Math` variant). */
export type TermsRefusalKind = "BadSchedule" | "BadDate";

export class TermsRefusal extends Error {
  constructor(readonly kind: TermsRefusalKind) {
    super(`halo_math::nfat: ${kind}`);
    this.name = "TermsRefusal";
  }
}

/** Why a ledger step is refused (`LedgerError`, but its `Terms` variant). */
export type LedgerRefusalKind = "PrincipalOverfunded" | "InterestOverfunded" | "PenaltyOverfunded" | "NothingToFund";

/**
 * A refusal of the deal ledger; the program answers `fund` / `pay` with the halo_nfat
 * error of the same name.
 */
export class LedgerRefusal extends Error {
  constructor(readonly kind: LedgerRefusalKind) {
    super(`halo_math::deal: ${kind}`);
    this.name = "LedgerRefusal";
  }
}

/** A deal's economic terms (`halo_math::nfat::Terms`). */
export interface Terms {
  /** precision: base units of the deposit mint. */
  principal: bigint;
  /** precision: bps a year. */
  apyBps: number;
  /** precision: unix seconds. */
  startTs: bigint;
  tenorMonths: number;
  payments: number;
  schedule: ScheduleName;
}

/** One scheduled payment. */
export interface Payment {
  dueTs: bigint;
  principal: bigint;
  interest: bigint;
}

/** What is due in all by some time (cumulative). */
export interface Due {
  principal: bigint;
  interest: bigint;
}

/** A civil date (proleptic Gregorian). */
export interface CivilDate {
  year: bigint;
  month: number;
  day: number;
}

/** The schedule's name from its Anchor form (`{ bullet: {} }`) or the name itself. */
export function scheduleOf(s: ScheduleName | Record<string, unknown>): ScheduleName {
  const name = typeof s === "string" ? s : Object.keys(s ?? {})[0];
  if (name !== "bullet" && name !== "amortizing" && name !== "periodicInterest")
    throw new RangeError(`a schedule is one of bullet, amortizing, periodicInterest, got ${JSON.stringify(s)}`);
  return name;
}

/** Terms from their decoded Anchor form (BN / number fields, enum as `{ bullet: {} }`). */
export function termsOf(t: {
  principal: Num;
  apyBps: Num;
  startTs: Num;
  tenorMonths: Num;
  payments: Num;
  schedule: ScheduleName | Record<string, unknown>;
}): Terms {
  return {
    principal: u64(t.principal, "principal"),
    apyBps: Number(u32(t.apyBps, "apyBps")),
    startTs: i64(t.startTs, "startTs"),
    tenorMonths: Number(u32(t.tenorMonths, "tenorMonths")),
    payments: Number(u32(t.payments, "payments")),
    schedule: scheduleOf(t.schedule),
  };
}

// ---- the calendar (H. Hinnant's algorithms, non-negative days only) ----------------------

function daysFromCivil(d: CivilDate): bigint | null {
  const y = d.month <= 2 ? d.year - 1n : d.year;
  if (y < 0n) return null;
  const era = y / 400n;
  const yoe = y - era * 400n;
  const m = BigInt(d.month);
  const mp = m > 2n ? m - 3n : m + 9n;
  const doy = (153n * mp + 2n) / 5n + BigInt(d.day) - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  const days = era * 146_097n + doe;
  if (days > I64_MAX) return null;
  return days - 719_468n;
}

function civilFromDays(days: bigint): CivilDate {
  const z = days + 719_468n;
  const era = z / 146_097n;
  const doe = z - era * 146_097n;
  const yoe = (doe - doe / 1_460n + doe / 36_524n - doe / 146_096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  return { year: yoe + era * 400n + (month <= 2 ? 1n : 0n), month, day };
}

const isLeap = (y: bigint) => (y % 4n === 0n && y % 100n !== 0n) || y % 400n === 0n;

function monthLen(year: bigint, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The civil date and the seconds into its day of `ts` (≥ 0, else `BadDate`). */
export function dateOf(ts: Num): [CivilDate, bigint] {
  const t = i64(ts, "ts");
  if (t < 0n) throw new TermsRefusal("BadDate");
  return [civilFromDays(t / DAY_S), t % DAY_S];
}

/**
 * `ts` moved forward by `months` calendar months, the day clamped to the month's length
 * (Jan 31 + 1 month = Feb 28 / 29), the time of day kept.
 */
export function addMonths(ts: Num, months: Num): bigint {
  const [d, secs] = dateOf(ts);
  const total = BigInt(d.month - 1) + u32(months, "months");
  const year = d.year + total / 12n;
  const month = Number(total % 12n) + 1;
  const day = Math.min(d.day, monthLen(year, month));
  const days = daysFromCivil({ year, month, day });
  if (days === null) throw new TermsRefusal("BadDate");
  const s = days * DAY_S + secs;
  if (days * DAY_S > I64_MAX || s > I64_MAX) throw new TermsRefusal("BadDate");
  return s;
}

/**
 * 30/360 (US) days from `from` to `to` (dates only): a 31st counts as the 30th, and an end
 * on the 31st counts as the 30th when the start is on the 30th or 31st.
 */
export function days360(from: Num, to: Num): bigint {
  const [a] = dateOf(from);
  const [b] = dateOf(to);
  const d1 = Math.min(a.day, 30);
  const d2 = b.day === 31 && d1 === 30 ? 30 : b.day;
  const days = (b.year - a.year) * 360n + BigInt(b.month - a.month) * 30n + BigInt(d2 - d1);
  if (days < 0n || days > U64_MAX) throw new TermsRefusal("BadDate");
  return days;
}

/** Interest on `principal` at `apyBps` over `days` 30/360 days, rounded down. */
export function interest(principal: Num, apyBps: Num, days: Num): bigint {
  const rateDays = u32(apyBps, "apyBps") * u64(days, "days");
  const v = mulDiv(u64(principal, "principal"), rateDays, 3_600_000n, "down");
  if (v > U64_MAX) throw overflow();
  return v;
}

// ---- terms ---------------------------------------------------------------------------

/**
 * The terms can be scheduled: a positive principal, tenor and payment count, a bullet
 * paying once, the payments dividing the tenor into whole months, a valid start.
 */
export function checkTerms(t: Terms): void {
  const ok =
    t.principal > 0n &&
    t.tenorMonths > 0 &&
    t.tenorMonths <= MAX_TENOR_MONTHS &&
    t.payments > 0 &&
    t.tenorMonths % t.payments === 0 &&
    (t.schedule !== "bullet" || t.payments === 1);
  if (!ok) throw new TermsRefusal("BadSchedule");
  dateOf(t.startTs);
}

/** Months per period. */
export const periodMonths = (t: Terms): number => (t.payments === 0 ? 0 : Math.floor(t.tenorMonths / t.payments));

/** precision: unix seconds; the last payment's date. */
export function maturityTs(t: Terms): bigint {
  checkTerms(t);
  return addMonths(t.startTs, t.tenorMonths);
}

/** Payment `i` (0-based): its date, principal and interest. */
export function payment(t: Terms, i: number): Payment {
  checkTerms(t);
  if (i >= t.payments) throw new TermsRefusal("BadSchedule");
  const period = BigInt(periodMonths(t));
  const next = BigInt(i) + 1n;
  const fromMonths = period * BigInt(i);
  const dueMonths = period * next;
  if (dueMonths > U32_MAX || next > U32_MAX) throw overflow();
  const from = addMonths(t.startTs, fromMonths);
  const dueTs = addMonths(t.startTs, dueMonths);
  const last = next === BigInt(t.payments);
  const n = BigInt(t.payments);
  const part = t.principal / n;
  const earlier = part * (n - 1n);
  let principal: bigint;
  if (t.schedule === "amortizing") principal = last ? sub(t.principal, earlier) : part;
  else principal = last ? t.principal : 0n;
  return { dueTs, principal, interest: interest(t.principal, t.apyBps, days360(from, dueTs)) };
}

/** Everything due by `now` (payments whose date has come), cumulative. */
export function dueBy(t: Terms, now: Num): Due {
  const at = i64(now, "now");
  const due: Due = { principal: 0n, interest: 0n };
  for (let i = 0; i < t.payments; i++) {
    const p = payment(t, i);
    if (p.dueTs > at) break;
    due.principal = add(due.principal, p.principal);
    due.interest = add(due.interest, p.interest);
  }
  return due;
}

/** Everything the deal pays over its life. */
export const totalDue = (t: Terms): Due => dueBy(t, maturityTs(t));

/** Every scheduled payment in order (the buybox bounds their count). */
export function schedule(t: Terms): Payment[] {
  checkTerms(t);
  return Array.from({ length: t.payments }, (_, i) => payment(t, i));
}

/** Whole days late (rounded up) of a payment made at `paidTs` that was due at `dueTs`. */
export function daysLate(dueTs: Num, paidTs: Num): bigint {
  const late = i64(paidTs, "paidTs") - i64(dueTs, "dueTs");
  if (late <= 0n) return 0n;
  const l = late > I64_MAX ? I64_MAX : late; // i64::saturating_sub
  return (l + DAY_S - 1n) / DAY_S;
}

/** The late penalty on `overdue` for `days` days at `bpsPerDay`, rounded down. */
export function latePenalty(overdue: Num, days: Num, bpsPerDay: Num): bigint {
  const rate = u32(bpsPerDay, "bpsPerDay") * u64(days, "days");
  const v = mulDiv(u64(overdue, "overdue"), rate, 10_000n, "down");
  if (v > U64_MAX) throw overflow();
  return v;
}

// ---- the deal's ledger -----------------------------------------------------------------

/** Amounts in each of the three buckets a deal owes. */
export interface Amounts {
  principal: bigint;
  interest: bigint;
  penalty: bigint;
}

const zero = (): Amounts => ({ principal: 0n, interest: 0n, penalty: 0n });
export const amountsTotal = (a: Amounts): bigint => add(add(a.principal, a.interest), a.penalty);
const addAmounts = (a: Amounts, b: Amounts): Amounts => ({
  principal: add(a.principal, b.principal),
  interest: add(a.interest, b.interest),
  penalty: add(a.penalty, b.penalty),
});
const subAmounts = (a: Amounts, b: Amounts): Amounts => ({
  principal: sub(a.principal, b.principal),
  interest: sub(a.interest, b.interest),
  penalty: sub(a.penalty, b.penalty),
});

/** A deal's running ledger (`halo_math::deal::Ledger`). */
export interface Ledger {
  principalOutstanding: bigint;
  totalInterest: bigint;
  funded: Amounts;
  claimed: Amounts;
  penaltyOwed: bigint;
  paidThrough: number;
  coveredPrincipal: bigint;
  coveredInterest: bigint;
  daysLate: number;
  latePayments: number;
}

/** What a funding did. */
export interface Funding {
  newlyCovered: number;
  penaltyRecorded: bigint;
  daysLate: number;
}

/** A deal's standing at a time. */
export interface Standing {
  /** Funded and not yet claimed: what the holder can redeem now. */
  redeemable: Amounts;
  /** Not yet funded over the deal's life (principal, interest, recorded penalty). */
  unfunded: Amounts;
  /** Due by `now` and not yet funded (penalty: recorded and unfunded). */
  overdue: Amounts;
  /** Penalty the next uncovered payment would record if it were covered at `now`. */
  penaltyAccruing: bigint;
  /** Whole days the next uncovered payment is late at `now` (0 if not due). */
  daysOverdue: bigint;
}

const amountsOf = (a: { principal: Num; interest: Num; penalty: Num }): Amounts => ({
  principal: u64(a.principal, "principal"),
  interest: u64(a.interest, "interest"),
  penalty: u64(a.penalty, "penalty"),
});

/** A ledger from its decoded Anchor form (a Deal account's `ledger`). */
export function ledgerOf(l: {
  principalOutstanding: Num;
  totalInterest: Num;
  funded: { principal: Num; interest: Num; penalty: Num };
  claimed: { principal: Num; interest: Num; penalty: Num };
  penaltyOwed: Num;
  paidThrough: Num;
  coveredPrincipal: Num;
  coveredInterest: Num;
  daysLate: Num;
  latePayments: Num;
}): Ledger {
  return {
    principalOutstanding: u64(l.principalOutstanding, "principalOutstanding"),
    totalInterest: u64(l.totalInterest, "totalInterest"),
    funded: amountsOf(l.funded),
    claimed: amountsOf(l.claimed),
    penaltyOwed: u64(l.penaltyOwed, "penaltyOwed"),
    paidThrough: Number(u32(l.paidThrough, "paidThrough")),
    coveredPrincipal: u64(l.coveredPrincipal, "coveredPrincipal"),
    coveredInterest: u64(l.coveredInterest, "coveredInterest"),
    daysLate: Number(u32(l.daysLate, "daysLate")),
    latePayments: Number(u32(l.latePayments, "latePayments")),
  };
}

/** A fresh deal: everything outstanding, nothing funded. */
export function newLedger(t: Terms): Ledger {
  return {
    principalOutstanding: t.principal,
    totalInterest: totalDue(t).interest,
    funded: zero(),
    claimed: zero(),
    penaltyOwed: 0n,
    paidThrough: 0,
    coveredPrincipal: 0n,
    coveredInterest: 0n,
    daysLate: 0,
    latePayments: 0,
  };
}

/** Funded and not yet claimed. */
export const unclaimed = (l: Ledger): Amounts => subAmounts(l.funded, l.claimed);

/** Every base unit owed is funded (principal, interest and the penalties recorded). */
export const fullyFunded = (l: Ledger, t: Terms): boolean =>
  l.funded.principal >= t.principal && l.funded.interest >= l.totalInterest && l.funded.penalty >= l.penaltyOwed;

/** Everything owed has been funded and claimed (the final redemption burns the NFT). */
export function settled(l: Ledger, t: Terms): boolean {
  if (!fullyFunded(l, t)) return false;
  try {
    const u = unclaimed(l);
    return u.principal === 0n && u.interest === 0n && u.penalty === 0n;
  } catch {
    return false;
  }
}

const cloneLedger = (l: Ledger): Ledger => ({ ...l, funded: { ...l.funded }, claimed: { ...l.claimed } });

/**
 * `add` funded at `now`, late penalties at `bpsPerDay` for the payments it covers late:
 * the new ledger and what the funding did. Refuses overfunding; `l` is never changed.
 */
export function fund(l: Ledger, t: Terms, now: Num, addAmts: Amounts, bpsPerDay: Num): { ledger: Ledger; funding: Funding } {
  const at = i64(now, "now");
  const rate = u32(bpsPerDay, "bpsPerDay");
  if (amountsTotal(addAmts) === 0n) throw new LedgerRefusal("NothingToFund");
  const next = cloneLedger(l);
  next.funded = addAmounts(l.funded, addAmts);
  if (next.funded.principal > t.principal) throw new LedgerRefusal("PrincipalOverfunded");
  if (next.funded.interest > l.totalInterest) throw new LedgerRefusal("InterestOverfunded");
  const out: Funding = { newlyCovered: 0, penaltyRecorded: 0n, daysLate: 0 };
  while (next.paidThrough < t.payments) {
    const p = payment(t, next.paidThrough);
    const throughP = add(next.coveredPrincipal, p.principal);
    const throughI = add(next.coveredInterest, p.interest);
    if (next.funded.principal < throughP || next.funded.interest < throughI) break;
    const late = daysLate(p.dueTs, at);
    if (late > 0n) {
      const owed = add(p.principal, p.interest);
      const penalty = latePenalty(owed, late, rate);
      if (late > U32_MAX) throw overflow();
      const late32 = Number(late);
      next.penaltyOwed = add(next.penaltyOwed, penalty);
      next.daysLate = Number(add(BigInt(next.daysLate), late, U32_MAX));
      next.latePayments = Number(add(BigInt(next.latePayments), 1n, U32_MAX));
      out.penaltyRecorded = add(out.penaltyRecorded, penalty);
      out.daysLate = Math.max(out.daysLate, late32);
    }
    next.coveredPrincipal = throughP;
    next.coveredInterest = throughI;
    next.paidThrough = Number(add(BigInt(next.paidThrough), 1n, U32_MAX));
    out.newlyCovered = Number(add(BigInt(out.newlyCovered), 1n, U32_MAX));
  }
  if (next.funded.penalty > next.penaltyOwed) throw new LedgerRefusal("PenaltyOverfunded");
  return { ledger: next, funding: out };
}

/**
 * What a redemption of up to `max` pays (penalty, then interest, then principal) and the
 * ledger after it; `l` is never changed.
 */
export function redeem(l: Ledger, max: Num): { ledger: Ledger; paid: Amounts } {
  const open = unclaimed(l);
  let left = u64(max, "max");
  const take = (v: bigint) => {
    const x = min(v, left);
    left -= x;
    return x;
  };
  const paid: Amounts = { principal: 0n, interest: 0n, penalty: 0n };
  paid.penalty = take(open.penalty);
  paid.interest = take(open.interest);
  paid.principal = take(open.principal);
  const next = cloneLedger(l);
  next.claimed = addAmounts(l.claimed, paid);
  next.principalOutstanding = sub(l.principalOutstanding, paid.principal);
  return { ledger: next, paid };
}

/** The deal's standing at `now` under `t`, the late rate `bpsPerDay`. */
export function standing(l: Ledger, t: Terms, now: Num, bpsPerDay: Num): Standing {
  const at = i64(now, "now");
  const rate = u32(bpsPerDay, "bpsPerDay");
  const due = dueBy(t, at);
  const unfunded: Amounts = {
    principal: satSub(t.principal, l.funded.principal),
    interest: satSub(l.totalInterest, l.funded.interest),
    penalty: satSub(l.penaltyOwed, l.funded.penalty),
  };
  const overdue: Amounts = {
    principal: satSub(due.principal, l.funded.principal),
    interest: satSub(due.interest, l.funded.interest),
    penalty: unfunded.penalty,
  };
  let penaltyAccruing = 0n;
  let daysOverdue = 0n;
  if (l.paidThrough < t.payments) {
    const p = payment(t, l.paidThrough);
    daysOverdue = daysLate(p.dueTs, at);
    penaltyAccruing = latePenalty(add(p.principal, p.interest), daysOverdue, rate);
  }
  return { redeemable: unclaimed(l), unfunded, overdue, penaltyAccruing, daysOverdue };
}

/** The ledger's own consistency (what the program's `invariant()` checks after each change). */
export function checkLedger(l: Ledger, t: Terms): boolean {
  return (
    l.claimed.principal <= l.funded.principal &&
    l.claimed.interest <= l.funded.interest &&
    l.claimed.penalty <= l.funded.penalty &&
    l.funded.principal <= t.principal &&
    l.funded.interest <= l.totalInterest &&
    l.funded.penalty <= l.penaltyOwed &&
    l.claimed.principal + l.principalOutstanding === t.principal &&
    l.coveredPrincipal <= l.funded.principal &&
    l.coveredInterest <= l.funded.interest &&
    l.paidThrough <= t.payments
  );
}

// ---- quotes from decoded accounts --------------------------------------------------------

/** The parts of a decoded Deal account the quotes read. */
export interface DealFields {
  terms: Parameters<typeof termsOf>[0];
  ledger: Parameters<typeof ledgerOf>[0];
  /** The deal's status as decoded (`{ active: {} }`, `{ defaulted: {} }`, `{ writtenOff: {} }`). */
  status?: Record<string, unknown> | string;
}

const statusName = (s: DealFields["status"]) => (typeof s === "string" ? s : Object.keys(s ?? {})[0]);

/**
 * What `deal` owes and what its holder can redeem at `now` (unix seconds), under the
 * facility's late rate `latePenaltyBpsPerDay` (its buybox's): the same numbers as the
 * on-chain `deal_view` and `halo_sdk::nfat::standing`.
 */
export function dealStanding(deal: DealFields, latePenaltyBpsPerDay: Num, now: Num): Standing {
  return standing(ledgerOf(deal.ledger), termsOf(deal.terms), now, latePenaltyBpsPerDay);
}

/**
 * What `redeem(max)` pays the holder now and whether it is the final redemption (the NFT
 * burned, its mint and the deal closed, rent to the holder): everything owed funded and
 * claimed, or a written-off deal with nothing left unclaimed (`Deal::finished`).
 */
export function quoteRedeem(deal: DealFields, max: Num = U64_MAX): { paid: Amounts; total: bigint; final: boolean } {
  const t = termsOf(deal.terms);
  const { ledger, paid } = redeem(ledgerOf(deal.ledger), max);
  const left = unclaimed(ledger);
  const writtenOffEmpty = statusName(deal.status) === "writtenOff" && amountsTotal(left) === 0n;
  return { paid, total: amountsTotal(paid), final: settled(ledger, t) || writtenOffEmpty };
}
