use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::ConfiguratorInitialized, state::*};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct InitializeConfiguratorArgs {
    pub admin: Pubkey,
    pub timelock_delay_s: i64,
    pub sorl_hop_s: i64,
    pub sorl_max_change_bps: u16,
}

/// Creates the deployment's configurator. Signed by the program's **upgrade authority**
/// (proven by its ProgramData account), so nobody can initialise a freshly deployed
/// program before its deployer; the admin (Core Council multisig) is an argument. The
/// configurator PDA is unique, so a second call fails.
#[derive(Accounts)]
pub struct InitializeConfigurator<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    /// The upgrade authority recorded in this program's ProgramData.
    pub upgrade_authority: Signer<'info>,
    /// This program's ProgramData account (the upgradeable loader's PDA of the program id).
    #[account(
        seeds = [crate::ID.as_ref()],
        bump,
        seeds::program = anchor_lang::solana_program::bpf_loader_upgradeable::ID,
        constraint = program_data.upgrade_authority_address == Some(upgrade_authority.key())
            @ PauError::NotUpgradeAuthority,
    )]
    pub program_data: Account<'info, ProgramData>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_CONFIGURATOR], bump)]
    pub configurator: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl InitializeConfigurator<'_> {
    /// A real admin and every parameter within its bounds.
    pub fn validate(&self, args: &InitializeConfiguratorArgs) -> Result<()> {
        require_keys_neq!(args.admin, Pubkey::default(), PauError::InvalidAdmin);
        validate_timelock_delay(args.timelock_delay_s)?;
        validate_sorl_hop(args.sorl_hop_s)?;
        validate_sorl_max_change(args.sorl_max_change_bps)?;
        Ok(())
    }
}

pub fn handler(
    ctx: Context<InitializeConfigurator>,
    args: InitializeConfiguratorArgs,
) -> Result<()> {
    let InitializeConfigurator {
        payer,
        upgrade_authority,
        configurator,
        system_program,
        ..
    } = ctx.accounts;
    let value = Configurator::new(ctx.bumps.configurator, &args);
    value.invariant()?;
    Configurator::with_seeds(value.bump, |seeds| {
        halo_accounts::create_program_account(
            payer,
            configurator,
            system_program,
            seeds,
            &crate::ID,
            &value,
        )
    })?;
    halo_math::emit_event!(ConfiguratorInitialized {
        configurator: configurator.key(),
        admin: args.admin,
        timelock_delay_s: args.timelock_delay_s,
        sorl_hop_s: args.sorl_hop_s,
        sorl_max_change_bps: args.sorl_max_change_bps,
        max_transfer_fee_bps: value.max_transfer_fee_bps,
        upgrade_authority: upgrade_authority.key(),
    });
    Ok(())
}
