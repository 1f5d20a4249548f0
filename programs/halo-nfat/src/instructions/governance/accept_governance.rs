use anchor_lang::prelude::*;

use crate::{events::GovernanceAccepted, instructions::governance::FacilityGovernance};

/// The proposed governance takes over. Signed by the proposed key.
pub fn handler(ctx: Context<FacilityGovernance>) -> Result<()> {
    let f = &mut ctx.accounts.facility;
    let old = f.accept_governance();
    f.invariant(None, None)?;
    halo_math::emit_event!(GovernanceAccepted {
        facility: f.key(),
        old,
        new: f.governance,
    });
    Ok(())
}
