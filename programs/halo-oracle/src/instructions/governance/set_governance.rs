use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::GovernanceTransferred, state::*};

/// Hands the feed's governance to another key (a multisig, typically). Signed by the
/// current governance.
#[derive(Accounts)]
pub struct SetGovernance<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

pub fn handler(ctx: Context<SetGovernance>, new_governance: Pubkey) -> Result<()> {
    require!(new_governance != Pubkey::default(), OracleError::DefaultKey);
    let f = &mut ctx.accounts.feed;
    let old_governance = f.governance;
    f.governance = new_governance;
    emit!(GovernanceTransferred {
        feed: f.key(),
        old_governance,
        new_governance,
    });
    Ok(())
}
