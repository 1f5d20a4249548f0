//! An NFAT deal's ledger (the Structuring Halo): what has been funded into the deal's
//! redeem side, what its holder has claimed, the late penalties recorded, and how far the
//! schedule is covered. Pure and O(1) in the number of deals; a funding walks only the
//! scheduled payments it newly covers (the buybox bounds their count).
//!
//! Rules:
//! * Funding is capped by what the terms owe: principal up to the principal, interest up
//!   to the schedule's total interest, penalty up to the penalties recorded.
//! * Payment `i` is **covered** when the funded principal and interest reach what is due
//!   through it. A payment covered after its date records the whole days late (rounded
//!   up) and a penalty of `late_penalty(payment, days, bps_per_day)` (rounded down), owed
//!   to the holder until funded.
//! * The holder claims what is funded and unclaimed, penalty first, then interest, then
//!   principal, in full or in parts. Principal claimed lowers `principal_outstanding`.
//! * The deal is **settled** when everything owed is funded and claimed.

use crate::fixed::MathError;
use crate::nfat::{days_late, late_penalty, Payment, Terms, TermsError};

/// Why a ledger step is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerError {
    /// The funding would take funded principal above the deal's principal.
    PrincipalOverfunded,
    /// The funding would take funded interest above the schedule's total interest.
    InterestOverfunded,
    /// The funding would take funded penalty above the penalties recorded.
    PenaltyOverfunded,
    /// A funding of nothing.
    NothingToFund,
    Terms(TermsError),
}

impl From<TermsError> for LedgerError {
    fn from(e: TermsError) -> Self {
        LedgerError::Terms(e)
    }
}

impl From<MathError> for LedgerError {
    fn from(e: MathError) -> Self {
        LedgerError::Terms(TermsError::Math(e))
    }
}

/// Amounts in one of the three buckets a deal owes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "anchor",
    derive(
        anchor_lang::AnchorSerialize,
        anchor_lang::AnchorDeserialize,
        anchor_lang::InitSpace
    )
)]
pub struct Amounts {
    pub principal: u64,
    pub interest: u64,
    pub penalty: u64,
}

impl Amounts {
    pub fn total(&self) -> Result<u64, MathError> {
        self.principal
            .checked_add(self.interest)
            .and_then(|v| v.checked_add(self.penalty))
            .ok_or(MathError::Overflow)
    }

    fn checked_add(&self, o: &Amounts) -> Result<Amounts, MathError> {
        Ok(Amounts {
            principal: self
                .principal
                .checked_add(o.principal)
                .ok_or(MathError::Overflow)?,
            interest: self
                .interest
                .checked_add(o.interest)
                .ok_or(MathError::Overflow)?,
            penalty: self
                .penalty
                .checked_add(o.penalty)
                .ok_or(MathError::Overflow)?,
        })
    }

    fn checked_sub(&self, o: &Amounts) -> Result<Amounts, MathError> {
        Ok(Amounts {
            principal: self
                .principal
                .checked_sub(o.principal)
                .ok_or(MathError::Overflow)?,
            interest: self
                .interest
                .checked_sub(o.interest)
                .ok_or(MathError::Overflow)?,
            penalty: self
                .penalty
                .checked_sub(o.penalty)
                .ok_or(MathError::Overflow)?,
        })
    }
}

/// A deal's running ledger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "anchor",
    derive(
        anchor_lang::AnchorSerialize,
        anchor_lang::AnchorDeserialize,
        anchor_lang::InitSpace
    )
)]
pub struct Ledger {
    /// precision: base units; principal not yet claimed by the holder.
    pub principal_outstanding: u64,
    /// precision: base units; the schedule's total interest (fixed at the strike).
    pub total_interest: u64,
    /// Cumulative amounts funded into the deal's redeem side.
    pub funded: Amounts,
    /// Cumulative amounts the holder has claimed.
    pub claimed: Amounts,
    /// precision: base units; late penalties recorded (owed until funded).
    pub penalty_owed: u64,
    /// Scheduled payments fully covered by the funding so far.
    pub paid_through: u32,
    /// Principal and interest due through payment `paid_through - 1`.
    pub covered_principal: u64,
    pub covered_interest: u64,
    /// Whole days late summed over the payments covered late.
    pub days_late: u32,
    /// Payments covered after their date.
    pub late_payments: u32,
}

