//! The PAU rate limit: a refilling bucket per route, and the SORL bound on increases.
//!
//! State (all amounts are the mint's base units):
//! * `max_amount`: the bucket's size. `u64::MAX` means unlimited, `0` means the route is closed.
//! * `slope`: refill per second.
//! * `last_amount` / `last_updated`: what was available at `last_updated`.
//!
//! `available(now) = min(last_amount + slope * (now - last_updated), max_amount)`, with the
//! elapsed time saturating at zero when the clock is behind.

use crate::fixed::{mul_div, Rounding, BPS_DENOMINATOR};

/// `max_amount` that means "no limit".
pub const UNLIMITED: u64 = u64::MAX;

/// Why a rate-limited movement was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateLimitError {
    /// `max_amount == 0`: the route exists but is closed.
    RouteClosed,
    /// More than what is available right now was asked for.
    Exceeded {
        /// What could have moved at that moment.
        available: u64,
        /// What was asked for.
        requested: u64,
    },
}

/// A route's rate-limit state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "anchor",
    derive(
        anchor_lang::AnchorSerialize,
        anchor_lang::AnchorDeserialize,
        anchor_lang::InitSpace
    )
)]
pub struct RateLimitState {
    /// precision: base units of the route's mint.
    pub max_amount: u64,
    /// precision: base units per second.
    pub slope: u64,
    /// precision: base units; what was available at `last_updated`.
    pub last_amount: u64,
    /// precision: unix seconds.
    pub last_updated: i64,
}

impl RateLimitState {
    /// A new route, full at creation (the governance-approved bound may move at once).
    pub fn new_full(max_amount: u64, slope: u64, now: i64) -> Self {
        Self {
            max_amount,
            slope,
            last_amount: max_amount,
            last_updated: now,
        }
    }

    /// `true` when `max_amount == u64::MAX`.
    pub fn is_unlimited(&self) -> bool {
        self.max_amount == UNLIMITED
    }

    /// What may move at `now`.
    pub fn available(&self, now: i64) -> u64 {
        if self.is_unlimited() {
            return UNLIMITED;
        }
        let elapsed = u64::try_from(now.saturating_sub(self.last_updated)).unwrap_or(0);
        // u64 * u64 always fits u128; the sum saturates (it is clamped to max below).
        let accrued = u128::from(self.slope).saturating_mul(u128::from(elapsed));
        let total = u128::from(self.last_amount).saturating_add(accrued);
        let capped = total.min(u128::from(self.max_amount));
        // capped <= max_amount <= u64::MAX
        u64::try_from(capped).unwrap_or(self.max_amount)
    }

    /// Seconds from `now` until the bucket is full again, rounded up (a moment before it,
    /// it is not yet full): `Some(0)` when full or unlimited, `None` when it never refills
    /// (a slope of zero below the max).
    pub fn seconds_to_full(&self, now: i64) -> Option<u64> {
        let gap = self.max_amount.saturating_sub(self.available(now));
        if gap == 0 {
            return Some(0);
        }
        if self.slope == 0 {
            return None;
        }
        // slope > 0, so the divisions are defined; rounded up without overflow
        let whole = gap.checked_div(self.slope)?;
        whole.checked_add(u64::from(!gap.is_multiple_of(self.slope)))
    }

    /// Take `amount` out of the bucket at `now`, or refuse and change nothing.
    /// Unlimited routes write nothing.
    pub fn consume(&mut self, now: i64, amount: u64) -> Result<(), RateLimitError> {
        if self.max_amount == 0 {
            return Err(RateLimitError::RouteClosed);
        }
        if self.is_unlimited() {
            return Ok(());
        }
        let available = self.available(now);
        let rest = available
            .checked_sub(amount)
            .ok_or(RateLimitError::Exceeded {
                available,
                requested: amount,
            })?;
        self.last_amount = rest;
        self.last_updated = self.last_updated.max(now);
        Ok(())
    }

    /// Put `amount` back (funds returning along the reverse route), capped at `max_amount`.
    pub fn give_back(&mut self, now: i64, amount: u64) {
        if self.is_unlimited() {
            return;
        }
        self.last_amount = self
            .available(now)
            .saturating_add(amount)
            .min(self.max_amount);
        self.last_updated = self.last_updated.max(now);
    }

