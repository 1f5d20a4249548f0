//! NFAT deal maths (the Structuring Halo): 30/360 interest, payment schedules and what is
//! due at a time, pure and O(1) (no loop over payments longer than the schedule's own
//! count, which the buybox bounds).
//!
//! A deal's terms: `principal`, `apy_bps`, `start_ts`, a tenor of whole months, and a
//! schedule of `payments` equal periods (months: `tenor_months / payments`):
//! * **Bullet**: principal and all interest at maturity (one payment).
//! * **Amortizing**: equal principal parts each period (the last takes the rounding
//!   remainder), interest flat on the original principal each period (Sky's example: 40M
//!   over 4 quarters pays 10M principal plus the same interest each quarter).
//! * **Periodic interest**: interest each period, principal at maturity.
//!
//! Interest uses the 30/360 (US) day count between payment dates: a 25M bullet at 10 %
//! for 6 months owes `25M × 10 % × 180 / 360 = 1.25M`. Amounts owed round down (a term
//! never promises more than its rate gives); days late round up.

use crate::fixed::{mul_div, MathError, Rounding};

/// precision: seconds.
pub const DAY_S: i64 = 86_400;
/// The 30/360 year.
pub const DAYS_360: u64 = 360;
// 360 days × 10,000 bps: the interest divisor.
const _: () = assert!(DAYS_360 * 10_000 == 3_600_000);
/// Buyboxes bound tenors far below this; the date maths stays exact well beyond it.
pub const MAX_TENOR_MONTHS: u32 = 1_200;

/// How the deal pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "anchor",
    derive(
        anchor_lang::AnchorSerialize,
        anchor_lang::AnchorDeserialize,
        anchor_lang::InitSpace
    )
)]
pub enum Schedule {
    Bullet,
    Amortizing,
    PeriodicInterest,
}

/// Why terms or a date cannot be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermsError {
    /// Zero principal, tenor or payments, a tenor above `MAX_TENOR_MONTHS`, a bullet with
    /// more than one payment, or a tenor that the payments do not divide into whole months.
    BadSchedule,
    /// A timestamp before 1970 or beyond the calendar maths' range.
    BadDate,
    Math(MathError),
}

impl From<MathError> for TermsError {
    fn from(e: MathError) -> Self {
        TermsError::Math(e)
    }
}

/// A deal's economic terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "anchor",
    derive(
        anchor_lang::AnchorSerialize,
        anchor_lang::AnchorDeserialize,
        anchor_lang::InitSpace
    )
)]
pub struct Terms {
    /// precision: base units of the deposit mint.
    pub principal: u64,
    /// precision: bps a year.
    pub apy_bps: u32,
    /// precision: unix seconds.
    pub start_ts: i64,
    pub tenor_months: u32,
    pub payments: u32,
    pub schedule: Schedule,
}

/// One scheduled payment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Payment {
    /// precision: unix seconds.
    pub due_ts: i64,
    pub principal: u64,
    pub interest: u64,
}

/// What is due in all by some time (cumulative).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Due {
    pub principal: u64,
    pub interest: u64,
}

/// A civil date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

