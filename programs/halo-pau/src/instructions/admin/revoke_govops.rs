use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::GovOpsRevoked, state::*};

/// Revokes a GovOps membership at once (a removal). Signed by the admin; rent returns to
/// it. A `GrantGovOps` for the same member scheduled before this removal can no longer
/// be executed (the removal record says so).
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
    /// CHECK: the removal record of this membership (seeds checked), created or updated here.
    #[account(
        mut,
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::GovOps, &controller.key().to_bytes(), &membership.member.to_bytes())],
        bump,
    )]
    pub removal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl RevokeGovOps<'_> {
    /// The admin check is the `has_one` above; a removal is never refused otherwise.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

pub fn handler(ctx: Context<RevokeGovOps>) -> Result<()> {
    let RevokeGovOps {
        admin,
        configurator,
        controller,
        membership,
        removal,
        system_program,
    } = ctx.accounts;
    let controller = controller.key();
    let member = membership.member;
    Removal::record(
        removal,
        admin,
        system_program,
        &configurator.key(),
        removal_target(
            RemovalKind::GovOps,
            &controller.to_bytes(),
            &member.to_bytes(),
        ),
        ctx.bumps.removal,
        configurator.next_op_id,
        Clock::get()?.unix_timestamp,
    )?;
    halo_math::emit_event!(GovOpsRevoked {
        controller,
        member,
        by: admin.key(),
    });
    Ok(())
}
