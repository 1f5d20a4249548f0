use anchor_lang::prelude::*;

use crate::events::FreezerSet;

use crate::instructions::groups::GovOpsOnController;

impl GovOpsOnController<'_> {
    /// Naming a freezer needs a registered PAU.
    pub fn validate_set_freezer(&self, freezer: &Pubkey) -> Result<()> {
        self.validate_role(freezer)
    }
}

/// Sets the PAU's freezer (warden). Signed by a GovOps member. The default key removes it.
/// Accounts: [`GovOpsOnController`].
pub fn handler(ctx: Context<GovOpsOnController>, freezer: Pubkey) -> Result<()> {
    let GovOpsOnController {
        member, controller, ..
    } = ctx.accounts;
    let old_freezer = controller.replace_freezer(freezer);
    controller.invariant()?;
    halo_math::emit_event!(FreezerSet {
        controller: controller.key(),
        old_freezer,
        new_freezer: freezer,
        by: member.key(),
    });
    Ok(())
}
