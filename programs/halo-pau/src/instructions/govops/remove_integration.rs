use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::IntegrationRemoved, state::*};

/// Removes an integration at once (account closed, rent to the member). Signed by a
/// GovOps member of the PAU.
#[derive(Accounts)]
pub struct RemoveIntegration<'info> {
    #[account(mut)]
    pub member: Signer<'info>,
    #[account(
        has_one = member @ PauError::NotGovOpsMember,
        has_one = controller @ PauError::NotGovOpsOfThisPau,
    )]
    pub membership: Box<Account<'info, GovOpsMembership>>,
    #[account(
        seeds = [SEED_CONTROLLER, controller.configurator.as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
    #[account(
        mut,
        close = member,
        seeds = [SEED_INTEGRATION, controller.key().as_ref(), integration.signer.as_ref()],
        bump = integration.bump,
    )]
    pub integration: Box<Account<'info, Integration>>,
}

pub fn handler(ctx: Context<RemoveIntegration>) -> Result<()> {
    emit!(IntegrationRemoved {
        controller: ctx.accounts.controller.key(),
        signer: ctx.accounts.integration.signer,
    });
    Ok(())
}
