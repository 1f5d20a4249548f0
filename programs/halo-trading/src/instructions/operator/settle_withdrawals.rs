use anchor_lang::prelude::*;

use crate::{
    constants::*, errors::TradingError, events::WithdrawalsSettled, manager::withdrawal_manager,
    oracle, state::*,
};

/// Fills the oldest closed withdrawal generation pro rata with up to `max_quote` of the
/// pool's free USDS, at the current share value (shares burned round up, USDS paid rounds
/// down). The USDS is set aside for the members' claims. Signed by the beacon, or by
/// anyone once the generation has been closed for `QUEUE_FALLBACK_S`. Refused while a
/// failed redemption awaits recovery or a write-off.
#[derive(Accounts)]
pub struct SettleWithdrawals<'info> {
    pub caller: Signer<'info>,
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        mut,
        seeds = [SEED_WITHDRAW_GEN, pool.key().as_ref(), &pool.queue_settling_gen.to_le_bytes()],
        bump = generation.bump,
    )]
    pub generation: Box<Account<'info, WithdrawGeneration>>,
    /// CHECK: validated by `oracle::accept` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
}

impl SettleWithdrawals<'_> {
    pub fn validate(&self, max_quote: u64) -> Result<()> {
        require!(max_quote > 0, TradingError::ZeroAmount);
        let now = Clock::get()?.unix_timestamp;
        require!(self.generation.closed, TradingError::GenerationStillOpen);
        require!(
            self.caller.key() == self.class.beacon
                || now >= self.generation.closed_at.saturating_add(QUEUE_FALLBACK_S),
            TradingError::NotBeacon
        );
        // LPs written down by a failed redemption keep their claim on its recovery:
        // nobody exits at the written-down value until it is recovered or written off
        require!(
            self.pool.failed_expected == 0,
            TradingError::WithdrawalsWaitForRecovery
        );
        // nor at a value counting an overdue redemption in full (it may fail)
        require!(
            now <= self.pool.oldest_pending_due,
            TradingError::RedemptionOverdue
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<SettleWithdrawals>, max_quote: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let SettleWithdrawals {
        pool,
        generation,
        price_account,
        ..
    } = ctx.accounts;
    let value = oracle::exit_value(pool, price_account, now)?;
    let (settled, complete) = withdrawal_manager::settle(pool, generation, max_quote, value)?;
    pool.invariant()?;
    generation.invariant()?;
    halo_math::emit_event!(WithdrawalsSettled {
        pool: pool.key(),
        generation: generation.id,
        shares_burned: settled.shares_burned,
        quote_paid: settled.assets_paid,
        complete,
        quote_liquidity_after: pool.quote_liquidity,
    });
    Ok(())
}