// Calendar arithmetic on bounded values (a day count below 2^47 from a non-negative i64
// timestamp, months below 12, years below 2^40): it cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
/// Days since 1970-01-01 to the civil date (H. Hinnant's algorithm), unsigned-only
/// arithmetic on non-negative years.
fn days_from_civil(d: Date) -> Option<i64> {
    let y = if d.month <= 2 {
        d.year.checked_sub(1)?
    } else {
        d.year
    };
    let y = u64::try_from(y).ok()?;
    let era = y / 400;
    let yoe = y - era * 400;
    let m = u64::from(d.month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + u64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era.checked_mul(146_097)?.checked_add(doe)?;
    i64::try_from(days).ok()?.checked_sub(719_468)
}

// Calendar arithmetic on bounded values (a day count below 2^47 from a non-negative i64
// timestamp, months below 12, years below 2^40): it cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
/// The civil date of day `days` since 1970-01-01 (non-negative).
fn civil_from_days(days: i64) -> Option<Date> {
    let z = u64::try_from(days.checked_add(719_468)?).ok()?;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
    let year = i64::try_from(yoe + era * 400).ok()? + i64::from(month <= 2);
    Some(Date { year, month, day })
}

// Calendar arithmetic on bounded values (a day count below 2^47 from a non-negative i64
// timestamp, months below 12, years below 2^40): it cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
fn is_leap(year: i64) -> bool {
    // unsigned: SBF has no signed division (years here are never negative)
    let y = year.unsigned_abs();
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn month_len(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Calendar arithmetic on bounded values (a day count below 2^47 from a non-negative i64
// timestamp, months below 12, years below 2^40): it cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
/// The civil date and the seconds into its day of `ts` (>= 0).
pub fn date_of(ts: i64) -> Result<(Date, i64), TermsError> {
    // unsigned: SBF has no signed division
    let t = u64::try_from(ts).map_err(|_| TermsError::BadDate)?;
    let day = DAY_S as u64;
    let days = i64::try_from(t / day).map_err(|_| TermsError::BadDate)?;
    let date = civil_from_days(days).ok_or(TermsError::BadDate)?;
    Ok((
        date,
        i64::try_from(t % day).map_err(|_| TermsError::BadDate)?,
    ))
}

// Calendar arithmetic on bounded values (a day count below 2^47 from a non-negative i64
// timestamp, months below 12, years below 2^40): it cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
/// `ts` moved forward by `months` calendar months, the day clamped to the month's length
/// (Jan 31 + 1 month = Feb 28 / 29), the time of day kept.
pub fn add_months(ts: i64, months: u32) -> Result<i64, TermsError> {
    let (d, secs) = date_of(ts)?;
    let total = u64::from(d.month - 1) + u64::from(months);
    let year = d.year + i64::try_from(total / 12).map_err(|_| TermsError::BadDate)?;
    let month = u32::try_from(total % 12).map_err(|_| TermsError::BadDate)? + 1;
    let day = d.day.min(month_len(year, month));
    let days = days_from_civil(Date { year, month, day }).ok_or(TermsError::BadDate)?;
    days.checked_mul(DAY_S)
        .and_then(|s| s.checked_add(secs))
        .ok_or(TermsError::BadDate)
}

// Calendar arithmetic on bounded values (a day count below 2^47 from a non-negative i64
// timestamp, months below 12, years below 2^40): it cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
/// 30/360 (US) days from `from` to `to` (dates only): a 31st counts as the 30th, and an
/// end on the 31st counts as the 30th when the start is on the 30th or 31st.
pub fn days_360(from: i64, to: i64) -> Result<u64, TermsError> {
    let (a, _) = date_of(from)?;
    let (b, _) = date_of(to)?;
    let d1 = a.day.min(30);
    let d2 = if b.day == 31 && d1 == 30 { 30 } else { b.day };
    let days = (b.year - a.year) * 360
        + (i64::from(b.month) - i64::from(a.month)) * 30
        + (i64::from(d2) - i64::from(d1));
    u64::try_from(days).map_err(|_| TermsError::BadDate)
}

/// Interest on `principal` at `apy_bps` over `days` 30/360 days, rounded down.
pub fn interest(principal: u64, apy_bps: u32, days: u64) -> Result<u64, MathError> {
    let rate_days = u128::from(apy_bps)
        .checked_mul(u128::from(days))
        .ok_or(MathError::Overflow)?;
    let v = mul_div(u128::from(principal), rate_days, 3_600_000, Rounding::Down)?;
    u64::try_from(v).map_err(|_| MathError::Overflow)
}

impl Terms {
    /// The terms can be scheduled: a positive principal, tenor and payment count, a bullet
    /// paying once, the payments dividing the tenor into whole months, a valid start.
    pub fn check(&self) -> Result<(), TermsError> {
        let ok = self.principal > 0
            && self.tenor_months > 0
            && self.tenor_months <= MAX_TENOR_MONTHS
            && self.payments > 0
            && self.tenor_months.checked_rem(self.payments) == Some(0)
            && (self.schedule != Schedule::Bullet || self.payments == 1);
        if !ok {
            return Err(TermsError::BadSchedule);
        }
        date_of(self.start_ts).map(|_| ())
    }

    /// Months per period.
    pub fn period_months(&self) -> u32 {
        self.tenor_months.checked_div(self.payments).unwrap_or(0)
    }

    /// precision: unix seconds; the last payment's date.
    pub fn maturity_ts(&self) -> Result<i64, TermsError> {
        self.check()?;
        add_months(self.start_ts, self.tenor_months)
    }

    /// Payment `i` (0-based): its date, principal and interest.
    pub fn payment(&self, i: u32) -> Result<Payment, TermsError> {
        self.check()?;
        if i >= self.payments {
            return Err(TermsError::BadSchedule);
        }
        let period = self.period_months();
        let math = TermsError::Math(MathError::Overflow);
        let next = i.checked_add(1).ok_or(math)?;
        let from = add_months(self.start_ts, period.checked_mul(i).ok_or(math)?)?;
        let due_ts = add_months(self.start_ts, period.checked_mul(next).ok_or(math)?)?;
        let last = next == self.payments;
        let n = u64::from(self.payments);
        // equal parts rounded down; the last part takes the remainder
        let part = self.principal.checked_div(n).ok_or(math)?;
        let earlier = part.checked_mul(n.saturating_sub(1)).ok_or(math)?;
        let principal = match self.schedule {
            Schedule::Amortizing if last => self.principal.checked_sub(earlier).ok_or(math)?,
            Schedule::Amortizing => part,
            Schedule::Bullet | Schedule::PeriodicInterest if last => self.principal,
            Schedule::Bullet | Schedule::PeriodicInterest => 0,
        };
        let interest = interest(self.principal, self.apy_bps, days_360(from, due_ts)?)?;
        Ok(Payment {
            due_ts,
            principal,
            interest,
        })
    }

    /// Everything due by `now` (payments whose date has come), cumulative.
    pub fn due_by(&self, now: i64) -> Result<Due, TermsError> {
        let mut due = Due::default();
        for i in 0..self.payments {
            let p = self.payment(i)?;
            if p.due_ts > now {
                break;
            }
            due.principal = due
                .principal
                .checked_add(p.principal)
                .ok_or(MathError::Overflow)?;
            due.interest = due
                .interest
                .checked_add(p.interest)
                .ok_or(MathError::Overflow)?;
        }
        Ok(due)
    }

    /// Everything the deal pays over its life.
    pub fn total(&self) -> Result<Due, TermsError> {
        self.due_by(self.maturity_ts()?)
    }
}

/// Whole days late (rounded up) of a payment made at `paid_ts` that was due at `due_ts`.
pub fn days_late(due_ts: i64, paid_ts: i64) -> u64 {
    let late = paid_ts.saturating_sub(due_ts);
    if late <= 0 {
        return 0;
    }
    u64::try_from(late).map_or(0, |l| l.div_ceil(DAY_S as u64))
}

/// The late penalty on `overdue` for `days` days at `bps_per_day`, rounded down.
pub fn late_penalty(overdue: u64, days: u64, bps_per_day: u32) -> Result<u64, MathError> {
    let rate = u128::from(bps_per_day)
        .checked_mul(u128::from(days))
        .ok_or(MathError::Overflow)?;
    let v = mul_div(u128::from(overdue), rate, 10_000, Rounding::Down)?;
    u64::try_from(v).map_err(|_| MathError::Overflow)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const M: u64 = 1_000_000;
    /// 2026-01-15 00:00:00 UTC.
    const JAN_15_2026: i64 = 1_768_435_200;

    fn ts(year: i64, month: u32, day: u32) -> i64 {
        days_from_civil(Date { year, month, day }).unwrap() * DAY_S
    }

    #[test]
    fn the_calendar_round_trips_and_knows_leap_years() {
        assert_eq!(ts(1970, 1, 1), 0);
        assert_eq!(ts(2026, 1, 15), JAN_15_2026);
        assert_eq!(
            date_of(ts(2024, 2, 29)).unwrap().0,
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
        assert_eq!(add_months(ts(2026, 1, 31), 1).unwrap(), ts(2026, 2, 28));
        assert_eq!(add_months(ts(2024, 1, 31), 1).unwrap(), ts(2024, 2, 29));
        assert_eq!(add_months(ts(2026, 11, 30), 3).unwrap(), ts(2027, 2, 28));
        assert_eq!(
            add_months(JAN_15_2026 + 3_600, 12).unwrap(),
            ts(2027, 1, 15) + 3_600
        );
        assert_eq!(date_of(-1), Err(TermsError::BadDate));
    }

    #[test]
    fn thirty_360_counts_months_as_thirty_days() {
        assert_eq!(days_360(ts(2026, 1, 15), ts(2026, 7, 15)).unwrap(), 180);
        assert_eq!(days_360(ts(2026, 1, 31), ts(2026, 3, 31)).unwrap(), 60);
        assert_eq!(days_360(ts(2026, 1, 30), ts(2026, 2, 28)).unwrap(), 28);
        assert_eq!(days_360(ts(2026, 1, 1), ts(2027, 1, 1)).unwrap(), 360);
    }

    #[test]
    fn seeds_examples() {
        // a 25M bullet at 10 % for 6 months owes 1.25M of interest at maturity
        let bullet = Terms {
            principal: 25_000_000 * M,
            apy_bps: 1_000,
            start_ts: JAN_15_2026,
            tenor_months: 6,
            payments: 1,
            schedule: Schedule::Bullet,
        };
        let p = bullet.payment(0).unwrap();
        assert_eq!((p.principal, p.interest), (25_000_000 * M, 1_250_000 * M));
        assert_eq!(p.due_ts, ts(2026, 7, 15));
        assert_eq!(bullet.due_by(p.due_ts - 1).unwrap(), Due::default());
        // 40M amortizing over 4 quarters at 10 %: 10M + 1M each quarter
        let amort = Terms {
            principal: 40_000_000 * M,
            tenor_months: 12,
            payments: 4,
            schedule: Schedule::Amortizing,
            ..bullet
        };
        for i in 0..4 {
            let p = amort.payment(i).unwrap();
            assert_eq!(
                (p.principal, p.interest),
                (10_000_000 * M, 1_000_000 * M),
                "{i}"
            );
        }
        assert_eq!(
            amort.total().unwrap(),
            Due {
                principal: 40_000_000 * M,
                interest: 4_000_000 * M
            }
        );
        // periodic interest: interest each quarter, principal at the end
        let periodic = Terms {
            schedule: Schedule::PeriodicInterest,
            ..amort
        };
        assert_eq!(periodic.payment(0).unwrap().principal, 0);
        assert_eq!(periodic.payment(3).unwrap().principal, 40_000_000 * M);
        assert_eq!(periodic.total().unwrap().interest, 4_000_000 * M);
    }

    #[test]
    fn bad_schedules_are_refused() {
        let t = Terms {
            principal: 100,
            apy_bps: 500,
            start_ts: JAN_15_2026,
            tenor_months: 12,
            payments: 5,
            schedule: Schedule::Amortizing,
        };
        assert_eq!(t.check(), Err(TermsError::BadSchedule));
        assert_eq!(
            Terms {
                payments: 2,
                schedule: Schedule::Bullet,
                ..t
            }
            .check(),
            Err(TermsError::BadSchedule)
        );
        assert_eq!(
            Terms {
                principal: 0,
                payments: 4,
                ..t
            }
            .check(),
            Err(TermsError::BadSchedule)
        );
        assert_eq!(
            Terms {
                payments: 4,
                start_ts: -5,
                ..t
            }
            .check(),
            Err(TermsError::BadDate)
        );
        assert_eq!(
            Terms { payments: 4, ..t }.payment(4),
            Err(TermsError::BadSchedule)
        );
    }

    #[test]
    fn lateness_and_its_penalty() {
        assert_eq!(days_late(100, 100), 0);
        assert_eq!(days_late(100, 101), 1);
        assert_eq!(days_late(0, DAY_S), 1);
        assert_eq!(days_late(0, DAY_S + 1), 2);
        assert_eq!(days_late(100, 50), 0);
        // 1M overdue 10 days at 5 bps a day: 0.5 %
        assert_eq!(late_penalty(1_000_000 * M, 10, 5).unwrap(), 5_000 * M);
        assert_eq!(late_penalty(1, 1, 1).unwrap(), 0);
    }

    fn terms() -> impl Strategy<Value = Terms> {
        (
            // up to 1e11 tokens of 6 decimals: 100 years at 50 % still fits a u64
            1u64..=100_000_000_000_000_000,
            0u32..=5_000,
            0i64..=4_000_000_000,
            prop_oneof![
                Just((1u32, 1u32)),
                (1u32..=10, 1u32..=12).prop_map(|(n, k)| (n * k, n))
            ],
            prop_oneof![
                Just(Schedule::Bullet),
                Just(Schedule::Amortizing),
                Just(Schedule::PeriodicInterest)
            ],
        )
            .prop_map(
                |(principal, apy_bps, start_ts, (tenor, n), schedule)| Terms {
                    principal,
                    apy_bps,
                    start_ts,
                    tenor_months: tenor,
                    payments: if schedule == Schedule::Bullet { 1 } else { n },
                    schedule,
                },
            )
    }

    proptest! {
        #[test]
        fn the_principal_is_repaid_exactly_and_what_is_due_only_grows(t in terms(), a in 0i64..=6_000_000_000, b in 0i64..=6_000_000_000) {
            prop_assume!(t.check().is_ok());
            let total = t.total();
            prop_assert!(total.is_ok(), "{:?}", total);
            let total = total.unwrap();
            prop_assert_eq!(total.principal, t.principal);
            let (lo, hi) = (a.min(b), a.max(b));
            let (x, y) = (t.due_by(lo).unwrap(), t.due_by(hi).unwrap());
            prop_assert!(x.principal <= y.principal && x.interest <= y.interest);
            prop_assert!(y.principal <= total.principal && y.interest <= total.interest);
            // payment dates are strictly increasing and the last one is maturity
            let mut last = t.start_ts;
            for i in 0..t.payments {
                let p = t.payment(i).unwrap();
                prop_assert!(p.due_ts > last);
                last = p.due_ts;
            }
            prop_assert_eq!(last, t.maturity_ts().unwrap());
        }

        #[test]
        fn interest_is_the_exact_rate_rounded_down(p in 0u64..=u64::MAX / 2, bps in 0u32..=10_000, days in 0u64..=36_000) {
            let exact = u128::from(p) * u128::from(bps) * u128::from(days) / 3_600_000;
            match interest(p, bps, days) {
                Ok(i) => prop_assert_eq!(u128::from(i), exact),
                Err(_) => prop_assert!(exact > u128::from(u64::MAX)),
            }
        }
    }
}
