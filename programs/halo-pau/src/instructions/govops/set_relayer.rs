use anchor_lang::prelude::*;

use crate::events::RelayerSet;

use crate::instructions::groups::GovOpsOnController;

impl GovOpsOnController<'_> {
    /// Naming a relayer needs a registered PAU.
    pub fn validate_set_relayer(&self, relayer: &Pubkey) -> Result<()> {
        self.validate_role(relayer)
    }
}

/// Sets (or, with the default key, removes) the PAU's relayer. Signed by a GovOps member.
/// Naming a relayer needs a registered PAU; removing one never does.
/// Accounts: [`GovOpsOnController`].
pub fn handler(ctx: Context<GovOpsOnController>, relayer: Pubkey) -> Result<()> {
    let GovOpsOnController {
        member, controller, ..
    } = ctx.accounts;
    let old_relayer = controller.replace_relayer(relayer);
    controller.invariant()?;
    halo_math::emit_event!(RelayerSet {
        controller: controller.key(),
        old_relayer,
        new_relayer: relayer,
        by: member.key(),
    });
    Ok(())
}
