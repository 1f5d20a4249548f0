use anchor_lang::prelude::*;

use crate::events::ClassGovernanceAccepted;

use super::ClassGovernance;

/// The proposed governance accepts and takes over the class. Refused: no proposal, or
/// another key.
pub fn handler(ctx: Context<ClassGovernance>) -> Result<()> {
    let ClassGovernance { signer, class } = ctx.accounts;
    let old = class.accept_governance();
    emit!(ClassGovernanceAccepted {
        class: class.key(),
        old,
        new: signer.key(),
    });
    Ok(())
}
