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

pub fn handler(ctx: Context<ResumePool>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let p = &mut ctx.accounts.pool;
    require!(p.paused, TradingError::NotPaused);
    // a deviation pause re-anchors the price guard: only governance reviews it
    require!(
        p.pause_reason != PauseReason::Deviation
            || ctx.accounts.signer.key() == ctx.accounts.class.governance,
        TradingError::NotGovernance
    );
    let r = oracle::read(p, &ctx.accounts.price_account, now, oracle::Use::Lp)?;
    p.paused = false;
    p.pause_reason = PauseReason::None;
    oracle::reanchor(p, &r, now);
    emit!(PoolResumed {
        pool: p.key(),
        by: ctx.accounts.signer.key(),
        price_wad: r.price_wad,
        publish_ts: r.publish_ts,
    });
    Ok(())
}
