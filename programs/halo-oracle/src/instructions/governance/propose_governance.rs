use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::GovernanceProposed, state::*};

/// Proposes handing the feed's governance to another key (a multisig, typically); it
/// takes the role when that key calls `accept_governance`, so a mistyped key can never
/// take it. The default key withdraws a proposal. Signed by the current governance.
#[derive(Accounts)]
pub struct ProposeGovernance<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

pub fn handler(ctx: Context<ProposeGovernance>, new_governance: Pubkey) -> Result<()> {
    let f = &mut ctx.accounts.feed;
    f.pending_governance = new_governance;
    emit!(GovernanceProposed {
        feed: f.key(),
        governance: f.governance,
        pending_governance: new_governance,
    });
    Ok(())
}