    /// Change the parameters. Accrues first, then clamps to the new max: the consumed gap
    /// is kept (a set never refills the bucket, so a decrease never raises what can move).
    pub fn set(&mut self, now: i64, max_amount: u64, slope: u64) {
        let available = self.available(now);
        self.max_amount = max_amount;
        self.slope = slope;
        self.last_amount = available.min(max_amount);
        self.last_updated = self.last_updated.max(now);
    }
}

/// The configurator's second-order rate limit (SORL) parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SorlParams {
    /// Minimum seconds between two increases of one rate limit.
    pub hop_s: i64,
    /// Largest relative increase per hop, in basis points (2500 = 25 %).
    pub max_change_bps: u16,
}

/// Whether a parameter change raised anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SorlOutcome {
    /// Neither `max_amount` nor `slope` went up: a decrease (or no change), always allowed.
    NotAnIncrease,
    /// At least one went up, within the SORL bounds: the caller records `now` as the last increase.
    Increase,
}

/// Why an increase was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SorlError {
    /// The previous increase was less than one hop ago.
    HopNotElapsed {
        /// First unix second at which another increase is allowed.
        next_allowed_ts: i64,
    },
    /// `max_amount` rose by more than `max_change_bps`.
    MaxAmountIncreaseTooLarge {
        /// Largest allowed new `max_amount`.
        limit: u64,
    },
    /// `slope` rose by more than `max_change_bps`.
    SlopeIncreaseTooLarge {
        /// Largest allowed new `slope`.
        limit: u64,
    },
}

/// Largest value `old` may be raised to in one hop: `floor(old * (10000 + bps) / 10000)`
/// (rounded down, against the caller), saturating at `u64::MAX - 1` so that an increase can
/// never reach "unlimited".
pub fn sorl_bound(old: u64, max_change_bps: u16) -> u64 {
    let factor = BPS_DENOMINATOR.saturating_add(u128::from(max_change_bps));
    match mul_div(u128::from(old), factor, BPS_DENOMINATOR, Rounding::Down) {
        Ok(v) => u64::try_from(v)
            .unwrap_or(UNLIMITED.saturating_sub(1))
            .min(UNLIMITED.saturating_sub(1)),
        Err(_) => UNLIMITED.saturating_sub(1),
    }
}

/// Largest value `old` may be raised to in one hop: `sorl_bound(old)`, except that a value
/// at zero (a closed or cut route) may be reopened up to `reopen_cap` (the governance-approved
/// init's value), since +x % of zero is zero.
pub fn increase_limit(old: u64, max_change_bps: u16, reopen_cap: u64) -> u64 {
    if old == 0 {
        reopen_cap.min(UNLIMITED.saturating_sub(1))
    } else {
        sorl_bound(old, max_change_bps)
    }
}

