use anchor_lang::prelude::*;

use super::super::shared::GovernedPool;
use crate::events::SidesSet;

/// Enables or disables each side of a pool. Signed by governance.
/// Accounts: [`GovernedPool`].
pub fn handler(ctx: Context<GovernedPool>, buy_enabled: bool, sell_enabled: bool) -> Result<()> {
    let pool = &mut ctx.accounts.pool;
    pool.buy_enabled = buy_enabled;
    pool.sell_enabled = sell_enabled;
    halo_math::emit_event!(SidesSet {
        pool: pool.key(),
        buy_enabled,
        sell_enabled,
    });
    Ok(())
}
