use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::ReporterAdded, state::*};

/// Approves a reporter. Signed by the feed's governance.
#[derive(Accounts)]
pub struct AddReporter<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

impl AddReporter<'_> {
    /// Not the default key, not approved already, at most four.
    pub fn validate(&self, reporter: &Pubkey) -> Result<()> {
        self.feed.check_new_reporter(reporter)
    }
}

pub fn handler(ctx: Context<AddReporter>, reporter: Pubkey) -> Result<()> {
    let AddReporter { governance, feed } = ctx.accounts;
    feed.add_reporter(reporter)?;
    feed.invariant()?;
    feed.reporters_invariant()?;
    halo_math::emit_event!(ReporterAdded {
        feed: feed.key(),
        reporter,
        by: governance.key(),
    });
    Ok(())
}
