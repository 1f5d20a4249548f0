use crate::math::SafeMath;
use anchor_lang::prelude::*;

use crate::{constants::*, errors::TradingError, events::WithdrawalsRolled, state::*};

/// Closes the open withdrawal generation to new requests and opens the next one. The
/// closed generation is then filled, pro rata, by `settle_withdrawals`. Signed by the
/// beacon (who pays for the new generation's account), or by anyone once the generation
/// has been open for `QUEUE_FALLBACK_S`.
#[derive(Accounts)]
pub struct RollWithdrawals<'info> {
    #[account(mut)]
    pub caller: Signer<'info>,
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        mut,
        seeds = [SEED_WITHDRAW_GEN, pool.key().as_ref(), &pool.queue_open_gen.to_le_bytes()],
        bump = open_generation.bump,
    )]
    pub open_generation: Box<Account<'info, WithdrawGeneration>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_WITHDRAW_GEN, pool.key().as_ref(), &pool.queue_open_gen.saturating_add(1).to_le_bytes()], bump)]
    pub next_generation: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl RollWithdrawals<'_> {
    pub fn validate(&self) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let open = &self.open_generation;
        require!(
            self.caller.key() == self.class.beacon
                || (open.requested > 0 && now >= open.opened_at.saturating_add(QUEUE_FALLBACK_S)),
            TradingError::NotBeacon
        );
        require!(open.requested > 0, TradingError::NothingToRoll);
        Ok(())
    }
}

pub fn handler(ctx: Context<RollWithdrawals>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let RollWithdrawals {
        caller,
        pool,
        open_generation,
        next_generation,
        system_program,
        ..
    } = ctx.accounts;
    open_generation.close_to_requests(now);
    let closed_generation = pool.queue_open_gen;
    pool.queue_open_gen = closed_generation.safe_add(1)?;
    WithdrawGeneration::create(
        caller,
        next_generation,
        system_program,
        pool.key(),
        pool.queue_open_gen,
        ctx.bumps.next_generation,
        now,
    )?;
    pool.invariant()?;
    open_generation.invariant()?;
    halo_math::emit_event!(WithdrawalsRolled {
        pool: pool.key(),
        closed_generation,
        requested: open_generation.requested,
        open_generation: pool.queue_open_gen,
    });
    Ok(())
}
