use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::GovOpsRevoked, state::*};

/// Revokes a GovOps membership at once (a removal). Signed by the admin; rent returns to it.
#[derive(Accounts)]
pub struct RevokeGovOps<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump, has_one = admin @ PauError::NotAdmin)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
    #[account(
        mut,
        close = admin,
        seeds = [SEED_GOVOPS, controller.key().as_ref(), membership.member.as_ref()],
        bump = membership.bump,
        has_one = controller @ PauError::NotGovOpsOfThisPau,
    )]
    pub membership: Box<Account<'info, GovOpsMembership>>,
}

pub fn handler(ctx: Context<RevokeGovOps>) -> Result<()> {
    emit!(GovOpsRevoked {
        controller: ctx.accounts.controller.key(),
        member: ctx.accounts.membership.member,
    });
    Ok(())
}