/// What a funding did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Funding {
    /// Payments this funding completed.
    pub newly_covered: u32,
    /// Penalty it recorded (for the payments it completed late).
    pub penalty_recorded: u64,
    /// The most days late among them.
    pub days_late: u32,
}

/// What the holder owes nobody and is owed: a view at `now`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// Funded and not yet claimed: what the holder can redeem now.
    pub redeemable: Amounts,
    /// Not yet funded over the deal's life (principal, interest, recorded penalty).
    pub unfunded: Amounts,
    /// Due by `now` and not yet funded (penalty: recorded and unfunded).
    pub overdue: Amounts,
    /// Penalty the next uncovered payment would record if it were covered at `now`.
    pub penalty_accruing: u64,
    /// Whole days the next uncovered payment is late at `now` (0 if not due).
    pub days_overdue: u64,
}

impl Ledger {
    /// A fresh deal: everything outstanding, nothing funded.
    pub fn new(terms: &Terms) -> Result<Self, TermsError> {
        Ok(Ledger {
            principal_outstanding: terms.principal,
            total_interest: terms.total()?.interest,
            ..Ledger::default()
        })
    }

    /// Funded and not yet claimed.
    pub fn unclaimed(&self) -> Result<Amounts, MathError> {
        self.funded.checked_sub(&self.claimed)
    }

    /// Every base unit owed is funded (principal, interest and the penalties recorded).
    pub fn fully_funded(&self, terms: &Terms) -> bool {
        self.funded.principal >= terms.principal
            && self.funded.interest >= self.total_interest
            && self.funded.penalty >= self.penalty_owed
    }

    /// Everything owed has been funded and claimed.
    pub fn settled(&self, terms: &Terms) -> bool {
        self.fully_funded(terms) && self.unclaimed() == Ok(Amounts::default())
    }

    /// Raises the funded amounts by `add` at `now` and records the payments it covers,
    /// with their late penalties at `bps_per_day`. Refuses overfunding; on a refusal the
    /// ledger is unchanged.
    pub fn fund(
        &mut self,
        terms: &Terms,
        now: i64,
        add: Amounts,
        bps_per_day: u32,
    ) -> Result<Funding, LedgerError> {
        if add.total()? == 0 {
            return Err(LedgerError::NothingToFund);
        }
        let mut next = *self;
        next.funded = self.funded.checked_add(&add)?;
        if next.funded.principal > terms.principal {
            return Err(LedgerError::PrincipalOverfunded);
        }
        if next.funded.interest > self.total_interest {
            return Err(LedgerError::InterestOverfunded);
        }
        let mut out = Funding::default();
        while next.paid_through < terms.payments {
            let p: Payment = terms.payment(next.paid_through)?;
            let through_p = next
                .covered_principal
                .checked_add(p.principal)
                .ok_or(MathError::Overflow)?;
            let through_i = next
                .covered_interest
                .checked_add(p.interest)
                .ok_or(MathError::Overflow)?;
            if next.funded.principal < through_p || next.funded.interest < through_i {
                break;
            }
            let late = days_late(p.due_ts, now);
            if late > 0 {
                let owed = p
                    .principal
                    .checked_add(p.interest)
                    .ok_or(MathError::Overflow)?;
                let penalty = late_penalty(owed, late, bps_per_day)?;
                let late32 = u32::try_from(late).map_err(|_| MathError::Overflow)?;
                next.penalty_owed = next
                    .penalty_owed
                    .checked_add(penalty)
                    .ok_or(MathError::Overflow)?;
                next.days_late = next
                    .days_late
                    .checked_add(late32)
                    .ok_or(MathError::Overflow)?;
                next.late_payments = next
                    .late_payments
                    .checked_add(1)
                    .ok_or(MathError::Overflow)?;
                out.penalty_recorded = out
                    .penalty_recorded
                    .checked_add(penalty)
                    .ok_or(MathError::Overflow)?;
                out.days_late = out.days_late.max(late32);
            }
            next.covered_principal = through_p;
            next.covered_interest = through_i;
            next.paid_through = next
                .paid_through
                .checked_add(1)
                .ok_or(MathError::Overflow)?;
            out.newly_covered = out
                .newly_covered
                .checked_add(1)
                .ok_or(MathError::Overflow)?;
        }
        if next.funded.penalty > next.penalty_owed {
            return Err(LedgerError::PenaltyOverfunded);
        }
        *self = next;
        Ok(out)
    }

