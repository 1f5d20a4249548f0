use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::ControllerCreated, state::*};

/// Creates an inert controller (a PAU that is not registered yet) and fixes its ALM proxy.
/// Signed by the admin. It can do nothing until a timelocked `RegisterPau` executes.
#[derive(Accounts)]
#[instruction(pau_id: u64)]
pub struct InitializeController<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump, has_one = admin @ PauError::NotAdmin)]
    pub configurator: Box<Account<'info, Configurator>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &pau_id.to_le_bytes()], bump)]
    pub controller: UncheckedAccount<'info>,
    /// CHECK: the ALM proxy PDA; it holds no data, only signs for custody accounts.
    #[account(seeds = [SEED_PROXY, controller.key().as_ref()], bump)]
    pub proxy: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl InitializeController<'_> {
    /// The admin check is the `has_one` above; nothing else can refuse.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

pub fn handler(ctx: Context<InitializeController>, pau_id: u64) -> Result<()> {
    let InitializeController {
        admin,
        configurator,
        controller,
        proxy,
        system_program,
    } = ctx.accounts;
    let value = Controller::new(
        ctx.bumps.controller,
        ctx.bumps.proxy,
        configurator.key(),
        pau_id,
    );
    value.invariant()?;
    Controller::with_seeds(&value.configurator, pau_id, value.bump, |seeds| {
        halo_accounts::create_program_account(
            admin,
            controller,
            system_program,
            seeds,
            &crate::ID,
            &value,
        )
    })?;
    halo_math::emit_event!(ControllerCreated {
        controller: controller.key(),
        pau_id,
        proxy: proxy.key(),
    });
    Ok(())
}
