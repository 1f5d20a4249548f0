use anchor_lang::prelude::*;

use crate::{constants::*, events::ConfiguratorInitialized, state::*};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct InitializeConfiguratorArgs {
    pub admin: Pubkey,
    pub timelock_delay_s: i64,
    pub sorl_hop_s: i64,
    pub sorl_max_change_bps: u16,
}

/// Creates the deployment's configurator. Signed by the payer (the deployer); the admin
/// (Core Council multisig) is an argument. Run it in the same step as the deploy: the
/// configurator PDA is unique, so a second call fails.
#[derive(Accounts)]
pub struct InitializeConfigurator<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(
        init,
        payer = payer,
        space = 8 + Configurator::INIT_SPACE,
        seeds = [SEED_CONFIGURATOR],
        bump
    )]
    pub configurator: Box<Account<'info, Configurator>>,
    pub system_program: Program<'info, System>,
}

pub fn handler(
    ctx: Context<InitializeConfigurator>,
    args: InitializeConfiguratorArgs,
) -> Result<()> {
    require_keys_neq!(
        args.admin,
        Pubkey::default(),
        crate::errors::PauError::InvalidAdmin
    );
    validate_timelock_delay(args.timelock_delay_s)?;
    validate_sorl_hop(args.sorl_hop_s)?;
    validate_sorl_max_change(args.sorl_max_change_bps)?;
    let c = &mut ctx.accounts.configurator;
    c.set_inner(Configurator {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.configurator,
        admin: args.admin,
        pending_admin: Pubkey::default(),
        timelock_delay_s: args.timelock_delay_s,
        sorl_hop_s: args.sorl_hop_s,
        sorl_max_change_bps: args.sorl_max_change_bps,
        paused: false,
        next_op_id: 0,
        reserved: [0; 128],
    });
    emit!(ConfiguratorInitialized {
        configurator: c.key(),
        admin: args.admin,
        timelock_delay_s: args.timelock_delay_s,
        sorl_hop_s: args.sorl_hop_s,
        sorl_max_change_bps: args.sorl_max_change_bps,
    });
    Ok(())
}
