use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::PoolParamsSet, state::*};

/// Replaces a pool's parameters (spreads, skew, oracle tolerances, limits). Signed by
/// governance only: the beacon cannot change any of them. Rate limits keep their consumed
/// gap, so a "decrease" never raises what can move.
#[derive(Accounts)]
pub struct SetPoolParams<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
}

pub fn handler(ctx: Context<SetPoolParams>, params: PoolParams) -> Result<()> {
    params.validate()?;
    let now = Clock::get()?.unix_timestamp;
    let p = &mut ctx.accounts.pool;
    let old = p.params;
    // redemptions come due in id order only if the period never shrinks under them
    require!(
        params.settlement_period_s >= old.settlement_period_s
            || p.oldest_pending_id == p.next_redemption_id,
        TradingError::SettlementPeriodLoweredWhilePending
    );
    p.params = params;
    p.bid_limit
        .set(now, params.bid_limit.max_amount, params.bid_limit.slope);
    p.ask_limit
        .set(now, params.ask_limit.max_amount, params.ask_limit.slope);
    p.redeem_limit.set(
        now,
        params.redeem_limit.max_amount,
        params.redeem_limit.slope,
    );
    emit!(PoolParamsSet {
        pool: p.key(),
        old,
        new: params,
    });
    Ok(())
}
