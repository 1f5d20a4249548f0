use anchor_lang::prelude::*;

use super::super::shared::{
    __client_accounts_governed_pool, __cpi_client_accounts_governed_pool, GovernedPool,
    GovernedPoolBumps,
};
use crate::events::SidesSet;

/// Enables or disables each side of a pool. Signed by governance.
#[derive(Accounts)]
pub struct SetSides<'info> {
    pub governed: GovernedPool<'info>,
}

pub fn handler(ctx: Context<SetSides>, buy_enabled: bool, sell_enabled: bool) -> Result<()> {
    let pool = &mut ctx.accounts.governed.pool;
    pool.buy_enabled = buy_enabled;
    pool.sell_enabled = sell_enabled;
    pool.invariant()?;
    emit!(SidesSet {
        pool: pool.key(),
        buy_enabled,
        sell_enabled,
    });
    Ok(())
}
