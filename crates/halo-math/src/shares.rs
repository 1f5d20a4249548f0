//! Share maths for pooled positions (LCTS units, AMM LP shares).
//!
//! Totals are the program's *internal* accounting (what it has booked), never a vault's
//! token balance, so a donation to a vault cannot move the share price (no first-depositor
//! inflation). Shares minted round down; shares burned round up; assets paid round down.

use crate::fixed::{mul_div, MathError, Rounding};

fn narrow(v: u128) -> Result<u64, MathError> {
    u64::try_from(v).map_err(|_| MathError::Overflow)
}

/// Shares minted for depositing `assets` into a pool holding `total_assets` against
/// `total_shares`. The first deposit mints 1:1. Rounds down (in the pool's favour).
///
/// A pool with shares outstanding but no assets cannot price a deposit: `DivisionByZero`.
pub fn shares_for_deposit(
    assets: u64,
    total_assets: u64,
    total_shares: u64,
) -> Result<u64, MathError> {
    if total_shares == 0 {
        return Ok(assets);
    }
    narrow(mul_div(
        u128::from(assets),
        u128::from(total_shares),
        u128::from(total_assets),
        Rounding::Down,
    )?)
}

/// Shares to mint to nobody before a deposit into a pool that holds value but no shares
/// (value left behind when the last share was burned: rounding dust, a late receipt):
/// one per unit of that value, the first-deposit rate. Without them the next depositor's
/// `shares_for_deposit` (1:1 at zero shares) would buy the whole orphaned value for one
/// unit; with them the depositor gets exactly what it paid for and the orphaned value stays
/// locked with the dead shares.
pub fn orphan_dead_shares(total_assets: u64, total_shares: u64) -> u64 {
    if total_shares == 0 {
        total_assets
    } else {
        0
    }
}

/// Assets owed for `shares` out of `total_shares` of a pool holding `total_assets`,
/// rounded as asked (payouts: `Down`).
pub fn assets_for_shares(
    shares: u64,
    total_assets: u64,
    total_shares: u64,
    rounding: Rounding,
) -> Result<u64, MathError> {
    narrow(mul_div(
        u128::from(shares),
        u128::from(total_assets),
        u128::from(total_shares),
        rounding,
    )?)
}

/// Shares that must be burned to take `assets` out: rounds up (in the pool's favour).
pub fn shares_to_burn_for_assets(
    assets: u64,
    total_assets: u64,
    total_shares: u64,
) -> Result<u64, MathError> {
    narrow(mul_div(
        u128::from(assets),
        u128::from(total_shares),
        u128::from(total_assets),
        Rounding::Up,
    )?)
}

/// `amount * part / whole` rounded down: one member's pro-rata slice of `amount`.
pub fn pro_rata(amount: u64, part: u64, whole: u64) -> Result<u64, MathError> {
    narrow(mul_div(
        u128::from(amount),
        u128::from(part),
        u128::from(whole),
        Rounding::Down,
    )?)
}

/// What one share is worth, WAD-scaled: `total_assets * WAD / total_shares`, rounded
/// down (a reader never sees a share worth more than it would pay). `None` with no shares
/// outstanding: a price of nothing.
pub fn share_price_wad(total_assets: u64, total_shares: u64) -> Option<u128> {
    if total_shares == 0 {
        return None;
    }
    mul_div(
        u128::from(total_assets),
        crate::fixed::WAD,
        u128::from(total_shares),
        Rounding::Down,
    )
    .ok()
}