/// Check a change of (`max_amount`, `slope`) against SORL. An increase of either needs a
/// full hop since `last_increase_ts` and each raised value within `increase_limit` (with
/// `reopen_cap` = the route's init (max, slope), used only for values at zero).
pub fn check_sorl(
    params: SorlParams,
    now: i64,
    last_increase_ts: i64,
    old: (u64, u64),
    new: (u64, u64),
    reopen_cap: (u64, u64),
) -> Result<SorlOutcome, SorlError> {
    let (old_max, old_slope) = old;
    let (new_max, new_slope) = new;
    if new_max <= old_max && new_slope <= old_slope {
        return Ok(SorlOutcome::NotAnIncrease);
    }
    let next_allowed_ts = last_increase_ts.saturating_add(params.hop_s);
    if now < next_allowed_ts {
        return Err(SorlError::HopNotElapsed { next_allowed_ts });
    }
    if new_max > old_max {
        let limit = increase_limit(old_max, params.max_change_bps, reopen_cap.0);
        if new_max > limit {
            return Err(SorlError::MaxAmountIncreaseTooLarge { limit });
        }
    }
    if new_slope > old_slope {
        let limit = increase_limit(old_slope, params.max_change_bps, reopen_cap.1);
        if new_slope > limit {
            return Err(SorlError::SlopeIncreaseTooLarge { limit });
        }
    }
    Ok(SorlOutcome::Increase)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T0: i64 = 1_700_000_000;

    fn rl(max: u64, slope: u64, last: u64) -> RateLimitState {
        RateLimitState {
            max_amount: max,
            slope,
            last_amount: last,
            last_updated: T0,
        }
    }

    #[test]
    fn seconds_to_full_rounds_up_and_knows_when_it_never_refills() {
        assert_eq!(rl(100, 10, 100).seconds_to_full(T0), Some(0));
        assert_eq!(rl(UNLIMITED, 0, 0).seconds_to_full(T0), Some(0));
        assert_eq!(rl(100, 10, 0).seconds_to_full(T0), Some(10));
        assert_eq!(rl(100, 10, 1).seconds_to_full(T0), Some(10)); // 99 / 10 → 9.9 s
        assert_eq!(rl(100, 10, 1).seconds_to_full(T0 + 9), Some(1));
        assert_eq!(rl(100, 10, 1).seconds_to_full(T0 + 10), Some(0));
        assert_eq!(rl(100, 0, 40).seconds_to_full(T0), None);
        assert_eq!(rl(0, 0, 0).seconds_to_full(T0), Some(0));
        assert_eq!(
            rl(u64::MAX - 1, 1, 0).seconds_to_full(T0),
            Some(u64::MAX - 1)
        );
    }

    #[test]
    fn last_updated_never_moves_backwards() {
        // A clock behind the stored update (another cluster's clock, a replayed state)
        // must not move `last_updated` back: that would accrue the same seconds twice.
        let mut r = rl(1_000, 10, 500);
        r.consume(T0 - 50, 100).unwrap();
        assert_eq!((r.last_amount, r.last_updated), (400, T0));
        r.give_back(T0 - 10, 50);
        assert_eq!((r.last_amount, r.last_updated), (450, T0));
        r.set(T0 - 5, 900, 10);
        assert_eq!((r.last_amount, r.last_updated), (450, T0));
        // one second later only one second has accrued
        assert_eq!(r.available(T0 + 1), 460);
    }

    #[test]
    fn available_refills_linearly_and_caps_at_max() {
        let r = rl(1_000, 10, 0);
        assert_eq!(r.available(T0), 0);
        assert_eq!(r.available(T0 + 1), 10);
        assert_eq!(r.available(T0 + 99), 990);
        assert_eq!(r.available(T0 + 100), 1_000); // exact boundary
        assert_eq!(r.available(T0 + 101), 1_000);
        assert_eq!(r.available(i64::MAX), 1_000);
    }

    #[test]
    fn clock_behind_saturates_to_zero_elapsed() {
        let r = rl(1_000, 10, 400);
        assert_eq!(r.available(T0 - 50), 400);
        assert_eq!(r.available(i64::MIN), 400);
    }

    #[test]
    fn u64_extremes_do_not_overflow() {
        let r = rl(u64::MAX - 1, u64::MAX, 0);
        assert_eq!(r.available(T0 + 1), u64::MAX - 1);
        assert_eq!(r.available(i64::MAX), u64::MAX - 1);
        let r = rl(u64::MAX - 1, u64::MAX, u64::MAX - 1);
        assert_eq!(r.available(i64::MAX), u64::MAX - 1);
    }

    #[test]
    fn unlimited_is_always_available_and_writes_nothing() {
        let mut r = rl(UNLIMITED, 0, 0);
        assert_eq!(r.available(T0), u64::MAX);
        let before = r;
        r.consume(T0 + 5, u64::MAX).unwrap();
        r.give_back(T0 + 6, 5);
        assert_eq!(r, before);
    }

    #[test]
    fn closed_route_refuses_even_zero() {
        let mut r = rl(0, 100, 0);
        assert_eq!(r.consume(T0 + 10, 0), Err(RateLimitError::RouteClosed));
        assert_eq!(r.consume(T0 + 10, 1), Err(RateLimitError::RouteClosed));
        assert_eq!(r, rl(0, 100, 0));
    }

    #[test]
    fn consume_exact_available_then_one_more_is_refused() {
        let mut r = rl(1_000, 10, 1_000);
        r.consume(T0, 1_000).unwrap();
        assert_eq!(r.last_amount, 0);
        let before = r;
        assert_eq!(
            r.consume(T0, 1),
            Err(RateLimitError::Exceeded {
                available: 0,
                requested: 1
            })
        );
        assert_eq!(r, before, "a refusal changes nothing");
        // across the refill boundary: after 1 s exactly 10 are back
        r.consume(T0 + 1, 10).unwrap();
        assert_eq!(r.last_amount, 0);
        assert_eq!(r.last_updated, T0 + 1);
    }

    #[test]
    fn give_back_caps_at_max() {
        let mut r = rl(1_000, 0, 300);
        r.give_back(T0 + 1, 500);
        assert_eq!(r.last_amount, 800);
        r.give_back(T0 + 2, u64::MAX);
        assert_eq!(r.last_amount, 1_000);
        assert_eq!(r.last_updated, T0 + 2);
    }

    #[test]
    fn set_keeps_the_consumed_gap() {
        // 600 of 1000 consumed; raising max to 1250 does not refill
        let mut r = rl(1_000, 0, 400);
        r.set(T0 + 10, 1_250, 0);
        assert_eq!(r.available(T0 + 10), 400);
        // lowering below what is available clamps
        r.set(T0 + 11, 100, 0);
        assert_eq!(r.available(T0 + 11), 100);
        // a decrease to zero closes the route
        r.set(T0 + 12, 0, 0);
        assert_eq!(r.available(T0 + 12), 0);
        assert_eq!(r.consume(T0 + 12, 1), Err(RateLimitError::RouteClosed));
    }

    #[test]
    fn set_accrues_before_changing_slope() {
        let mut r = rl(1_000, 10, 0);
        r.set(T0 + 50, 1_000, 1); // 500 accrued at the old slope
        assert_eq!(r.last_amount, 500);
        assert_eq!(r.available(T0 + 60), 510);
    }

    #[test]
    fn from_unlimited_to_limited_is_full_at_new_max() {
        let mut r = rl(UNLIMITED, 0, 0);
        r.set(T0, 1_000, 1);
        assert_eq!(r.available(T0), 1_000);
    }

    const P: SorlParams = SorlParams {
        hop_s: 18 * 3600,
        max_change_bps: 2_500,
    };

    #[test]
    fn sorl_allows_25_percent_once_per_hop() {
        let last = T0;
        let now = T0 + P.hop_s;
        assert_eq!(
            check_sorl(P, now, last, (1_000_000, 10), (1_250_000, 12), (0, 0)),
            Ok(SorlOutcome::Increase)
        );
        assert_eq!(
            check_sorl(P, now, last, (1_000_000, 10), (1_250_001, 10), (0, 0)),
            Err(SorlError::MaxAmountIncreaseTooLarge { limit: 1_250_000 })
        );
        assert_eq!(
            check_sorl(P, now, last, (1_000_000, 10), (1_000_000, 13), (0, 0)),
            Err(SorlError::SlopeIncreaseTooLarge { limit: 12 })
        );
        assert_eq!(
            check_sorl(P, now - 1, last, (1_000_000, 10), (1_000_001, 10), (0, 0)),
            Err(SorlError::HopNotElapsed {
                next_allowed_ts: now
            })
        );
    }

    #[test]
    fn decreases_and_no_change_are_not_increases() {
        for new in [(0, 0), (1_000_000, 10), (5, 10), (1_000_000, 0)] {
            assert_eq!(
                check_sorl(P, T0, T0, (1_000_000, 10), new, (0, 0)),
                Ok(SorlOutcome::NotAnIncrease)
            );
        }
    }

    #[test]
    fn mixed_change_counts_as_increase() {
        assert_eq!(
            check_sorl(P, T0, T0, (1_000_000, 10), (1, 11), (0, 0)),
            Err(SorlError::HopNotElapsed {
                next_allowed_ts: T0 + P.hop_s
            })
        );
    }

    #[test]
    fn reopening_from_zero_is_capped_by_the_init_and_needs_a_hop() {
        let caps = (1_000_000, 10);
        assert_eq!(
            check_sorl(P, T0 + P.hop_s, T0, (0, 0), (1_000_000, 10), caps),
            Ok(SorlOutcome::Increase)
        );
        assert_eq!(
            check_sorl(P, T0 + P.hop_s, T0, (0, 0), (1_000_001, 10), caps),
            Err(SorlError::MaxAmountIncreaseTooLarge { limit: 1_000_000 })
        );
        assert_eq!(
            check_sorl(P, T0 + P.hop_s, T0, (0, 0), (1, 11), caps),
            Err(SorlError::SlopeIncreaseTooLarge { limit: 10 })
        );
        assert_eq!(
            check_sorl(P, T0 + P.hop_s - 1, T0, (0, 0), (1, 1), caps),
            Err(SorlError::HopNotElapsed {
                next_allowed_ts: T0 + P.hop_s
            })
        );
        // a non-zero value is bounded by +bps, not by the cap
        assert_eq!(increase_limit(100, 2_500, 1_000_000), 125);
        assert_eq!(increase_limit(0, 2_500, u64::MAX), u64::MAX - 1);
    }

    #[test]
    fn bound_edges() {
        assert_eq!(sorl_bound(0, 2_500), 0);
        assert_eq!(sorl_bound(3, 2_500), 3); // floor(3.75)
        assert_eq!(sorl_bound(4, 2_500), 5);
        assert_eq!(sorl_bound(u64::MAX - 1, 2_500), u64::MAX - 1);
        assert_eq!(sorl_bound(100, 0), 100);
        assert_eq!(sorl_bound(100, u16::MAX), 755);
    }

    proptest! {
        #[test]
        fn full_at_seconds_to_full_and_not_a_second_before(max in 1u64..1_000_000_000_000_000, slope in 1u64..1_000_000_000, last in any::<u64>()) {
            let r = rl(max, slope, last.min(max));
            let t = r.seconds_to_full(T0).unwrap();
            let at = T0.saturating_add(i64::try_from(t).unwrap_or(i64::MAX));
            prop_assert_eq!(r.available(at), max);
            if t > 0 {
                prop_assert!(r.available(at - 1) < max);
            }
        }

        #[test]
        fn available_never_exceeds_max(max in any::<u64>(), slope in any::<u64>(), last in any::<u64>(), dt in any::<i64>()) {
            let r = rl(max, slope, last.min(max));
            prop_assert!(r.available(T0.saturating_add(dt)) <= max);
        }

        #[test]
        fn consume_then_wait_restores(max in 1u64..u64::MAX, slope in 1u64..1_000_000, amount in any::<u64>()) {
            let mut r = RateLimitState::new_full(max, slope, T0);
            let amount = amount % max.saturating_add(1).max(1);
            r.consume(T0, amount).unwrap();
            let wait = amount.div_ceil(slope);
            if let Ok(wait) = i64::try_from(wait) {
                if let Some(t) = T0.checked_add(wait) {
                    prop_assert!(r.available(t) >= amount.min(max));
                }
            }
        }

        #[test]
        fn refused_consume_changes_nothing(max in 1u64..u64::MAX, slope in any::<u64>(), last in any::<u64>(), dt in 0i64..1_000_000, amount in any::<u64>()) {
            let mut r = rl(max, slope, last.min(max));
            let before = r;
            if r.consume(T0 + dt, amount).is_err() {
                prop_assert_eq!(r, before);
            } else {
                prop_assert_eq!(r.last_amount, before.available(T0 + dt) - amount);
            }
        }

        #[test]
        fn set_never_raises_what_can_move(max in 0u64..u64::MAX, last in any::<u64>(), new_max in 0u64..u64::MAX, new_slope in any::<u64>(), dt in 0i64..1_000_000) {
            let mut r = rl(max, 7, last.min(max));
            let before = r.available(T0 + dt);
            r.set(T0 + dt, new_max, new_slope);
            prop_assert!(r.available(T0 + dt) <= before);
        }

        #[test]
        fn sorl_accepted_increase_is_within_bound(old_max in any::<u64>(), old_slope in any::<u64>(), new_max in any::<u64>(), new_slope in any::<u64>()) {
            if let Ok(SorlOutcome::Increase) = check_sorl(P, T0 + P.hop_s, T0, (old_max, old_slope), (new_max, new_slope), (0, 0)) {
                prop_assert!(u128::from(new_max) * 10_000 <= u128::from(old_max) * 12_500 || new_max <= old_max);
                prop_assert!(u128::from(new_slope) * 10_000 <= u128::from(old_slope) * 12_500 || new_slope <= old_slope);
            }
        }

        #[test]
        fn two_increases_inside_one_hop_are_refused(old in 1_000u64..1_000_000_000, dt in 0i64..(18 * 3600)) {
            let first = check_sorl(P, T0 + P.hop_s, T0, (old, 0), (old + 1, 0), (0, 0));
            prop_assert_eq!(first, Ok(SorlOutcome::Increase));
            let second = check_sorl(P, T0 + P.hop_s + dt, T0 + P.hop_s, (old + 1, 0), (old + 2, 0), (0, 0));
            let is_hop_error = matches!(second, Err(SorlError::HopNotElapsed { .. }));
            prop_assert!(is_hop_error);
        }
    }
}
