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
    let PausePool { signer, pool, .. } = ctx.accounts;
    pool.pause_manually();
    halo_math::emit_event!(PoolPaused {
        pool: pool.key(),
        reason: PauseReason::Manual,
        by: signer.key(),
        observed_price_wad: 0,
        reference_price_wad: pool.last_price_wad,
    });
    Ok(())
}
