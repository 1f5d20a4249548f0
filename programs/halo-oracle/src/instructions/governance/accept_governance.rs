use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::GovernanceTransferred, state::*};

/// Completes a governance hand-over proposed by `propose_governance`. Signed by the
/// proposed key.
#[derive(Accounts)]
pub struct AcceptGovernance<'info> {
    pub new_governance: Signer<'info>,
    #[account(
        mut,
        constraint = feed.pending_governance == new_governance.key()
            && feed.pending_governance != Pubkey::default()
            @ OracleError::NotPendingGovernance,
    )]
    pub feed: Box<Account<'info, Feed>>,
}

pub fn handler(ctx: Context<AcceptGovernance>) -> Result<()> {
    let f = &mut ctx.accounts.feed;
    let old_governance = f.governance;
    f.governance = ctx.accounts.new_governance.key();
    f.pending_governance = Pubkey::default();
    emit!(GovernanceTransferred {
        feed: f.key(),
        old_governance,
        new_governance: f.governance,
    });
    Ok(())
}
