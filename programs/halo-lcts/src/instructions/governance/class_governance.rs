use anchor_lang::prelude::*;

use crate::{errors::LctsError, state::LctsClass};

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