    /// Pays the holder up to `max` of what is funded and unclaimed: penalty, then
    /// interest, then principal. Returns what it paid (zero when nothing is unclaimed).
    pub fn redeem(&mut self, max: u64) -> Result<Amounts, MathError> {
        let open = self.unclaimed()?;
        let mut left = max;
        let mut take = |v: u64| {
            let t = v.min(left);
            left = left.saturating_sub(t);
            t
        };
        let paid = Amounts {
            penalty: take(open.penalty),
            interest: take(open.interest),
            principal: take(open.principal),
        };
        self.claimed = self.claimed.checked_add(&paid)?;
        self.principal_outstanding = self
            .principal_outstanding
            .checked_sub(paid.principal)
            .ok_or(MathError::Overflow)?;
        Ok(paid)
    }

    /// The deal's standing at `now` under `terms`, the late rate `bps_per_day`.
    pub fn standing(
        &self,
        terms: &Terms,
        now: i64,
        bps_per_day: u32,
    ) -> Result<Standing, LedgerError> {
        let due = terms.due_by(now)?;
        let unfunded = Amounts {
            principal: terms.principal.saturating_sub(self.funded.principal),
            interest: self.total_interest.saturating_sub(self.funded.interest),
            penalty: self.penalty_owed.saturating_sub(self.funded.penalty),
        };
        let overdue = Amounts {
            principal: due.principal.saturating_sub(self.funded.principal),
            interest: due.interest.saturating_sub(self.funded.interest),
            penalty: unfunded.penalty,
        };
        let (mut penalty_accruing, mut days_overdue) = (0, 0);
        if self.paid_through < terms.payments {
            let p = terms.payment(self.paid_through)?;
            days_overdue = days_late(p.due_ts, now);
            let owed = p
                .principal
                .checked_add(p.interest)
                .ok_or(MathError::Overflow)?;
            penalty_accruing = late_penalty(owed, days_overdue, bps_per_day)?;
        }
        Ok(Standing {
            redeemable: self.unclaimed()?,
            unfunded,
            overdue,
            penalty_accruing,
            days_overdue,
        })
    }

