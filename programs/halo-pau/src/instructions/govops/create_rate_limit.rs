use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount};
use halo_math::RateLimitState;

use crate::{
    constants::*,
    errors::PauError,
    events::RateLimitCreated,
    keys::{pad_tag, rate_limit_key},
    mint_extensions::check_mint_extensions,
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

impl CreateRateLimit<'_> {
    /// A valid tag; the key is the hash of (tag, mint, counterparty); the mint's
    /// extensions are ones custody can hold, with a fee within the configurator's bound;
    /// an init governs this route on this PAU and the new limits stay within it.
    pub fn validate(&self, args: &CreateRateLimitArgs) -> Result<()> {
        pad_tag(&args.tag)?;
        require!(
            rate_limit_key(&args.tag, &self.mint.key(), &args.counterparty) == args.key,
            PauError::KeyMismatch
        );
        check_mint_extensions(
            &self.mint.to_account_info(),
            self.configurator.max_transfer_fee_bps,
        )?;
        let init = InitRateLimit::resolve(
            &self.pau_init,
            &self.pau_init_removal,
            &self.global_init,
            &args.key,
            &self.controller.key(),
        )?;
        require!(
            args.max_amount <= init.max_amount,
            PauError::ExceedsInitMaxAmount
        );
        require!(args.slope <= init.slope, PauError::ExceedsInitSlope);
        Ok(())
    }

    /// The new route's account: full at `now`, which counts as its last increase.
    fn rate_limit_value(
        &self,
        bump: u8,
        args: &CreateRateLimitArgs,
        now: i64,
    ) -> Result<RateLimit> {
        Ok(RateLimit {
            version: ACCOUNT_VERSION,
            bump,
            controller: self.controller.key(),
            key: args.key,
            tag: pad_tag(&args.tag)?,
            tag_len: u8::try_from(args.tag.len()).map_err(|_| PauError::InvalidTag)?,
            mint: self.mint.key(),
            counterparty: args.counterparty,
            counterparty_owner: self.counterparty.owner,
            max_fee_bps: self.configurator.max_transfer_fee_bps,
            limit: RateLimitState::new_full(args.max_amount, args.slope, now),
            last_increase_ts: now,
            total_out: 0,
            total_in: 0,
            reserved: [0; 30],
        })
    }
}

pub fn handler(ctx: Context<CreateRateLimit>, args: CreateRateLimitArgs) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let value = ctx
        .accounts
        .rate_limit_value(ctx.bumps.rate_limit, &args, now)?;
    value.invariant()?;
    let CreateRateLimit {
        member,
        rate_limit,
        system_program,
        ..
    } = ctx.accounts;
    RateLimit::with_seeds(&value.controller, &value.key, value.bump, |seeds| {
        halo_accounts::create_program_account(
            member,
            rate_limit,
            system_program,
            seeds,
            &crate::ID,
            &value,
        )
    })?;
    halo_math::emit_event!(RateLimitCreated {
        controller: value.controller,
        key: value.key,
        mint: value.mint,
        counterparty: value.counterparty,
        state: value.snapshot(now),
    });
    Ok(())
}
