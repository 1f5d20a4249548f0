//! Issuer redemptions: sending inventory out (`start`), booking the issuer's payment or a
//! late recovery (`settle`), and marking one failed (`fail`). Pending redemptions close
//! oldest first (`Pool::close_oldest_pending`).
use anchor_lang::prelude::*;
use halo_math::Rounding;

use crate::{
    constants::{ACCOUNT_VERSION, SETTLE_MIN_BPS},
    errors::TradingError,
    math::{OrOverflow, SafeMath},
    state::{Pool, Redemption, RedemptionStatus},
};

/// Books `amount` of inventory (at most the inventory: the caller checked) leaving for
/// the issuer at `nav_wad` (refused: the redemption rate limit): the inventory and its
/// cost move to pending, the next id is taken, and the due time is set.
/// Returns the pending redemption's record (its PDA bump `bump`).
pub fn start(
    pool: &mut Account<Pool>,
    amount: u64,
    nav_wad: u128,
    bump: u8,
    now: i64,
) -> Result<Redemption> {
    pool.redeem_limit
        .consume(now, amount)
        .map_err(|_| TradingError::RedeemRateLimitExceeded)?;
    let expected_quote = pool
        .market(nav_wad)
        .value(amount, Rounding::Down)
        .or_overflow()?;
    let cost_basis = pool.remove_inventory(amount)?;
    let id = pool.next_redemption_id;
    pool.pending_expected = pool.pending_expected.safe_add(expected_quote)?;
    pool.pending_cost = pool.pending_cost.safe_add(cost_basis)?;
    pool.next_redemption_id = id.safe_add(1)?;
    let expected_by = now.saturating_add(i64::from(pool.params.settlement_period_s));
    pool.open_redemption(id, amount, expected_by)?;
    Ok(Redemption {
        version: ACCOUNT_VERSION,
        bump,
        pool: pool.key(),
        id,
        amount,
        nav_wad,
        expected_quote,
        cost_basis,
        sent_at: now,
        expected_by,
        status: RedemptionStatus::Pending,
        received: 0,
        reserved: [0; 32],
    })
}

/// Books `received` USDS (already in the quote vault, unbooked: `unbooked` of it) for
/// redemption `rd`: a pending one settles in full (refused below 99 % of the expected
/// USDS); a failed one is recovered, in parts, and settles once 99 % has come. Returns
/// the realised P&L it adds.
pub fn settle(
    pool: &mut Pool,
    rd: &mut Redemption,
    next: &AccountInfo,
    received: u64,
    unbooked: u64,
    now: i64,
) -> Result<i128> {
    require!(received <= unbooked, TradingError::UnaccountedFundsMissing);
    let pending = rd.status == RedemptionStatus::Pending;
    // a recovery's cost was counted when it failed, so all of its receipt is P&L
    let pnl = if pending {
        i128::from(received).safe_sub(i128::from(rd.cost_basis))?
    } else {
        i128::from(received)
    };
    let floor = halo_math::mul_div_u64(rd.expected_quote, SETTLE_MIN_BPS, 10_000, Rounding::Up)
        .or_overflow()?;
    let settled = if pending {
        // an under-reported receipt would leave USDS unbooked for later misuse
        require!(received >= floor, TradingError::ReceiptBelowExpected);
        pool.close_oldest_pending(rd, next)?;
        pool.pending_expected = pool.pending_expected.saturating_sub(rd.expected_quote);
        pool.pending_cost = pool.pending_cost.saturating_sub(rd.cost_basis);
        rd.received = received;
        true
    } else {
        recover(pool, rd, received, floor)?
    };
    pool.realised_pnl = pool.realised_pnl.safe_add(pnl)?;
    pool.quote_liquidity = pool.quote_liquidity.safe_add(received)?;
    if settled {
        pool.redeem_limit.give_back(now, rd.amount);
        pool.redemptions_settled = pool.redemptions_settled.saturating_add(1);
        rd.status = RedemptionStatus::Settled;
    }
    Ok(pnl)
}

/// A part of a failed redemption's recovery: only what arrives stops holding the queue
/// back; the rest waits for more payments or a governance write-off (a receipt of 0
/// cannot stand in for one). Returns whether the recovery is complete (99 %).
fn recover(pool: &mut Pool, rd: &mut Redemption, received: u64, floor: u64) -> Result<bool> {
    require!(received > 0, TradingError::ZeroAmount);
    let before = rd.received;
    let total = before.safe_add(received)?;
    let recovered = total
        .min(rd.expected_quote)
        .saturating_sub(before.min(rd.expected_quote));
    pool.failed_expected = pool.failed_expected.saturating_sub(recovered);
    rd.received = total;
    let done = total >= floor;
    if done {
        // the last part: whatever of the expected USDS did not come is let go
        let rest = rd.expected_quote.saturating_sub(total);
        pool.failed_expected = pool.failed_expected.saturating_sub(rest);
        pool.redemptions_failed = pool.redemptions_failed.saturating_sub(1);
    }
    Ok(done)
}

/// Marks pending redemption `rd` failed: its expected USDS leaves the pool's value (held
/// in `failed_expected` until recovered or written off), its cost is written off in
/// realised P&L, and buys pause. Returns the P&L it takes (negative).
pub fn fail(pool: &mut Pool, rd: &mut Redemption, next: &AccountInfo) -> Result<i64> {
    pool.close_oldest_pending(rd, next)?;
    pool.failed_expected = pool.failed_expected.safe_add(rd.expected_quote)?;
    pool.pending_expected = pool.pending_expected.saturating_sub(rd.expected_quote);
    pool.pending_cost = pool.pending_cost.saturating_sub(rd.cost_basis);
    pool.realised_pnl = pool.realised_pnl.safe_sub(i128::from(rd.cost_basis))?;
    pool.redemptions_failed = pool.redemptions_failed.saturating_add(1);
    pool.redemption_failed = true;
    rd.status = RedemptionStatus::Failed;
    i64::try_from(rd.cost_basis)
        .or_overflow()?
        .checked_neg()
        .or_overflow()
}
