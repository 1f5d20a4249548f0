use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::MaxMoveSet, state::*};

/// Sets the move guard: how far (bps of the last value) one reporter update may move.
/// Signed by the feed's governance.
#[derive(Accounts)]
pub struct SetMaxMove<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

impl SetMaxMove<'_> {
    /// 1 to 10,000 bps.
    pub fn validate(&self, max_move_bps: u16) -> Result<()> {
        validate_max_move(max_move_bps)
    }
}

pub fn handler(ctx: Context<SetMaxMove>, max_move_bps: u16) -> Result<()> {
    let SetMaxMove { governance, feed } = ctx.accounts;
    let old_bps = core::mem::replace(&mut feed.max_move_bps, max_move_bps);
    feed.invariant()?;
    halo_math::emit_event!(MaxMoveSet {
        feed: feed.key(),
        old_bps,
        new_bps: max_move_bps,
        by: governance.key(),
    });
    Ok(())
}
