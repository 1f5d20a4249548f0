use anchor_lang::prelude::*;

use crate::{constants::*, errors::OracleError, events::MaxMoveSet, state::*};

/// Sets the move guard: how far (bps of the last value) one reporter update may move.
/// Signed by the feed's governance.
#[derive(Accounts)]
pub struct SetMaxMove<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

pub fn handler(ctx: Context<SetMaxMove>, max_move_bps: u16) -> Result<()> {
    require!(
        max_move_bps > 0 && max_move_bps <= MAX_MOVE_BPS,
        OracleError::BadMaxMove
    );
    let f = &mut ctx.accounts.feed;
    let old_bps = f.max_move_bps;
    f.max_move_bps = max_move_bps;
    emit!(MaxMoveSet {
        feed: f.key(),
        old_bps,
        new_bps: max_move_bps,
    });
    Ok(())
}
