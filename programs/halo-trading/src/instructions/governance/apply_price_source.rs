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
    /// CHECK: the new source's price account, validated by `oracle::read` (ignored for a
    /// fixed wind-down price).
    pub price_account: UncheckedAccount<'info>,
}

pub fn handler(ctx: Context<ApplyPriceSource>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let p = &mut ctx.accounts.pool;
    let source = p
        .pending_price_source
        .ok_or(TradingError::NoPendingPriceSource)?;
    require!(
        now >= p.pending_price_source_eta,
        TradingError::PriceSourceDelayNotElapsed
    );
    // a proposal left lying cannot surface months later
    require!(
        now <= p
            .pending_price_source_eta
            .saturating_add(crate::constants::PRICE_SOURCE_GRACE_S),
        TradingError::PriceSourceProposalExpired
    );
    let old = p.price_source;
    p.price_source = source;
    p.pending_price_source = None;
    p.pending_price_source_eta = 0;
    // a new source starts afresh: its publish times are not comparable with the old one's
    p.last_price_ts = 0;
    let r = oracle::read(p, &ctx.accounts.price_account, now, oracle::Use::Lp)?;
    oracle::reanchor(p, &r, now);
    // trading resumes on the new source only after governance reviews it (`resume_pool`)
    p.paused = true;
    p.pause_reason = PauseReason::Manual;
    emit!(PriceSourceApplied {
        pool: p.key(),
        old,
        new: source,
        price_wad: r.price_wad,
        by: ctx.accounts.governance.key(),
    });
    Ok(())
}
