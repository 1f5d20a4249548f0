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
    )]
    pub controller: Box<Account<'info, Controller>>,
}

impl Freeze<'_> {
    /// Not frozen already.
    pub fn validate(&self) -> Result<()> {
        require!(!self.controller.frozen, PauError::AlreadyFrozen);
        Ok(())
    }
}

pub fn handler(ctx: Context<Freeze>) -> Result<()> {
    let Freeze {
        freezer,
        controller,
    } = ctx.accounts;
    controller.frozen = true;
    halo_math::emit_event!(ControllerFrozen {
        controller: controller.key(),
        by: freezer.key(),
    });
    Ok(())
}
