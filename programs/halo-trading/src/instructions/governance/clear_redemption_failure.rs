use anchor_lang::prelude::*;

use super::super::shared::GovernedPool;
use crate::{errors::TradingError, events::RedemptionFailureCleared};

impl GovernedPool<'_> {
    /// `clear_redemption_failure`'s checks.
    pub fn validate_clear_redemption_failure(&self) -> Result<()> {
        require!(
            self.pool.redemption_failed,
            TradingError::NoRedemptionFailure
        );
        Ok(())
    }
}

/// Lifts the buy pause a failed issuer redemption set, after review. Signed by governance.
/// Accounts: [`GovernedPool`].
pub fn handler(ctx: Context<GovernedPool>) -> Result<()> {
    let pool = &mut ctx.accounts.pool;
    pool.redemption_failed = false;
    pool.invariant()?;
    halo_math::emit_event!(RedemptionFailureCleared { pool: pool.key() });
    Ok(())
}
