use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::RelayerSet, state::*};

/// Removes the PAU's relayer at once. Signed by the PAU's freezer. Naming a new one is
/// GovOps' (`set_relayer`).
#[derive(Accounts)]
pub struct RemoveRelayer<'info> {
    pub freezer: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONTROLLER, controller.configurator.as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
        has_one = freezer @ PauError::NotFreezer,
        constraint = controller.relayer != Pubkey::default() @ PauError::NoRelayer,
    )]
    pub controller: Box<Account<'info, Controller>>,
}

pub fn handler(ctx: Context<RemoveRelayer>) -> Result<()> {
    let c = &mut ctx.accounts.controller;
    let old_relayer = c.relayer;
    c.relayer = Pubkey::default();
    emit!(RelayerSet {
        controller: c.key(),
        old_relayer,
        new_relayer: Pubkey::default(),
        by: ctx.accounts.freezer.key(),
    });
    Ok(())
}
