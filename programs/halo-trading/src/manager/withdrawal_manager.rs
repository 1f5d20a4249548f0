//! The LP withdrawal queue's bookkeeping: a request joining the open generation, a
//! settlement filling the oldest closed one pro rata, and a position's claim on what was
//! filled. Each returns what it changes; the handler applies it.
use anchor_lang::prelude::*;
use halo_math::queue::Settlement;

use crate::{
    errors::TradingError,
    math::{OrOverflow, SafeMath},
    state::{LpPosition, Pool, WithdrawGeneration},
};

/// Queues `shares` of `position` in the open generation `generation` (refused: more than
/// the position's free shares, or a request still unclaimed in an earlier generation).
pub fn request(
    pool: &mut Pool,
    position: &mut LpPosition,
    generation: &mut WithdrawGeneration,
    shares: u64,
    now: i64,
) -> Result<()> {
    require!(shares <= position.shares, TradingError::InsufficientShares);
    let gen_id = pool.queue_open_gen;
    require!(
        position.queued_shares == 0 || position.queue_gen == gen_id,
        TradingError::WithdrawalPending
    );
    let queued = position.queued_shares.safe_add(shares)?;
    let requested = generation.requested.safe_add(shares)?;
    let pool_queued = pool.queued_shares.safe_add(shares)?;
    if generation.requested == 0 {
        // the fallback clock starts with the first request
        generation.opened_at = now;
    }
    position.shares = position.shares.saturating_sub(shares);
    position.queued_shares = queued;
    position.queue_gen = gen_id;
    generation.requested = requested;
    pool.queued_shares = pool_queued;
    Ok(())
}

/// Fills the settling generation with up to `max_quote` of free USDS at the pool value
/// `value` and books it: shares burned, USDS moved from liquidity to claims. Refused when
/// nothing could be filled and the generation is not complete.
pub fn settle(
    pool: &mut Pool,
    generation: &mut WithdrawGeneration,
    max_quote: u64,
    value: u64,
) -> Result<(Settlement, bool)> {
    let capacity = max_quote.min(pool.quote_liquidity);
    let mut totals = generation.totals();
    let settlement = totals
        .settle(capacity, value, pool.total_shares)
        .or_overflow()?;
    require!(
        settlement.shares_burned > 0 || totals.is_complete(),
        TradingError::InsufficientLiquidity
    );
    let claims = pool.claims_reserved.safe_add(settlement.assets_paid)?;
    let complete = totals.is_complete();
    let next_settling = if complete {
        pool.queue_settling_gen.safe_add(1)?
    } else {
        pool.queue_settling_gen
    };
    generation.store(totals);
    pool.total_shares = pool.total_shares.saturating_sub(settlement.shares_burned);
    pool.queued_shares = pool.queued_shares.saturating_sub(settlement.shares_burned);
    pool.quote_liquidity = pool.quote_liquidity.saturating_sub(settlement.assets_paid);
    pool.claims_reserved = claims;
    pool.queue_settling_gen = next_settling;
    Ok((settlement, complete))
}

/// What a claim pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Shares of the position filled since its last claim.
    pub shares_filled: u64,
    /// precision: quote base units paid now.
    pub amount: u64,
    /// The generation is complete: the position's queue slot is cleared.
    pub complete: bool,
}

/// The position's pro-rata share of what its generation filled since its last claim
/// (rounded down), booked out of the pool's claims and into the position (refused when
/// there is nothing to claim).
pub fn claim(
    pool: &mut Pool,
    position: &mut LpPosition,
    generation: &WithdrawGeneration,
) -> Result<Claim> {
    require!(position.queued_shares > 0, TradingError::NothingToClaim);
    let totals = generation.totals();
    let (filled, paid) = totals.entitlement(position.queued_shares).or_overflow()?;
    let shares_filled = filled.saturating_sub(position.claimed_filled);
    let amount = paid.saturating_sub(position.claimed_paid);
    let complete = totals.is_complete();
    require!(
        amount > 0 || shares_filled > 0 || complete,
        TradingError::NothingToClaim
    );
    pool.claims_reserved = pool.claims_reserved.safe_sub(amount)?;
    if complete {
        position.queued_shares = 0;
        position.claimed_filled = 0;
        position.claimed_paid = 0;
    } else {
        position.claimed_filled = filled;
        position.claimed_paid = paid;
    }
    position.total_withdrawn = position.total_withdrawn.saturating_add(u128::from(amount));
    Ok(Claim {
        shares_filled,
        amount,
        complete,
    })
}
