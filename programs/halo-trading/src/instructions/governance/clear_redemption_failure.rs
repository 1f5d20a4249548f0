use anchor_lang::prelude::*;

use super::super::shared::{
    __client_accounts_governed_pool, __cpi_client_accounts_governed_pool, GovernedPool,
    GovernedPoolBumps,
};
use crate::{errors::TradingError, events::RedemptionFailureCleared};

/// Lifts the buy pause a failed issuer redemption set, after review. Signed by governance.
#[derive(Accounts)]
pub struct ClearRedemptionFailure<'info> {
    pub governed: GovernedPool<'info>,
}

impl ClearRedemptionFailure<'_> {
    pub fn validate(&self) -> Result<()> {
        require!(
            self.governed.pool.redemption_failed,
            TradingError::NoRedemptionFailure
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<ClearRedemptionFailure>) -> Result<()> {
    let pool = &mut ctx.accounts.governed.pool;
    pool.redemption_failed = false;
    pool.invariant()?;
    emit!(RedemptionFailureCleared { pool: pool.key() });
    Ok(())
}
