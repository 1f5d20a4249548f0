use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::PoolPaused, state::*};

/// Pauses one pool (both sides). Governance, the beacon or the freezer.
#[derive(Accounts)]
pub struct PausePool<'info> {
    pub signer: Signer<'info>,
    #[account(constraint = class.is_pauser(&signer.key()) @ TradingError::NotPauser)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
}

pub fn handler(ctx: Context<PausePool>) -> Result<()> {
    let p = &mut ctx.accounts.pool;
    p.paused = true;
    p.pause_reason = PauseReason::Manual;
    emit!(PoolPaused {
        pool: p.key(),
        reason: PauseReason::Manual,
        by: ctx.accounts.signer.key(),
        observed_price_wad: 0,
        reference_price_wad: p.last_price_wad,
    });
    Ok(())
}
