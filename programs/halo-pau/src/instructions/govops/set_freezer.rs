use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::FreezerSet, state::*};

/// Sets the PAU's freezer (warden). Signed by a GovOps member. The default key removes it.
#[derive(Accounts)]
pub struct SetFreezer<'info> {
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

pub fn handler(ctx: Context<SetFreezer>, freezer: Pubkey) -> Result<()> {
    let c = &mut ctx.accounts.controller;
    if freezer != Pubkey::default() {
        require!(c.registered, PauError::PauNotRegistered);
    }
    let old_freezer = c.freezer;
    c.freezer = freezer;
    emit!(FreezerSet {
        controller: c.key(),
        old_freezer,
        new_freezer: freezer,
        by: ctx.accounts.member.key(),
    });
    Ok(())
}
