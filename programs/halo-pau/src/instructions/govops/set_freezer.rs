use anchor_lang::prelude::*;

use crate::events::FreezerSet;

// the group's generated client modules must be in scope for the derive
#[allow(unused_imports)]
use crate::instructions::groups::*;

/// Sets the PAU's freezer (warden). Signed by a GovOps member. The default key removes it.
#[derive(Accounts)]
pub struct SetFreezer<'info> {
    pub govops: GovOpsOnController<'info>,
}

impl SetFreezer<'_> {
    /// Naming a freezer needs a registered PAU.
    pub fn validate(&self, freezer: &Pubkey) -> Result<()> {
        self.govops.validate_role(freezer)
    }
}

pub fn handler(ctx: Context<SetFreezer>, freezer: Pubkey) -> Result<()> {
    let GovOpsOnController {
        member, controller, ..
    } = &mut ctx.accounts.govops;
    let old_freezer = controller.replace_freezer(freezer);
    controller.invariant()?;
    emit!(FreezerSet {
        controller: controller.key(),
        old_freezer,
        new_freezer: freezer,
        by: member.key(),
    });
    Ok(())
}
