use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::ReporterRemoved, state::*};

/// Removes a reporter at once. Signed by the feed's governance.
#[derive(Accounts)]
pub struct RemoveReporter<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

pub fn handler(ctx: Context<RemoveReporter>, reporter: Pubkey) -> Result<()> {
    let f = &mut ctx.accounts.feed;
    let n = usize::from(f.reporter_count);
    let i = f
        .reporters
        .iter()
        .take(n)
        .position(|r| *r == reporter)
        .ok_or(OracleError::UnknownReporter)?;
    // swap-remove: bounded by MAX_REPORTERS
    let last = n.saturating_sub(1);
    f.reporters[i] = f.reporters[last];
    f.reporters[last] = Pubkey::default();
    f.reporter_count = f.reporter_count.saturating_sub(1);
    emit!(ReporterRemoved {
        feed: f.key(),
        reporter,
    });
    Ok(())
}
