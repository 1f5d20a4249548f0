use crate::math::SafeMath;
use anchor_lang::prelude::*;

use crate::{constants::*, errors::TradingError, events::WithdrawalRequested, state::*};

/// Queues `shares` for withdrawal in the open generation. The shares keep earning (and
/// bearing losses) until filled. Refused: more than the free shares, or a request still
/// unclaimed in an earlier generation.
#[derive(Accounts)]
pub struct RequestWithdrawal<'info> {
    pub owner: Signer<'info>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        mut,
        has_one = pool @ TradingError::PositionOfAnotherPool,
        has_one = owner @ TradingError::NotPositionOwner,
    )]
    pub position: Box<Account<'info, LpPosition>>,
    #[account(
        mut,
        seeds = [SEED_WITHDRAW_GEN, pool.key().as_ref(), &pool.queue_open_gen.to_le_bytes()],
        bump = generation.bump,
    )]
    pub generation: Box<Account<'info, WithdrawGeneration>>,
}

pub fn handler(ctx: Context<RequestWithdrawal>, shares: u64) -> Result<()> {
    require!(shares > 0, TradingError::ZeroAmount);
    let a = ctx.accounts;
    let pos = &mut a.position;
    require!(shares <= pos.shares, TradingError::InsufficientShares);
    let gen_id = a.pool.queue_open_gen;
    require!(
        pos.queued_shares == 0 || pos.queue_gen == gen_id,
        TradingError::WithdrawalPending
    );
    pos.shares = pos.shares.saturating_sub(shares);
    pos.queued_shares = pos.queued_shares.safe_add(shares)?;
    pos.queue_gen = gen_id;
    if a.generation.requested == 0 {
        // the fallback clock starts with the first request
        a.generation.opened_at = Clock::get()?.unix_timestamp;
    }
    a.generation.requested = a.generation.requested.safe_add(shares)?;
    a.pool.queued_shares = a.pool.queued_shares.safe_add(shares)?;
    emit!(WithdrawalRequested {
        pool: a.pool.key(),
        owner: pos.owner,
        generation: gen_id,
        shares,
    });
    Ok(())
}
