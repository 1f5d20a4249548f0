use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    constants::*,
    errors::PauError,
    events::Repaid,
    manager::custody::{CustodyRoute, Movement},
    state::*,
    token::pull_into_custody,
};

/// Moves `amount` from an integration's token account (the route's counterparty) back into
/// ALM-proxy custody and gives what arrived back to the route's rate limit (capped at its
/// max). Signed by the integration's signer. Allowed while frozen or unregistered: it only
/// brings capital home.
#[derive(Accounts)]
pub struct Repay<'info> {
    pub integration_signer: Signer<'info>,
    #[account(
        has_one = controller @ PauError::IntegrationOfAnotherPau,
        constraint = integration.signer == integration_signer.key() @ PauError::NotIntegrationSigner,
        constraint = integration.allows(&rate_limit.key) @ PauError::KeyNotAllowedForIntegration,
    )]
    pub integration: Box<Account<'info, Integration>>,
    /// Genuine by owner and discriminator (only `initialize_controller` creates one, at its PDA);
    /// not re-derived here to keep the hot path cheap (see BENCHMARKS.md).
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: the ALM proxy PDA (seeds checked); only the custody owner check uses it.
    #[account(seeds = [SEED_PROXY, controller.key().as_ref()], bump = controller.proxy_bump)]
    pub proxy: UncheckedAccount<'info>,
    #[account(
        mut,
        has_one = controller @ PauError::RateLimitOfAnotherPau,
        has_one = mint @ PauError::WrongMint,
        constraint = rate_limit.counterparty == source.key() @ PauError::WrongSource,
    )]
    pub rate_limit: Box<Account<'info, RateLimit>>,
    #[account(mint::token_program = token_program)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        mut,
        constraint = source.mint == mint.key() @ PauError::WrongMint,
        constraint = source.owner == rate_limit.counterparty_owner @ PauError::WrongCounterpartyOwner,
    )]
    pub source: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        constraint = custody.mint == mint.key() @ PauError::WrongMint,
        constraint = custody.owner == proxy.key() @ PauError::WrongCustody,
    )]
    pub custody: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl Repay<'_> {
    /// A route that is not a relayer `transfer` route, a positive amount (frozen or
    /// unregistered PAUs may be repaid).
    pub fn validate(&self, amount: u64) -> Result<()> {
        CustodyRoute {
            controller: &self.controller,
            rate_limit: &self.rate_limit,
        }
        .validate(Movement::Repay, amount)
    }
}

pub fn handler(ctx: Context<Repay>, amount: u64) -> Result<()> {
    let Repay {
        integration_signer,
        integration,
        controller,
        rate_limit,
        mint,
        source,
        custody,
        token_program,
        ..
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let received = pull_into_custody(
        token_program,
        source,
        mint,
        custody,
        integration_signer,
        amount,
    )?;
    rate_limit.give_back_in(now, received)?;
    rate_limit.invariant()?;
    halo_math::emit_event!(Repaid {
        controller: controller.key(),
        integration: integration.key(),
        key: rate_limit.key,
        amount,
        received,
        state: rate_limit.snapshot(now),
    });
    Ok(())
}
