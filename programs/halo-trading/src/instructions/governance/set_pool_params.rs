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
    p.params = params;
    p.bid_limit.set(now, params.bid_limit);
    p.ask_limit.set(now, params.ask_limit);
    p.redeem_limit.set(now, params.redeem_limit);
    emit!(PoolParamsSet {
        pool: p.key(),
        old,
        new: params,
    });
    Ok(())
}
