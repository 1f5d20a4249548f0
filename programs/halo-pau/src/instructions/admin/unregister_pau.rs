use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::PauUnregistered, state::*};

/// Unregisters a PAU at once (a removal). Signed by the admin. Its outflows stop; funds
/// stay in custody; re-registering goes through the timelock again (a registration
/// scheduled before this removal can no longer be executed).
#[derive(Accounts)]
pub struct UnregisterPau<'info> {
    pub admin: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump, has_one = admin @ PauError::NotAdmin)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        mut,
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
}

impl UnregisterPau<'_> {
    /// Only a registered PAU.
    pub fn validate(&self) -> Result<()> {
        require!(self.controller.registered, PauError::PauNotRegistered);
        Ok(())
    }
}

pub fn handler(ctx: Context<UnregisterPau>) -> Result<()> {
    let UnregisterPau {
        admin,
        configurator,
        controller,
    } = ctx.accounts;
    controller.unregister(configurator.next_op_id);
    controller.invariant()?;
    halo_math::emit_event!(PauUnregistered {
        controller: controller.key(),
        register_ops_valid_from: controller.register_ops_valid_from,
        by: admin.key(),
    });
    Ok(())
}
