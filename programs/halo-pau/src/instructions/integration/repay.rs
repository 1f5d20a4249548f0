use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, Mint, TokenAccount, TokenInterface, TransferChecked};

use crate::{constants::*, errors::PauError, events::Repaid, state::*};

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
    /// Genuine by owner and discriminator (only `init_controller` creates one, at its PDA);
    /// not re-derived here to keep the hot path cheap (see BENCHMARKS.md).
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: the ALM proxy PDA (seeds checked); only the custody owner check uses it.
    #[account(seeds = [SEED_PROXY, controller.key().as_ref()], bump = controller.proxy_bump)]
    pub proxy: UncheckedAccount<'info>,
    #[account(
        mut,
        has_one = controller @ PauError::RateLimitOfAnotherPau,
        has_one = mint @ PauError::WrongMint,
        constraint = rate_limit.tag() != TAG_TRANSFER @ PauError::TransferRouteNotForIntegrations,
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

pub fn handler(ctx: Context<Repay>, amount: u64) -> Result<()> {
    require!(amount > 0, PauError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    let before = a.custody.amount;
    token_interface::transfer_checked(
        CpiContext::new(
            a.token_program.key(),
            TransferChecked {
                from: a.source.to_account_info(),
                mint: a.mint.to_account_info(),
                to: a.custody.to_account_info(),
                authority: a.integration_signer.to_account_info(),
            },
        ),
        amount,
        a.mint.decimals,
    )?;
    a.custody.reload()?;
    let received = a
        .custody
        .amount
        .checked_sub(before)
        .ok_or(PauError::MathOverflow)?;
    a.rate_limit.give_back_in(now, received)?;
    emit!(Repaid {
        controller: a.controller.key(),
        integration: a.integration.key(),
        key: a.rate_limit.key,
        amount,
        received,
        state: a.rate_limit.snapshot(now),
    });
    Ok(())
}
