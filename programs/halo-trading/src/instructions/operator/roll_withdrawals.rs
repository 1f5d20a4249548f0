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

pub fn handler(ctx: Context<RollWithdrawals>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    require!(
        a.caller.key() == a.class.beacon
            || (a.open_generation.requested > 0
                && now >= a.open_generation.opened_at.saturating_add(QUEUE_FALLBACK_S)),
        TradingError::NotBeacon
    );
    require!(a.open_generation.requested > 0, TradingError::NothingToRoll);
    a.open_generation.closed = true;
    a.open_generation.closed_at = now;
    let closed_generation = a.pool.queue_open_gen;
    let open_generation = closed_generation.safe_add(1)?;
    a.pool.queue_open_gen = open_generation;
    let pool = a.pool.key();
    let id = open_generation.to_le_bytes();
    let mut g: WithdrawGeneration = halo_accounts::create_zeroed_account(
        &a.caller,
        &a.next_generation,
        &a.system_program,
        &[
            SEED_WITHDRAW_GEN,
            pool.as_ref(),
            &id,
            &[ctx.bumps.next_generation],
        ],
        &crate::ID,
    )?;
    g.version = ACCOUNT_VERSION;
    g.bump = ctx.bumps.next_generation;
    g.pool = pool;
    g.id = open_generation;
    g.opened_at = now;
    halo_accounts::persist(&a.next_generation, &g)?;
    emit!(WithdrawalsRolled {
        pool: a.pool.key(),
        closed_generation,
        requested: a.open_generation.requested,
        open_generation,
    });
    Ok(())
}
