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
        constraint = controller.registered @ PauError::PauNotRegistered,
    )]
    pub controller: Box<Account<'info, Controller>>,
}

pub fn handler(ctx: Context<UnregisterPau>) -> Result<()> {
    let next_op_id = ctx.accounts.configurator.next_op_id;
    let c = &mut ctx.accounts.controller;
    c.registered = false;
    // a registration scheduled before now cannot re-register it
    c.register_ops_valid_from = next_op_id;
    emit!(PauUnregistered {
        controller: c.key(),
        register_ops_valid_from: c.register_ops_valid_from,
        by: ctx.accounts.admin.key(),
    });
    Ok(())
}
