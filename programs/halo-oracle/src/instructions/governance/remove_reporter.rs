use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::ReporterRemoved, state::*};

/// Removes a reporter at once. Signed by the feed's governance.
#[derive(Accounts)]
pub struct RemoveReporter<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

/// An unknown reporter is refused by `Feed::remove_reporter` (`UnknownReporter`), which
/// needs its index anyway.
pub fn handler(ctx: Context<RemoveReporter>, reporter: Pubkey) -> Result<()> {
    let RemoveReporter { governance, feed } = ctx.accounts;
    feed.remove_reporter(&reporter)?;
    feed.invariant()?;
    feed.reporters_invariant()?;
    halo_math::emit_event!(ReporterRemoved {
        feed: feed.key(),
        reporter,
        by: governance.key(),
    });
    Ok(())
}
