use anchor_lang::prelude::*;

use crate::{
    constants::*, errors::TradingError, events::WithdrawalRequested, manager::withdrawal_manager,
    state::*,
};

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

impl RequestWithdrawal<'_> {
    pub fn validate(&self, shares: u64) -> Result<()> {
        require!(shares > 0, TradingError::ZeroAmount);
        Ok(())
    }
}

pub fn handler(ctx: Context<RequestWithdrawal>, shares: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let RequestWithdrawal {
        pool,
        position,
        generation,
        ..
    } = ctx.accounts;
    withdrawal_manager::request(pool, position, generation, shares, now)?;
    pool.invariant()?;
    position.invariant()?;
    generation.invariant()?;
    halo_math::emit_event!(WithdrawalRequested {
        pool: pool.key(),
        owner: position.owner,
        generation: position.queue_gen,
        shares,
    });
    Ok(())
}
