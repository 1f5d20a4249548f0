use anchor_lang::prelude::*;

use crate::{errors::PauError, events::ControllerUnfrozen};

// the group's generated client modules must be in scope for the derive
#[allow(unused_imports)]
use crate::instructions::groups::*;

/// Lifts a freeze. Signed by a GovOps member of the PAU (the freezer cannot unfreeze).
#[derive(Accounts)]
pub struct Unfreeze<'info> {
    pub govops: GovOpsOnController<'info>,
}

impl Unfreeze<'_> {
    /// Only a frozen PAU.
    pub fn validate(&self) -> Result<()> {
        require!(self.govops.controller.frozen, PauError::ControllerNotFrozen);
        Ok(())
    }
}

pub fn handler(ctx: Context<Unfreeze>) -> Result<()> {
    let GovOpsOnController {
        member, controller, ..
    } = &mut ctx.accounts.govops;
    controller.frozen = false;
    controller.invariant()?;
    emit!(ControllerUnfrozen {
        controller: controller.key(),
        by: member.key(),
    });
    Ok(())
}
