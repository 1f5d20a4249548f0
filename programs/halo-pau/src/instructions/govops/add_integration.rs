use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::IntegrationAdded, state::*};

/// Registers a Halo program's signer (an AMM pool, LCTS unit or NFAT facility PDA) as an
/// integration of a registered PAU, with the 1 to 8 rate-limit keys it may use for
/// `draw` / `repay`. Signed by a GovOps member. Amounts stay bounded by those keys' rate
/// limits, which only open from governance-approved inits.
#[derive(Accounts)]
#[instruction(signer: Pubkey)]
pub struct AddIntegration<'info> {
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
        constraint = controller.registered @ PauError::PauNotRegistered,
    )]
    pub controller: Box<Account<'info, Controller>>,
    #[account(
        init,
        payer = member,
        space = 8 + Integration::INIT_SPACE,
        seeds = [SEED_INTEGRATION, controller.key().as_ref(), signer.as_ref()],
        bump
    )]
    pub integration: Box<Account<'info, Integration>>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<AddIntegration>, signer: Pubkey, keys: Vec<[u8; 32]>) -> Result<()> {
    require_keys_neq!(signer, Pubkey::default(), PauError::InvalidRoleKey);
    require!(
        !keys.is_empty() && keys.len() <= MAX_INTEGRATION_KEYS,
        PauError::InvalidIntegrationKeys
    );
    let mut stored = [[0u8; 32]; MAX_INTEGRATION_KEYS];
    for (i, k) in keys.iter().enumerate() {
        // at most 8 x 8 comparisons
        require!(!keys[..i].contains(k), PauError::InvalidIntegrationKeys);
        stored[i] = *k;
    }
    let key_count = u8::try_from(keys.len()).map_err(|_| PauError::InvalidIntegrationKeys)?;
    let controller = ctx.accounts.controller.key();
    ctx.accounts.integration.set_inner(Integration {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.integration,
        controller,
        signer,
        keys: stored,
        key_count,
        added_at: Clock::get()?.unix_timestamp,
        reserved: [0; 64],
    });
    emit!(IntegrationAdded {
        controller,
        signer,
        keys,
    });
    Ok(())
}
