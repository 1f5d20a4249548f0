use anchor_lang::prelude::*;

use crate::{
    errors::LctsError,
    events::{ClassGovernanceAccepted, ClassGovernanceProposed},
    state::LctsClass,
};

/// The accounts of `propose_class_governance` (signed by governance) and
/// `accept_class_governance` (signed by the proposed key): the class and its signer.
#[derive(Accounts)]
pub struct ClassGovernance<'info> {
    pub signer: Signer<'info>,
    #[account(mut)]
    pub class: Box<Account<'info, LctsClass>>,
}

impl ClassGovernance<'_> {
    /// Only governance proposes (the default key withdraws a proposal).
    pub fn validate_propose(&self) -> Result<()> {
        require_keys_eq!(
            self.signer.key(),
            self.class.governance,
            LctsError::NotGovernance
        );
        Ok(())
    }

    /// Only the proposed key accepts, and there must be one.
    pub fn validate_accept(&self) -> Result<()> {
        let pending = self.class.pending_governance;
        require!(
            pending != Pubkey::default() && self.signer.key() == pending,
            LctsError::NotPendingGovernance
        );
        Ok(())
    }
}

pub fn propose(ctx: Context<ClassGovernance>, new_governance: Pubkey) -> Result<()> {
    let ClassGovernance { signer, class } = ctx.accounts;
    let old_pending = class.pending_governance;
    class.pending_governance = new_governance;
    emit!(ClassGovernanceProposed {
        class: class.key(),
        by: signer.key(),
        old_pending,
        new_pending: new_governance,
    });
    Ok(())
}

pub fn accept(ctx: Context<ClassGovernance>) -> Result<()> {
    let ClassGovernance { signer, class } = ctx.accounts;
    let old = class.accept_governance();
    emit!(ClassGovernanceAccepted {
        class: class.key(),
        old,
        new: signer.key(),
    });
    Ok(())
}
