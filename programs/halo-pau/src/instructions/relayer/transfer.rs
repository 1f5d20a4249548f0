use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    constants::*, errors::PauError, events::Transferred, route::pay_out_of_custody, state::*,
};

/// Moves `amount` from ALM-proxy custody to the counterparty of a `transfer` route,
/// consuming the route's rate limit. Signed by the PAU's relayer.
/// Refused when the PAU is unregistered or frozen, when the route is not a transfer route,
/// when the mint or destination differ from the route's, and beyond the rate limit.
#[derive(Accounts)]
pub struct Transfer<'info> {
    pub relayer: Signer<'info>,
    /// Genuine by owner and discriminator (only `init_controller` creates one, at its PDA);
    /// not re-derived here to keep the hot path cheap (see BENCHMARKS.md).
    #[account(
        has_one = relayer @ PauError::NotRelayer,
        constraint = controller.registered @ PauError::PauNotRegistered,
        constraint = !controller.frozen @ PauError::ControllerFrozen,
    )]
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: the ALM proxy PDA (seeds checked); signs for custody, holds no data.
    #[account(seeds = [SEED_PROXY, controller.key().as_ref()], bump = controller.proxy_bump)]
    pub proxy: UncheckedAccount<'info>,
    #[account(
        mut,
        has_one = controller @ PauError::RateLimitOfAnotherPau,
        has_one = mint @ PauError::WrongMint,
        constraint = rate_limit.tag() == TAG_TRANSFER @ PauError::NotATransferRoute,
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

pub fn handler(ctx: Context<Transfer>, amount: u64) -> Result<()> {
    require!(amount > 0, PauError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    a.rate_limit.consume_out(now, amount)?;
    let controller = a.controller.key();
    let received = pay_out_of_custody(
        &a.token_program,
        &a.custody,
        &a.mint,
        &mut a.destination,
        &a.proxy,
        &controller,
        a.controller.proxy_bump,
        amount,
        a.rate_limit.max_fee_bps,
    )?;
    emit!(Transferred {
        controller,
        key: a.rate_limit.key,
        mint: a.mint.key(),
        destination: a.destination.key(),
        amount,
        received,
        state: a.rate_limit.snapshot(now),
    });
    Ok(())
}
