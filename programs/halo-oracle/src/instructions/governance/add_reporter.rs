use anchor_lang::prelude::*;

use crate::{constants::*, errors::OracleError, events::ReporterAdded, state::*};

/// Approves a reporter. Signed by the feed's governance.
#[derive(Accounts)]
pub struct AddReporter<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

pub fn handler(ctx: Context<AddReporter>, reporter: Pubkey) -> Result<()> {
    require!(reporter != Pubkey::default(), OracleError::DefaultKey);
    let f = &mut ctx.accounts.feed;
    require!(
        !f.is_reporter(&reporter),
        OracleError::ReporterAlreadyApproved
    );
    let i = usize::from(f.reporter_count);
    require!(i < MAX_REPORTERS, OracleError::TooManyReporters);
    f.reporters[i] = reporter;
    f.reporter_count = f.reporter_count.saturating_add(1);
    emit!(ReporterAdded {
        feed: f.key(),
        reporter,
    });
    Ok(())
}
