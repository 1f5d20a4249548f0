use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount};
use halo_math::RateLimitState;

use crate::{
    constants::*,
    errors::PauError,
    events::RateLimitCreated,
    route::{check_mint_extensions, pad_tag, rate_limit_key},
    state::*,
};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct CreateRateLimitArgs {
    /// `sha256(tag || mint || counterparty)`; seeds the new account.
    pub key: [u8; 32],
    /// Action tag, 1 to 16 bytes (`b"transfer"`, `b"amm_fund"`, ...).
    pub tag: Vec<u8>,
    /// The token account at the other end of the route.
    pub counterparty: Pubkey,
    /// precision: base units.
    pub max_amount: u64,
    /// precision: base units per second.
    pub slope: u64,
}

/// Opens a route on a registered PAU. Signed by a GovOps member of that PAU. Needs an
/// InitRateLimit for (key, this PAU), or else for (key, any PAU), and may not exceed it:
/// a PAU-specific init overrides the global one. The counterparty token account must
/// exist; its owner is recorded and checked on every movement. The new bucket starts full;
/// the creation counts as an increase for SORL.
#[derive(Accounts)]
#[instruction(args: CreateRateLimitArgs)]
pub struct CreateRateLimit<'info> {
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
        constraint = controller.registered @ PauError::PauNotRegistered,
    )]
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: the PAU-specific init PDA `["init", configurator, key, controller]` (seeds
    /// checked; it may not exist); read by `InitRateLimit::resolve`.
    #[account(
        seeds = [SEED_INIT, configurator.key().as_ref(), args.key.as_ref(), controller.key().as_ref()],
        bump,
    )]
    pub pau_init: UncheckedAccount<'info>,
    /// CHECK: the removal record of the PAU-specific init (seeds checked; it may not
    /// exist); read by `InitRateLimit::resolve`.
    #[account(
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::Init, &args.key, &controller.key().to_bytes())],
        bump,
    )]
    pub pau_init_removal: UncheckedAccount<'info>,
    /// CHECK: the global init PDA `["init", configurator, key, default]` (seeds checked; it
    /// may not exist); read by `InitRateLimit::resolve`.
    #[account(
        seeds = [SEED_INIT, configurator.key().as_ref(), args.key.as_ref(), Pubkey::default().as_ref()],
        bump,
    )]
    pub global_init: UncheckedAccount<'info>,
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        address = args.counterparty @ PauError::WrongCounterparty,
        constraint = counterparty.mint == mint.key() @ PauError::WrongMint,
    )]
    pub counterparty: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_RATE_LIMIT, controller.key().as_ref(), args.key.as_ref()], bump)]
    pub rate_limit: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<CreateRateLimit>, args: CreateRateLimitArgs) -> Result<()> {
    let tag = pad_tag(&args.tag)?;
    let mint = ctx.accounts.mint.key();
    require!(
        rate_limit_key(&args.tag, &mint, &args.counterparty) == args.key,
        PauError::KeyMismatch
    );
    let max_fee_bps = ctx.accounts.configurator.max_transfer_fee_bps;
    check_mint_extensions(&ctx.accounts.mint.to_account_info(), max_fee_bps)?;
    let controller = ctx.accounts.controller.key();
    let init = InitRateLimit::resolve(
        &ctx.accounts.pau_init,
        &ctx.accounts.pau_init_removal,
        &ctx.accounts.global_init,
        &args.key,
        &controller,
    )?;
    require!(
        args.max_amount <= init.max_amount,
        PauError::ExceedsInitMaxAmount
    );
    require!(args.slope <= init.slope, PauError::ExceedsInitSlope);

    let now = Clock::get()?.unix_timestamp;
    let s = RateLimitState::new_full(args.max_amount, args.slope, now);
    let tag_len = u8::try_from(args.tag.len()).map_err(|_| PauError::InvalidTag)?;
    let value = RateLimit {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.rate_limit,
        controller,
        key: args.key,
        tag,
        tag_len,
        mint,
        counterparty: args.counterparty,
        counterparty_owner: ctx.accounts.counterparty.owner,
        max_fee_bps,
        max_amount: s.max_amount,
        slope: s.slope,
        last_amount: s.last_amount,
        last_updated: s.last_updated,
        last_increase_ts: now,
        total_out: 0,
        total_in: 0,
        reserved: [0; 30],
    };
    halo_accounts::create_program_account(
        &ctx.accounts.member,
        &ctx.accounts.rate_limit,
        &ctx.accounts.system_program,
        &[
            SEED_RATE_LIMIT,
            controller.as_ref(),
            args.key.as_ref(),
            &[ctx.bumps.rate_limit],
        ],
        &crate::ID,
        &value,
    )?;
    emit!(RateLimitCreated {
        controller,
        key: args.key,
        mint,
        counterparty: args.counterparty,
        state: value.snapshot(now),
    });
    Ok(())
}
