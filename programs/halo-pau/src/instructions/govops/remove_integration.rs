use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::IntegrationRemoved, state::*};

/// Removes an integration at once (account closed, rent to the member): all of its keys
/// in one step. Signed by a GovOps member of the PAU. An `AddIntegration` for the same
/// signer scheduled before this removal can no longer be executed.
#[derive(Accounts)]
pub struct RemoveIntegration<'info> {
    #[account(mut)]
    pub member: Signer<'info>,
    #[account(
        has_one = member @ PauError::NotGovOpsMember,
        has_one = controller @ PauError::NotGovOpsOfThisPau,
    )]
    pub membership: Box<Account<'info, GovOpsMembership>>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &controller.pau_id.to_le_bytes()],
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
    /// CHECK: the removal record of this integration (seeds checked), created or updated.
    #[account(
        mut,
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::Integration, &controller.key().to_bytes(), &integration.signer.to_bytes())],
        bump,
    )]
    pub removal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl RemoveIntegration<'_> {
    /// The membership checks are the `has_one`s above; a removal is never refused
    /// otherwise.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

pub fn handler(ctx: Context<RemoveIntegration>) -> Result<()> {
    let RemoveIntegration {
        member,
        configurator,
        controller,
        integration,
        removal,
        system_program,
        ..
    } = ctx.accounts;
    let controller = controller.key();
    let signer = integration.signer;
    Removal::record(
        removal,
        member,
        system_program,
        &configurator.key(),
        removal_target(
            RemovalKind::Integration,
            &controller.to_bytes(),
            &signer.to_bytes(),
        ),
        ctx.bumps.removal,
        configurator.next_op_id,
        Clock::get()?.unix_timestamp,
    )?;
    halo_math::emit_event!(IntegrationRemoved {
        controller,
        signer,
        by: member.key(),
    });
    Ok(())
}
