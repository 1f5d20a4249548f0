use anchor_lang::prelude::*;

use crate::events::ClassGovernanceAccepted;

use super::ClassGovernance;

/// The proposed governance accepts and takes over the class. Refused: no proposal, or
/// another key.
pub fn handler(ctx: Context<ClassGovernance>) -> Result<()> {
    let ClassGovernance { signer, class } = ctx.accounts;
    let old = class.accept_governance();
    halo_math::emit_event!(ClassGovernanceAccepted {
        class: class.key(),
        old,
        new: signer.key(),
    });
    Ok(())
}
