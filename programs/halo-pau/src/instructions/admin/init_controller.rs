use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::ControllerCreated, state::*};

/// Creates an inert controller (a PAU that is not registered yet) and fixes its ALM proxy.
/// Signed by the admin. It can do nothing until a timelocked `RegisterPau` executes.
#[derive(Accounts)]
#[instruction(pau_id: u64)]
pub struct InitController<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump, has_one = admin @ PauError::NotAdmin)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        init,
        payer = admin,
        space = 8 + Controller::INIT_SPACE,
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &pau_id.to_le_bytes()],
        bump
    )]
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: the ALM proxy PDA; it holds no data, only signs for custody accounts.
    #[account(seeds = [SEED_PROXY, controller.key().as_ref()], bump)]
    pub proxy: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<InitController>, pau_id: u64) -> Result<()> {
    let configurator = ctx.accounts.configurator.key();
    ctx.accounts.controller.set_inner(Controller {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.controller,
        proxy_bump: ctx.bumps.proxy,
        configurator,
        pau_id,
        registered: false,
        frozen: false,
        relayer: Pubkey::default(),
        freezer: Pubkey::default(),
        register_ops_valid_from: 0,
        reserved: [0; 120],
    });
    emit!(ControllerCreated {
        controller: ctx.accounts.controller.key(),
        pau_id,
        proxy: ctx.accounts.proxy.key(),
    });
    Ok(())
}
