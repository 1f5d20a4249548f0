use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::ControllerFrozen, state::*};

/// Freezes the PAU at once: every outflow from custody (`transfer`, `draw`) is refused
/// until GovOps unfreezes. Signed by the PAU's freezer.
#[derive(Accounts)]
pub struct Freeze<'info> {
    pub freezer: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONTROLLER, controller.configurator.as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
        has_one = freezer @ PauError::NotFreezer,
        constraint = !controller.frozen @ PauError::AlreadyFrozen,
    )]
    pub controller: Box<Account<'info, Controller>>,
}

pub fn handler(ctx: Context<Freeze>) -> Result<()> {
    ctx.accounts.controller.frozen = true;
    emit!(ControllerFrozen {
        controller: ctx.accounts.controller.key(),
        by: ctx.accounts.freezer.key(),
    });
    Ok(())
}
