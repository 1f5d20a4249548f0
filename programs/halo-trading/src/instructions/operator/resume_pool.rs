use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::PoolResumed, oracle, state::*};

/// Lifts a pool pause after review and re-anchors the reference price to the current,
/// valid oracle reading. Governance or the beacon (not the freezer); a deviation pause
/// (which re-anchors the deviation guard) by governance only.
#[derive(Accounts)]
pub struct ResumePool<'info> {
    pub signer: Signer<'info>,
    #[account(
        constraint = signer.key() == class.governance || signer.key() == class.beacon
            @ TradingError::NotGovernanceOrBeacon,
    )]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
    /// CHECK: validated by `oracle::read` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
}

impl ResumePool<'_> {
    pub fn validate(&self) -> Result<()> {
        require!(self.pool.paused, TradingError::NotPaused);
        // a deviation pause re-anchors the price guard: only governance reviews it
        require!(
            self.pool.pause_reason != PauseReason::Deviation
                || self.signer.key() == self.class.governance,
            TradingError::NotGovernance
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<ResumePool>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let ResumePool {
        signer,
        pool,
        price_account,
        ..
    } = ctx.accounts;
    let reading = oracle::read(pool, price_account, now, oracle::Use::Lp)?;
    pool.paused = false;
    pool.pause_reason = PauseReason::None;
    oracle::reanchor(pool, &reading, now);
    pool.invariant()?;
    halo_math::emit_event!(PoolResumed {
        pool: pool.key(),
        by: signer.key(),
        price_wad: reading.price_wad,
        publish_ts: reading.publish_ts,
    });
    Ok(())
}
