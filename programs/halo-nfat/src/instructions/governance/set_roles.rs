use anchor_lang::prelude::*;

use crate::{events::RolesSet, instructions::governance::Governed, state::Roles};

/// Replaces the beacon, attestor and warden keys. Signed by governance.
pub fn handler(ctx: Context<Governed>, roles: Roles) -> Result<()> {
    let f = &mut ctx.accounts.facility;
    let old = f.set_roles(roles);
    f.invariant(None, None)?;
    halo_math::emit_event!(RolesSet {
        facility: f.key(),
        by: ctx.accounts.governance.key(),
        old,
        new: roles,
    });
    Ok(())
}
