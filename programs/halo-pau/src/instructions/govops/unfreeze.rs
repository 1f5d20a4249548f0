use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::ControllerUnfrozen, state::*};

/// Lifts a freeze. Signed by a GovOps member of the PAU (the freezer cannot unfreeze).
#[derive(Accounts)]
pub struct Unfreeze<'info> {
    pub member: Signer<'info>,
    #[account(
        has_one = member @ PauError::NotGovOpsMember,
        has_one = controller @ PauError::NotGovOpsOfThisPau,
    )]
    pub membership: Box<Account<'info, GovOpsMembership>>,
    #[account(
        mut,
        seeds = [SEED_CONTROLLER, controller.configurator.as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
        constraint = controller.frozen @ PauError::ControllerNotFrozen,
    )]
    pub controller: Box<Account<'info, Controller>>,
}

pub fn handler(ctx: Context<Unfreeze>) -> Result<()> {
    ctx.accounts.controller.frozen = false;
    emit!(ControllerUnfrozen {
        controller: ctx.accounts.controller.key(),
        by: ctx.accounts.member.key(),
    });
    Ok(())
}
