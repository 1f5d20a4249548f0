//! Generation accounting for liquidity-constrained redeem queues (LCTS style).
//!
//! Requests join the *open* generation. Once closed, a generation is filled pro rata by
//! one or more settlements as capacity appears: every member gets the same fraction of
//! their shares filled and the same assets per share, whatever the order in which they
//! claim. Per-member state is two counters (shares and assets already claimed), so a
//! settlement is O(1) in the number of members.
//!
//! Rounding: shares burned for a fill round up, assets paid round down, and each
//! member's slice rounds down, so the queue can never pay out more than it was given.

use crate::fixed::{mul_div, MathError, Rounding};

fn narrow(v: u128) -> Result<u64, MathError> {
    u64::try_from(v).map_err(|_| MathError::Overflow)
}

/// A generation's running totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Generation {
    /// Shares that joined the generation.
    pub requested: u64,
    /// Shares filled (burned) so far.
    pub filled: u64,
    /// Assets paid for the filled shares so far.
    pub paid: u64,
}

/// One settlement's outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settlement {
    pub shares_burned: u64,
    pub assets_paid: u64,
}

impl Generation {
    pub fn remaining(&self) -> u64 {
        self.requested.saturating_sub(self.filled)
    }

    pub fn is_complete(&self) -> bool {
        self.filled >= self.requested
    }

    /// Fills as much of the generation as `capacity` assets allow, at a share value of
    /// `total_assets / total_shares`. Shares burned round up, assets paid round down; a
    /// capacity too small to buy one share's worth fills nothing.
    pub fn settle(
        &mut self,
        capacity: u64,
        total_assets: u64,
        total_shares: u64,
    ) -> Result<Settlement, MathError> {
        let remaining = self.remaining();
        if remaining == 0 || capacity == 0 || total_shares == 0 {
            return Ok(Settlement::default());
        }
        let value = narrow(mul_div(
            u128::from(remaining),
            u128::from(total_assets),
            u128::from(total_shares),
            Rounding::Down,
        )?)?;
        let s = if value <= capacity {
            Settlement {
                shares_burned: remaining,
                assets_paid: value,
            }
        } else {
            // value > capacity  =>  capacity * TS / TA < remaining, so the ceil fits.
            let burn = narrow(mul_div(
                u128::from(capacity),
                u128::from(total_shares),
                u128::from(total_assets),
                Rounding::Up,
            )?)?
            .min(remaining);
            Settlement {
                shares_burned: burn,
                assets_paid: capacity,
            }
        };
        self.filled = self
            .filled
            .checked_add(s.shares_burned)
            .ok_or(MathError::Overflow)?;
        self.paid = self
            .paid
            .checked_add(s.assets_paid)
            .ok_or(MathError::Overflow)?;
        Ok(s)
    }

    /// A member's cumulative entitlement for `shares` in this generation: (shares filled,
    /// assets owed), both rounded down. Claims pay the difference to what was claimed.
    pub fn entitlement(&self, shares: u64) -> Result<(u64, u64), MathError> {
        if self.requested == 0 {
            return Ok((0, 0));
        }
        let filled = narrow(mul_div(
            u128::from(shares),
            u128::from(self.filled),
            u128::from(self.requested),
            Rounding::Down,
        )?)?;
        let paid = narrow(mul_div(
            u128::from(shares),
            u128::from(self.paid),
            u128::from(self.requested),
            Rounding::Down,
        )?)?;
        Ok((filled, paid))
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn partial_then_full_fill() {
        // 1,000 shares queued at 2 assets per share, capacity 600 then plenty
        let mut g = Generation {
            requested: 1_000,
            ..Default::default()
        };
        let s = g.settle(600, 20_000, 10_000).unwrap();
        assert_eq!(
            s,
            Settlement {
                shares_burned: 300,
                assets_paid: 600
            }
        );
        assert!(!g.is_complete());
        let s = g.settle(10_000, 19_400, 9_700).unwrap();
        assert_eq!(
            s,
            Settlement {
                shares_burned: 700,
                assets_paid: 1_400
            }
        );
        assert!(g.is_complete());
        // a member with 250 of the 1,000 shares is owed a quarter of everything
        assert_eq!(g.entitlement(250), Ok((250, 500)));
    }

    #[test]
    fn dust_capacity_never_overpays() {
        let mut g = Generation {
            requested: 10,
            ..Default::default()
        };
        // share worth 3 assets; capacity 1 burns a whole share for 1 asset
        let s = g.settle(1, 300, 100).unwrap();
        assert_eq!(
            s,
            Settlement {
                shares_burned: 1,
                assets_paid: 1
            }
        );
        assert_eq!(g.settle(0, 300, 100).unwrap(), Settlement::default());
        assert_eq!(Generation::default().entitlement(5), Ok((0, 0)));
    }

    proptest! {
        #[test]
        fn members_never_get_more_than_paid(
            members in proptest::collection::vec(1u64..1u64<<40, 1..8),
            caps in proptest::collection::vec(0u64..1u64<<42, 1..5),
            ta in 1u64..1u64<<50, ts in 1u64..1u64<<50,
        ) {
            let mut g = Generation { requested: members.iter().sum(), ..Default::default() };
            let (mut ta, mut ts) = (ta, ts.max(g.requested));
            for c in caps {
                let s = g.settle(c, ta, ts).unwrap();
                prop_assert!(s.assets_paid <= c);
                // burned shares are worth at least what was paid for them
                prop_assert!(u128::from(s.shares_burned) * u128::from(ta) >= u128::from(s.assets_paid) * u128::from(ts));
                ta -= s.assets_paid; ts -= s.shares_burned;
                if ts == 0 { break; }
            }
            let (mut shares, mut assets) = (0u64, 0u64);
            for m in &members {
                let (f, p) = g.entitlement(*m).unwrap();
                shares += f; assets += p;
            }
            prop_assert!(shares <= g.filled);
            prop_assert!(assets <= g.paid);
            // rounding dust is at most one unit per member
            prop_assert!(g.paid - assets <= members.len() as u64);
        }
    }
}
