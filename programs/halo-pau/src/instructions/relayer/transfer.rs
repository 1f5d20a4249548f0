use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    constants::*,
    errors::PauError,
    events::Transferred,
    manager::custody::{CustodyRoute, Movement, Outflow},
    state::*,
};

/// Moves `amount` from ALM-proxy custody to the counterparty of a `transfer` route,
/// consuming the route's rate limit. Signed by the PAU's relayer.
/// Refused when the PAU is unregistered or frozen, when the route is not a transfer route,
/// when the mint or destination differ from the route's, and beyond the rate limit.
#[derive(Accounts)]
pub struct Transfer<'info> {
    pub relayer: Signer<'info>,
    /// Genuine by owner and discriminator (only `initialize_controller` creates one, at its PDA);
    /// not re-derived here to keep the hot path cheap (see BENCHMARKS.md).
    #[account(
        has_one = relayer @ PauError::NotRelayer,
    )]
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

impl Transfer<'_> {
    /// A registered, unfrozen PAU, a relayer `transfer` route, a positive amount.
    pub fn validate(&self, amount: u64) -> Result<()> {
        CustodyRoute {
            controller: &self.controller,
            rate_limit: &self.rate_limit,
        }
        .validate(Movement::Transfer, amount)
    }
}

pub fn handler(ctx: Context<Transfer>, amount: u64) -> Result<()> {
    let Transfer {
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
    halo_math::emit_event!(Transferred {
        controller: controller.key(),
        key: rate_limit.key,
        mint: mint.key(),
        destination: destination.key(),
        amount,
        received,
        state: rate_limit.snapshot(now),
    });
    Ok(())
}
