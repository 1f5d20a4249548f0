use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::NavPublished, state::*};

/// Publishes a NAV. Signed by an approved reporter. Refused: not a reporter, value zero,
/// publish time not after the last one or in the future, a move beyond the guard, against
/// the last value or, cumulatively, against the guard window's anchor.
#[derive(Accounts)]
pub struct Publish<'info> {
    pub reporter: Signer<'info>,
    #[account(mut, constraint = feed.is_reporter(&reporter.key()) @ OracleError::NotReporter)]
    pub feed: Box<Account<'info, Feed>>,
}

pub fn handler(ctx: Context<Publish>, value: u64, publish_ts: i64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let f = &mut ctx.accounts.feed;
    let max = u32::from(f.max_move_bps);
    let (anchor_value, anchor_ts) = f.anchor_for(publish_ts);
    // bounded against the last value and against the window's anchor: many small steps
    // cannot add up to more than one guarded move per window
    let moved = halo_math::pricing::deviates(u128::from(value), u128::from(f.value), max)
        .map_err(|_| OracleError::MoveNeedsGovernance)?
        || halo_math::pricing::deviates(u128::from(value), u128::from(anchor_value), max)
            .map_err(|_| OracleError::MoveNeedsGovernance)?;
    // A zero value is refused by `record` with its own error, before the move guard.
    require!(value == 0 || !moved, OracleError::MoveNeedsGovernance);
    let (previous_value, previous_publish_ts) = (f.value, f.publish_ts);
    f.record(value, publish_ts, now)?;
    f.anchor_value = anchor_value;
    f.anchor_ts = anchor_ts;
    emit!(NavPublished {
        feed: f.key(),
        publisher: ctx.accounts.reporter.key(),
        by_governance: false,
        previous_value,
        value,
        previous_publish_ts,
        publish_ts,
    });
    Ok(())
}
