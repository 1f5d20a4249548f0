use anchor_lang::prelude::*;

use super::super::shared::GovernedPool;
use crate::{errors::TradingError, events::PoolParamsSet, state::*};

impl GovernedPool<'_> {
    /// `set_pool_params`'s checks.
    pub fn validate_set_pool_params(&self, params: &PoolParams) -> Result<()> {
        params.validate()?;
        let pool = &self.pool;
        // redemptions come due in id order only if the period never shrinks under them
        require!(
            params.settlement_period_s >= pool.params.settlement_period_s
                || pool.oldest_pending_id == pool.next_redemption_id,
            TradingError::SettlementPeriodLoweredWhilePending
        );
        Ok(())
    }
}

/// Replaces a pool's parameters (spreads, skew, oracle tolerances, limits). Signed by
/// governance only: the beacon cannot change any of them. Rate limits keep their consumed
/// gap, so a "decrease" never raises what can move.
/// Accounts: [`GovernedPool`].
pub fn handler(ctx: Context<GovernedPool>, params: PoolParams) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let pool = &mut ctx.accounts.pool;
    let old = pool.set_params(params, now);
    pool.invariant()?;
    halo_math::emit_event!(PoolParamsSet {
        pool: pool.key(),
        old,
        new: params,
    });
    Ok(())
}
