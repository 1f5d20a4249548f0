use anchor_lang::prelude::*;

use super::super::shared::GovernedPool;
use crate::{
    constants::PRICE_SOURCE_DELAY_S, errors::TradingError, events::PriceSourceProposed,
    math::SafeMath, state::*,
};

impl GovernedPool<'_> {
    /// `propose_price_source`'s checks.
    pub fn validate_propose_price_source(&self, source: &PriceSource) -> Result<()> {
        if let PriceSource::Fixed { price_wad } = *source {
            require!(price_wad > 0, TradingError::NonPositivePrice);
            // a wind-down price within 10x of the last accepted one, either way (a
            // mistyped one could make the pool's value overflow and block every exit)
            let last = self.pool.last_price_wad;
            require!(
                price_wad <= last.saturating_mul(10) && price_wad.saturating_mul(10) >= last,
                TradingError::WindDownPriceOutOfRange
            );
        }
        Ok(())
    }
}

/// Proposes a new price source for the pool: another halo feed or Pyth feed id when the
/// oracle is replaced, or a fixed wind-down price when it is gone for good. It applies
/// only `PRICE_SOURCE_DELAY_S` later (`apply_price_source`), so LPs see it coming.
/// Signed by governance. A new proposal replaces a pending one.
/// Accounts: [`GovernedPool`].
pub fn handler(ctx: Context<GovernedPool>, source: PriceSource) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let GovernedPool {
        governance, pool, ..
    } = ctx.accounts;
    let eta = now.safe_add(PRICE_SOURCE_DELAY_S)?;
    pool.pending_price_source = Some(source);
    pool.pending_price_source_eta = eta;
    pool.invariant()?;
    halo_math::emit_event!(PriceSourceProposed {
        pool: pool.key(),
        current: pool.price_source,
        proposed: source,
        eta,
        by: governance.key(),
    });
    Ok(())
}
