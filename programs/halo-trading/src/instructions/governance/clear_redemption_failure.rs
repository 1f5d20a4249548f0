use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::RedemptionFailureCleared, state::*};

/// Lifts the buy pause a failed issuer redemption set, after review. Signed by governance.
#[derive(Accounts)]
pub struct ClearRedemptionFailure<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
}

pub fn handler(ctx: Context<ClearRedemptionFailure>) -> Result<()> {
    let p = &mut ctx.accounts.pool;
    require!(p.redemption_failed, TradingError::NoRedemptionFailure);
    p.redemption_failed = false;
    emit!(RedemptionFailureCleared { pool: p.key() });
    Ok(())
}
