use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::NavPublished, state::*};

/// Publishes a NAV of any size of move (after review of a move the guard refused).
/// Signed by the feed's governance. Publish times still only go forward.
#[derive(Accounts)]
pub struct GovernancePublish<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

pub fn handler(ctx: Context<GovernancePublish>, value: u64, publish_ts: i64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let f = &mut ctx.accounts.feed;
    let (previous_value, previous_publish_ts) = (f.value, f.publish_ts);
    f.record(value, publish_ts, now)?;
    // a reviewed value opens a new guard window
    f.anchor_value = value;
    f.anchor_ts = publish_ts;
    emit!(NavPublished {
        feed: f.key(),
        publisher: ctx.accounts.governance.key(),
        by_governance: true,
        previous_value,
        value,
        previous_publish_ts,
        publish_ts,
    });
    Ok(())
}
