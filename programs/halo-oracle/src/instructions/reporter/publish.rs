use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::NavPublished, state::*};

/// Publishes a NAV. Signed by an approved reporter. Refused: not a reporter, value zero,
/// publish time not after the last one or in the future, a move beyond the guard, against
/// the last value or, cumulatively, against the guard window's anchor.
#[derive(Accounts)]
pub struct Publish<'info> {
    pub reporter: Signer<'info>,
    #[account(mut)]
    pub feed: Box<Account<'info, Feed>>,
}

impl Publish<'_> {
    /// An approved reporter; a move within the guard; a positive value published
    /// strictly after the last one and not in the future.
    pub fn validate(&self, value: u64, publish_ts: i64) -> Result<()> {
        require!(
            self.feed.is_reporter(&self.reporter.key()),
            OracleError::NotReporter
        );
        self.feed.check_move(value, publish_ts)?;
        self.feed
            .check_publishable(value, publish_ts, Clock::get()?.unix_timestamp)
    }
}

pub fn handler(ctx: Context<Publish>, value: u64, publish_ts: i64) -> Result<()> {
    let Publish { reporter, feed } = ctx.accounts;
    let (previous_value, previous_publish_ts) = (feed.value, feed.publish_ts);
    feed.publish(value, publish_ts);
    feed.invariant()?;
    halo_math::emit_event!(NavPublished {
        feed: feed.key(),
        publisher: reporter.key(),
        by_governance: false,
        previous_value,
        value,
        previous_publish_ts,
        publish_ts,
    });
    Ok(())
}
