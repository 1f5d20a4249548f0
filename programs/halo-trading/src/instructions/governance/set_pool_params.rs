use anchor_lang::prelude::*;

use super::super::shared::{
    __client_accounts_governed_pool, __cpi_client_accounts_governed_pool, GovernedPool,
    GovernedPoolBumps,
};
use crate::{errors::TradingError, events::PoolParamsSet, state::*};

/// Replaces a pool's parameters (spreads, skew, oracle tolerances, limits). Signed by
/// governance only: the beacon cannot change any of them. Rate limits keep their consumed
/// gap, so a "decrease" never raises what can move.
#[derive(Accounts)]
pub struct SetPoolParams<'info> {
    pub governed: GovernedPool<'info>,
}

impl SetPoolParams<'_> {
    pub fn validate(&self, params: &PoolParams) -> Result<()> {
        params.validate()?;
        let pool = &self.governed.pool;
        // redemptions come due in id order only if the period never shrinks under them
        require!(
            params.settlement_period_s >= pool.params.settlement_period_s
                || pool.oldest_pending_id == pool.next_redemption_id,
            TradingError::SettlementPeriodLoweredWhilePending
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<SetPoolParams>, params: PoolParams) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let pool = &mut ctx.accounts.governed.pool;
    let old = pool.set_params(params, now);
    pool.invariant()?;
    emit!(PoolParamsSet {
        pool: pool.key(),
        old,
        new: params,
    });
    Ok(())
}
