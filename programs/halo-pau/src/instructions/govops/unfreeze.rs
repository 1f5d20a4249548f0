use anchor_lang::prelude::*;

use crate::{errors::PauError, events::ControllerUnfrozen};

use crate::instructions::groups::GovOpsOnController;

impl GovOpsOnController<'_> {
    /// Only a frozen PAU.
    pub fn validate_unfreeze(&self) -> Result<()> {
        require!(self.controller.frozen, PauError::ControllerNotFrozen);
        Ok(())
    }
}

/// Lifts a freeze. Signed by a GovOps member of the PAU (the freezer cannot unfreeze).
/// Accounts: [`GovOpsOnController`].
pub fn handler(ctx: Context<GovOpsOnController>) -> Result<()> {
    let GovOpsOnController {
        member, controller, ..
    } = ctx.accounts;
    controller.frozen = false;
    controller.invariant()?;
    halo_math::emit_event!(ControllerUnfrozen {
        controller: controller.key(),
        by: member.key(),
    });
    Ok(())
}
