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
    let AcceptClassGovernance {
        new_governance,
        class,
    } = ctx.accounts;
    let old_governance = class.accept_governance();
    halo_math::emit_event!(ClassGovernanceAccepted {
        class: class.key(),
        by: new_governance.key(),
        old_governance,
        new_governance: class.governance,
    });
    Ok(())
}
