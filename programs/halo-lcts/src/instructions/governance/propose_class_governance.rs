use anchor_lang::prelude::*;

use crate::events::ClassGovernanceProposed;

use super::ClassGovernance;

/// Governance proposes `new_governance` (the default key withdraws a proposal); it takes
/// over only when it accepts. Refused: not governance.
pub fn handler(ctx: Context<ClassGovernance>, new_governance: Pubkey) -> Result<()> {
    let ClassGovernance { signer, class } = ctx.accounts;
    let old_pending = class.pending_governance;
    class.pending_governance = new_governance;
    halo_math::emit_event!(ClassGovernanceProposed {
        class: class.key(),
        by: signer.key(),
        old_pending,
        new_pending: new_governance,
    });
    Ok(())
}
