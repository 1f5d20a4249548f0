use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::PriceSourceApplied, oracle, state::*};

/// Applies a proposed price source once its delay has passed, reading the new source's
/// price (it must be valid) and re-anchoring the pool on it; the pool pauses until
/// governance reviews the new price (`resume_pool`). Signed by governance.
#[derive(Accounts)]
pub struct ApplyPriceSource<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
    /// CHECK: read by `oracle::read` against the new source.
    pub price_account: UncheckedAccount<'info>,
}

impl ApplyPriceSource<'_> {
    pub fn validate(&self) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let pool = &self.pool;
        require!(
            pool.pending_price_source.is_some(),
            TradingError::NoPendingPriceSource
        );
        require!(
            now >= pool.pending_price_source_eta,
            TradingError::PriceSourceDelayNotElapsed
        );
        // a proposal left lying cannot surface months later
        require!(
            now <= pool
                .pending_price_source_eta
                .saturating_add(crate::constants::PRICE_SOURCE_GRACE_S),
            TradingError::PriceSourceProposalExpired
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<ApplyPriceSource>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let ApplyPriceSource {
        governance,
        pool,
        price_account,
        ..
    } = ctx.accounts;
    let (old, new) = pool.take_pending_price_source()?;
    let reading = oracle::read(pool, price_account, now, oracle::Use::Lp)?;
    oracle::reanchor(pool, &reading, now);
    pool.pause_manually();
    pool.invariant()?;
    halo_math::emit_event!(PriceSourceApplied {
        pool: pool.key(),
        old,
        new,
        price_wad: reading.price_wad,
        by: governance.key(),
    });
    Ok(())
}
