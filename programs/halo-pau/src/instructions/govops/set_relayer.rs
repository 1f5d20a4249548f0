use anchor_lang::prelude::*;

use crate::events::RelayerSet;

// the group's generated client modules must be in scope for the derive
#[allow(unused_imports)]
use crate::instructions::groups::*;

/// Sets (or, with the default key, removes) the PAU's relayer. Signed by a GovOps member.
/// Naming a relayer needs a registered PAU; removing one never does.
#[derive(Accounts)]
pub struct SetRelayer<'info> {
    pub govops: GovOpsOnController<'info>,
}

impl SetRelayer<'_> {
    /// Naming a relayer needs a registered PAU.
    pub fn validate(&self, relayer: &Pubkey) -> Result<()> {
        self.govops.validate_role(relayer)
    }
}

pub fn handler(ctx: Context<SetRelayer>, relayer: Pubkey) -> Result<()> {
    let GovOpsOnController {
        member, controller, ..
    } = &mut ctx.accounts.govops;
    let old_relayer = controller.replace_relayer(relayer);
    controller.invariant()?;
    emit!(RelayerSet {
        controller: controller.key(),
        old_relayer,
        new_relayer: relayer,
        by: member.key(),
    });
    Ok(())
}
