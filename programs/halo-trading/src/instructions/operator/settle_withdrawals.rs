use crate::math::{OrOverflow, SafeMath};
use anchor_lang::prelude::*;

use crate::{constants::*, errors::TradingError, events::WithdrawalsSettled, oracle, state::*};

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

pub fn handler(ctx: Context<SettleWithdrawals>, max_quote: u64) -> Result<()> {
    require!(max_quote > 0, TradingError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    require!(a.generation.closed, TradingError::GenerationStillOpen);
    require!(
        a.caller.key() == a.class.beacon
            || now >= a.generation.closed_at.saturating_add(QUEUE_FALLBACK_S),
        TradingError::NotBeacon
    );
    let p = &mut a.pool;
    // LPs written down by a failed redemption keep their claim on its recovery: nobody
    // exits at the written-down value until it is recovered or written off
    require!(
        p.failed_expected == 0,
        TradingError::WithdrawalsWaitForRecovery
    );
    // nor at a value counting an overdue redemption in full (it may fail)
    require!(now <= p.oldest_pending_due, TradingError::RedemptionOverdue);
    // with no inventory the pool's value needs no price: LPs can leave a pool whose
    // oracle is stale or gone
    let value = if p.inventory == 0 {
        p.value(p.last_price_wad)?
    } else {
        let r = oracle::accept(p, &a.price_account, now, oracle::Use::Lp)?;
        p.value(r.price_wad)?
    };
    let capacity = max_quote.min(p.quote_liquidity);
    let mut g = a.generation.totals();
    let s = g.settle(capacity, value, p.total_shares).or_overflow()?;
    require!(
        s.shares_burned > 0 || g.is_complete(),
        TradingError::InsufficientLiquidity
    );
    a.generation.store(g);
    p.total_shares = p.total_shares.saturating_sub(s.shares_burned);
    p.queued_shares = p.queued_shares.saturating_sub(s.shares_burned);
    p.quote_liquidity = p.quote_liquidity.saturating_sub(s.assets_paid);
    p.claims_reserved = p.claims_reserved.safe_add(s.assets_paid)?;
    let complete = g.is_complete();
    if complete {
        p.queue_settling_gen = p.queue_settling_gen.safe_add(1)?;
    }
    emit!(WithdrawalsSettled {
        pool: p.key(),
        generation: a.generation.id,
        shares_burned: s.shares_burned,
        quote_paid: s.assets_paid,
        complete,
        quote_liquidity_after: p.quote_liquidity,
    });
    Ok(())
}
