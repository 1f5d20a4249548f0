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

impl GovernancePublish<'_> {
    /// A positive value, published strictly after the last one and not in the future.
    pub fn validate(&self, value: u64, publish_ts: i64) -> Result<()> {
        self.feed
            .check_publishable(value, publish_ts, Clock::get()?.unix_timestamp)
    }
}

pub fn handler(ctx: Context<GovernancePublish>, value: u64, publish_ts: i64) -> Result<()> {
    let GovernancePublish { governance, feed } = ctx.accounts;
    let (previous_value, previous_publish_ts) = (feed.value, feed.publish_ts);
    feed.governance_publish(value, publish_ts);
    feed.invariant()?;
    halo_math::emit_event!(NavPublished {
        feed: feed.key(),
        publisher: governance.key(),
        by_governance: true,
        previous_value,
        value,
        previous_publish_ts,
        publish_ts,
    });
    Ok(())
}