/// `used` over `limit` in basis points, rounded up (a position reads as at least as full
/// as it is, so a limit is never shown as met when it is passed). A limit of zero reads as
/// nothing used; a ratio beyond `u64` saturates.
pub fn used_bps(used: u64, limit: u64) -> u64 {
    if limit == 0 {
        return 0;
    }
    mul_div(
        u128::from(used),
        crate::fixed::BPS_DENOMINATOR,
        u128::from(limit),
        Rounding::Up,
    )
    .ok()
    .and_then(|v| u64::try_from(v).ok())
    .unwrap_or(u64::MAX)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn first_deposit_is_one_to_one() {
        assert_eq!(shares_for_deposit(1_000, 0, 0), Ok(1_000));
        assert_eq!(shares_for_deposit(0, 0, 0), Ok(0));
    }

    #[test]
    fn orphaned_value_is_not_bought_by_the_next_depositor() {
        // 1,000,000 left with no shares; a 1-unit deposit
        let dead = orphan_dead_shares(1_000_000, 0);
        assert_eq!(dead, 1_000_000);
        let minted = shares_for_deposit(1, 1_000_000, dead).unwrap();
        assert_eq!(minted, 1);
        // what those shares are worth afterwards: 1 unit, not the orphaned million
        let worth = assets_for_shares(minted, 1_000_001, dead + minted, Rounding::Down).unwrap();
        assert_eq!(worth, 1);
        assert_eq!(orphan_dead_shares(0, 0), 0);
        assert_eq!(orphan_dead_shares(5, 1), 0);
    }

    #[test]
    fn empty_assets_with_shares_outstanding_is_refused() {
        assert_eq!(shares_for_deposit(1, 0, 10), Err(MathError::DivisionByZero));
    }

    #[test]
    fn dust_deposit_mints_nothing_rather_than_something() {
        // price 3 assets per share: 2 assets buy 0 shares
        assert_eq!(shares_for_deposit(2, 300, 100), Ok(0));
        assert_eq!(shares_to_burn_for_assets(2, 300, 100), Ok(1));
        assert_eq!(assets_for_shares(1, 300, 100, Rounding::Down), Ok(3));
        assert_eq!(assets_for_shares(1, 301, 100, Rounding::Down), Ok(3));
        assert_eq!(assets_for_shares(1, 301, 100, Rounding::Up), Ok(4));
    }

    #[test]
    fn share_price_and_use_of_a_limit_at_the_edges() {
        assert_eq!(share_price_wad(100, 0), None);
        assert_eq!(share_price_wad(0, 5), Some(0));
        assert_eq!(share_price_wad(3, 2), Some(1_500_000_000_000_000_000));
        // 1/3 rounds down
        assert_eq!(share_price_wad(1, 3), Some(333_333_333_333_333_333));
        assert_eq!(
            share_price_wad(u64::MAX, 1),
            Some(u128::from(u64::MAX) * crate::fixed::WAD)
        );
        assert_eq!(used_bps(5, 0), 0);
        assert_eq!(used_bps(0, 7), 0);
        assert_eq!(used_bps(1, 3), 3_334); // rounds up
        assert_eq!(used_bps(7, 7), 10_000);
        assert_eq!(used_bps(u64::MAX, 1), u64::MAX); // saturates
        assert_eq!(used_bps(u64::MAX, u64::MAX), 10_000);
    }

    #[test]
    fn pro_rata_edges() {
        assert_eq!(pro_rata(100, 1, 3), Ok(33));
        assert_eq!(pro_rata(u64::MAX, u64::MAX, u64::MAX), Ok(u64::MAX));
        assert_eq!(pro_rata(1, 1, 0), Err(MathError::DivisionByZero));
        assert_eq!(pro_rata(u64::MAX, 2, 1), Err(MathError::Overflow));
    }

    proptest! {
        #[test]
        fn a_share_price_never_overstates_and_use_never_understates(a in 0u64.., s in 1u64.., l in 1u64..) {
            let p = share_price_wad(a, s).unwrap();
            // price * shares <= assets * WAD < (price + 1) * shares
            prop_assert!(p * u128::from(s) <= u128::from(a) * crate::fixed::WAD);
            prop_assert!((p + 1) * u128::from(s) > u128::from(a) * crate::fixed::WAD);
            let u = used_bps(a, l);
            if u != u64::MAX {
                prop_assert!(u128::from(u) * u128::from(l) >= u128::from(a) * 10_000);
            }
        }

        #[test]
        fn deposit_then_redeem_never_profits(assets in 1u64..1u64<<60, ta in 1u64..1u64<<60, ts in 1u64..1u64<<60) {
            // a deposit whose share count does not fit u64 is refused, not wrapped
            let Ok(s) = shares_for_deposit(assets, ta, ts) else {
                prop_assert!(u128::from(assets) * u128::from(ts) / u128::from(ta) > u128::from(u64::MAX));
                return Ok(());
            };
            let Some(new_ts) = ts.checked_add(s) else { return Ok(()) };
            let back = assets_for_shares(s, ta + assets, new_ts, Rounding::Down).unwrap();
            prop_assert!(back <= assets);
        }

        #[test]
        fn withdraw_burns_at_least_fair_share(assets in 0u64..1u64<<60, ta in 1u64..1u64<<60, ts in 1u64..1u64<<60) {
            let assets = assets.min(ta);
            let burn = shares_to_burn_for_assets(assets, ta, ts).unwrap();
            // the burned shares are worth at least the assets taken
            prop_assert!(u128::from(burn) * u128::from(ta) >= u128::from(assets) * u128::from(ts));
        }

        #[test]
        fn pro_rata_slices_never_exceed_the_whole(amount in any::<u64>(), a in 0u64..1u64<<40, b in 0u64..1u64<<40) {
            let whole = a + b;
            if whole > 0 {
                let sa = pro_rata(amount, a, whole).unwrap();
                let sb = pro_rata(amount, b, whole).unwrap();
                prop_assert!(u128::from(sa) + u128::from(sb) <= u128::from(amount));
                prop_assert!(u128::from(amount) - u128::from(sa) - u128::from(sb) < 2);
            }
        }
    }
}
