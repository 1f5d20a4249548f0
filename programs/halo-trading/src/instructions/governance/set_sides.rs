use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::SidesSet, state::*};

/// Enables or disables each side of a pool. Signed by governance.
#[derive(Accounts)]
pub struct SetSides<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
}

pub fn handler(ctx: Context<SetSides>, buy_enabled: bool, sell_enabled: bool) -> Result<()> {
    let p = &mut ctx.accounts.pool;
    p.buy_enabled = buy_enabled;
    p.sell_enabled = sell_enabled;
    emit!(SidesSet {
        pool: p.key(),
        buy_enabled,
        sell_enabled,
    });
    Ok(())
}
