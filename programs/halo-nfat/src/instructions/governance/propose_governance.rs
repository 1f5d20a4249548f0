use anchor_lang::prelude::*;

use crate::{events::GovernanceProposed, instructions::governance::FacilityGovernance};

/// Proposes `new_governance` (the default key withdraws a proposal). Signed by governance.
pub fn handler(ctx: Context<FacilityGovernance>, new_governance: Pubkey) -> Result<()> {
    let f = &mut ctx.accounts.facility;
    let old = f.pending_governance;
    f.pending_governance = new_governance;
    f.invariant(None, None)?;
    halo_math::emit_event!(GovernanceProposed {
        facility: f.key(),
        by: ctx.accounts.signer.key(),
        old_pending: old,
        new_pending: new_governance,
    });
    Ok(())
}
