use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    constants::*,
    errors::PauError,
    events::Drawn,
    manager::custody::{CustodyRoute, Movement, Outflow},
    state::*,
};

/// Moves `amount` from ALM-proxy custody to an integration's token account (the route's
/// counterparty), consuming the route's rate limit. Signed by the integration's signer
/// (a Halo program's PDA, through CPI). Refused when the PAU is unregistered or frozen, when
/// the key is not one the integration may use, and on any mint / account mismatch.
#[derive(Accounts)]
pub struct Draw<'info> {
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
    /// CHECK: the ALM proxy PDA (seeds checked); signs for custody, holds no data.
    #[account(seeds = [SEED_PROXY, controller.key().as_ref()], bump = controller.proxy_bump)]
    pub proxy: UncheckedAccount<'info>,
    #[account(
        mut,
        has_one = controller @ PauError::RateLimitOfAnotherPau,
        has_one = mint @ PauError::WrongMint,
        constraint = rate_limit.counterparty == destination.key() @ PauError::WrongDestination,
    )]
    pub rate_limit: Box<Account<'info, RateLimit>>,
    #[account(mint::token_program = token_program)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        mut,
        constraint = custody.mint == mint.key() @ PauError::WrongMint,
        constraint = custody.owner == proxy.key() @ PauError::WrongCustody,
    )]
    pub custody: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        constraint = destination.mint == mint.key() @ PauError::WrongMint,
        constraint = destination.owner == rate_limit.counterparty_owner @ PauError::WrongCounterpartyOwner,
    )]
    pub destination: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl Draw<'_> {
    /// A registered, unfrozen PAU, a route that is not a relayer `transfer` route, a
    /// positive amount.
    pub fn validate(&self, amount: u64) -> Result<()> {
        CustodyRoute {
            controller: &self.controller,
            rate_limit: &self.rate_limit,
        }
        .validate(Movement::Draw, amount)
    }
}

pub fn handler(ctx: Context<Draw>, amount: u64) -> Result<()> {
    let Draw {
        integration,
        controller,
        proxy,
        rate_limit,
        mint,
        custody,
        destination,
        token_program,
        ..
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let received = Outflow {
        controller,
        proxy,
        rate_limit,
        mint,
        custody,
        destination,
        token_program,
    }
    .pay(amount, now)?;
    halo_math::emit_event!(Drawn {
        controller: controller.key(),
        integration: integration.key(),
        key: rate_limit.key,
        amount,
        received,
        state: rate_limit.snapshot(now),
    });
    Ok(())
}