    /// The ledger's own consistency: claims within fundings, fundings within what is
    /// owed, the outstanding principal what is unclaimed of it, coverage within funding.
    pub fn check(&self, terms: &Terms) -> bool {
        self.claimed.principal <= self.funded.principal
            && self.claimed.interest <= self.funded.interest
            && self.claimed.penalty <= self.funded.penalty
            && self.funded.principal <= terms.principal
            && self.funded.interest <= self.total_interest
            && self.funded.penalty <= self.penalty_owed
            && self
                .claimed
                .principal
                .checked_add(self.principal_outstanding)
                == Some(terms.principal)
            && self.covered_principal <= self.funded.principal
            && self.covered_interest <= self.funded.interest
            && self.paid_through <= terms.payments
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::nfat::{add_months, Schedule, DAY_S};
    use proptest::prelude::*;

    const M: u64 = 1_000_000;
    /// 2026-01-15 00:00:00 UTC.
    const START: i64 = 1_768_435_200;

    fn bullet() -> Terms {
        Terms {
            principal: 25_000_000 * M,
            apy_bps: 1_000,
            start_ts: START,
            tenor_months: 6,
            payments: 1,
            schedule: Schedule::Bullet,
        }
    }

    fn amortizing() -> Terms {
        Terms {
            principal: 40_000_000 * M,
            tenor_months: 12,
            payments: 4,
            schedule: Schedule::Amortizing,
            ..bullet()
        }
    }

    fn amounts(principal: u64, interest: u64, penalty: u64) -> Amounts {
        Amounts {
            principal,
            interest,
            penalty,
        }
    }

    #[test]
    fn a_bullet_funded_on_time_records_no_penalty_and_settles_when_claimed() {
        let t = bullet();
        let mut l = Ledger::new(&t).unwrap();
        assert_eq!(l.total_interest, 1_250_000 * M);
        let maturity = t.maturity_ts().unwrap();
        let f = l
            .fund(&t, maturity, amounts(25_000_000 * M, 1_250_000 * M, 0), 10)
            .unwrap();
        assert_eq!(
            f,
            Funding {
                newly_covered: 1,
                penalty_recorded: 0,
                days_late: 0
            }
        );
        assert!(l.fully_funded(&t) && !l.settled(&t));
        // claimed in two parts, long after maturity: no penalty for claiming late
        let first = l.redeem(1_000_000 * M).unwrap();
        assert_eq!(first, amounts(0, 1_000_000 * M, 0));
        let rest = l.redeem(u64::MAX).unwrap();
        assert_eq!(rest, amounts(25_000_000 * M, 250_000 * M, 0));
        assert_eq!(l.principal_outstanding, 0);
        assert!(l.settled(&t) && l.check(&t));
        assert_eq!(l.redeem(u64::MAX).unwrap(), Amounts::default());
    }

    #[test]
    fn a_late_payment_records_its_days_and_penalty_which_is_owed_until_funded() {
        let t = bullet();
        let mut l = Ledger::new(&t).unwrap();
        let maturity = t.maturity_ts().unwrap();
        // 3 days and one second late: 4 days at 5 bps/day on 26.25M
        let f = l
            .fund(
                &t,
                maturity + 3 * DAY_S + 1,
                amounts(25_000_000 * M, 1_250_000 * M, 0),
                5,
            )
            .unwrap();
        assert_eq!(f.days_late, 4);
        assert_eq!(f.penalty_recorded, 26_250_000 * M * 20 / 10_000);
        assert_eq!(l.penalty_owed, 52_500 * M);
        assert!(!l.fully_funded(&t));
        assert_eq!(
            l.fund(&t, maturity + 5 * DAY_S, amounts(0, 0, 52_500 * M + 1), 5),
            Err(LedgerError::PenaltyOverfunded)
        );
        l.fund(&t, maturity + 5 * DAY_S, amounts(0, 0, 52_500 * M), 5)
            .unwrap();
        assert!(l.fully_funded(&t));
        assert_eq!(
            l.redeem(u64::MAX).unwrap(),
            amounts(25_000_000 * M, 1_250_000 * M, 52_500 * M)
        );
        assert!(l.settled(&t));
    }

    #[test]
    fn an_amortizing_deal_is_covered_payment_by_payment() {
        let t = amortizing();
        let mut l = Ledger::new(&t).unwrap();
        assert_eq!(l.total_interest, 4_000_000 * M);
        let q1 = add_months(START, 3).unwrap();
        // half a payment covers nothing yet
        let f = l
            .fund(&t, q1 - 10, amounts(5_000_000 * M, 1_000_000 * M, 0), 5)
            .unwrap();
        assert_eq!(f.newly_covered, 0);
        let f = l.fund(&t, q1 - 5, amounts(5_000_000 * M, 0, 0), 5).unwrap();
        assert_eq!((f.newly_covered, l.paid_through), (1, 1));
        assert_eq!(
            l.redeem(u64::MAX).unwrap(),
            amounts(10_000_000 * M, 1_000_000 * M, 0)
        );
        assert_eq!(l.principal_outstanding, 30_000_000 * M);
        // the other three at once, at maturity: the 2nd and 3rd are late
        let maturity = t.maturity_ts().unwrap();
        let f = l
            .fund(&t, maturity, amounts(30_000_000 * M, 3_000_000 * M, 0), 1)
            .unwrap();
        assert_eq!(f.newly_covered, 3);
        assert_eq!(l.late_payments, 2);
        assert!(l.penalty_owed > 0);
        assert_eq!(
            l.fund(&t, maturity, amounts(1, 0, 0), 1),
            Err(LedgerError::PrincipalOverfunded)
        );
        assert_eq!(
            l.fund(&t, maturity, amounts(0, 1, 0), 1),
            Err(LedgerError::InterestOverfunded)
        );
        assert_eq!(
            l.fund(&t, maturity, Amounts::default(), 1),
            Err(LedgerError::NothingToFund)
        );
        assert!(l.check(&t));
    }

    #[test]
    fn standing_shows_what_is_overdue_and_accruing() {
        let t = bullet();
        let l = Ledger::new(&t).unwrap();
        let maturity = t.maturity_ts().unwrap();
        let before = l.standing(&t, maturity - 1, 10).unwrap();
        assert_eq!(before.overdue, Amounts::default());
        assert_eq!(before.unfunded, amounts(25_000_000 * M, 1_250_000 * M, 0));
        let after = l.standing(&t, maturity + 2 * DAY_S, 10).unwrap();
        assert_eq!(after.overdue, amounts(25_000_000 * M, 1_250_000 * M, 0));
        assert_eq!(after.days_overdue, 2);
        assert_eq!(after.penalty_accruing, 26_250_000 * M * 20 / 10_000);
    }

    fn terms_strategy() -> impl Strategy<Value = Terms> {
        (
            1u64..100_000_000_000 * M / 1000,
            0u32..5_000,
            0u32..3,
            prop::sample::select(vec![(1u32, 1u32), (6, 1), (12, 4), (12, 12), (24, 8)]),
        )
            .prop_map(|(principal, apy_bps, s, (tenor, pay))| {
                let schedule = [
                    Schedule::Bullet,
                    Schedule::Amortizing,
                    Schedule::PeriodicInterest,
                ][s as usize];
                Terms {
                    principal,
                    apy_bps,
                    start_ts: START,
                    tenor_months: tenor,
                    payments: if schedule == Schedule::Bullet { 1 } else { pay },
                    schedule,
                }
            })
    }

    proptest! {
        /// Any sequence of fundings and claims keeps the ledger consistent, never pays
        /// the holder more than was funded, and a refused funding changes nothing.
        #[test]
        fn fundings_and_claims_keep_the_ledger_consistent(
            terms in terms_strategy(),
            steps in prop::collection::vec((0u64..u64::MAX / 4, 0u64..u64::MAX / 4, 0u64..1_000_000, 0i64..800 * DAY_S, any::<bool>()), 1..12),
        ) {
            let mut l = Ledger::new(&terms).unwrap();
            let mut paid_out = 0u128;
            for (p, i, pen, dt, claim) in steps {
                let p = p % (terms.principal + 2);
                let i = i % (l.total_interest + 2);
                let before = l;
                match l.fund(&terms, START + dt, amounts(p, i, pen), 7) {
                    Ok(_) => prop_assert!(l.check(&terms)),
                    Err(_) => prop_assert_eq!(l, before),
                }
                if claim {
                    let paid = l.redeem(p.max(1)).unwrap();
                    paid_out += u128::from(paid.total().unwrap());
                    prop_assert!(l.check(&terms));
                }
            }
            let funded = u128::from(l.funded.total().unwrap());
            prop_assert!(paid_out <= funded);
            prop_assert_eq!(paid_out, u128::from(l.claimed.total().unwrap()));
        }

        /// Funding everything at maturity covers every payment and, once claimed,
        /// settles the deal with nothing left over.
        #[test]
        fn funding_everything_settles(terms in terms_strategy(), late_days in 0i64..400) {
            let mut l = Ledger::new(&terms).unwrap();
            let at = terms.maturity_ts().unwrap() + late_days * DAY_S;
            l.fund(&terms, at, amounts(terms.principal, l.total_interest, 0), 3).unwrap();
            prop_assert_eq!(l.paid_through, terms.payments);
            if l.penalty_owed > 0 {
                l.fund(&terms, at, amounts(0, 0, l.penalty_owed), 3).unwrap();
            }
            l.redeem(u64::MAX).unwrap();
            prop_assert!(l.settled(&terms));
            prop_assert_eq!(l.principal_outstanding, 0);
        }
    }
}
