use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::ClassGovernanceAccepted, state::*};

/// Completes a governance rotation proposed by `propose_class_governance`. Signed by the
/// proposed key.
#[derive(Accounts)]
pub struct AcceptClassGovernance<'info> {
    pub new_governance: Signer<'info>,
    #[account(
        mut,
        constraint = class.pending_governance == new_governance.key()
            && class.pending_governance != Pubkey::default()
            @ TradingError::NotPendingGovernance,
    )]
    pub class: Box<Account<'info, TradingClass>>,
}

pub fn handler(ctx: Context<AcceptClassGovernance>) -> Result<()> {
    let c = &mut ctx.accounts.class;
    let old_governance = c.governance;
    c.governance = ctx.accounts.new_governance.key();
    c.pending_governance = Pubkey::default();
    emit!(ClassGovernanceAccepted {
        class: c.key(),
        old_governance,
        new_governance: c.governance,
    });
    Ok(())
}
