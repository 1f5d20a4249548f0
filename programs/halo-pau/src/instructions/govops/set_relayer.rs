use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::RelayerSet, state::*};

/// Sets (or, with the default key, removes) the PAU's relayer. Signed by a GovOps member.
/// Naming a relayer needs a registered PAU; removing one never does.
#[derive(Accounts)]
pub struct SetRelayer<'info> {
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
    )]
    pub controller: Box<Account<'info, Controller>>,
}

pub fn handler(ctx: Context<SetRelayer>, relayer: Pubkey) -> Result<()> {
    let c = &mut ctx.accounts.controller;
    if relayer != Pubkey::default() {
        require!(c.registered, PauError::PauNotRegistered);
    }
    let old_relayer = c.relayer;
    c.relayer = relayer;
    emit!(RelayerSet {
        controller: c.key(),
        old_relayer,
        new_relayer: relayer,
        by: ctx.accounts.member.key(),
    });
    Ok(())
}
