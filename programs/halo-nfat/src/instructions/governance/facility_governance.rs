use anchor_lang::prelude::*;

use crate::{errors::NfatError, state::Facility};

/// The accounts of a governance handover: the signer and the facility. Proposing needs
/// the current governance; accepting, the proposed key.
#[derive(Accounts)]
pub struct FacilityGovernance<'info> {
    pub signer: Signer<'info>,
    #[account(mut)]
    pub facility: Box<Account<'info, Facility>>,
}

impl FacilityGovernance<'_> {
    pub fn validate_propose(&self) -> Result<()> {
        require_keys_eq!(
            self.signer.key(),
            self.facility.governance,
            NfatError::NotGovernance
        );
        Ok(())
    }

    pub fn validate_accept(&self) -> Result<()> {
        require!(
            self.facility.pending_governance != Pubkey::default()
                && self.signer.key() == self.facility.pending_governance,
            NfatError::NotPendingGovernance
        );
        Ok(())
    }
}
