use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};
use halo_pau::program::HaloPau;

use crate::{constants::*, errors::TradingError, events::ReturnedToPau, price, state::*};

/// Returns `amount` of free USDS to the PAU's custody through a `halo_pau::repay` CPI
/// (which gives the route's rate limit back) and burns the PAU position's shares worth it,
/// rounded up. Signed by the beacon. Allowed while the class is paused: it brings capital
/// home.
#[derive(Accounts)]
pub struct ReturnToPau<'info> {
    pub beacon: Signer<'info>,
    #[account(
        has_one = beacon @ TradingError::NotBeacon,
        has_one = pau_controller @ TradingError::WrongPauController,
        has_one = quote_mint @ TradingError::WrongQuoteMint,
    )]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(
        mut,
        has_one = class @ TradingError::PoolOfAnotherClass,
        has_one = quote_vault @ TradingError::WrongVault,
    )]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        mut,
        seeds = [SEED_LP, pool.key().as_ref(), pau_proxy.key().as_ref()],
        bump = pau_position.bump,
    )]
    pub pau_position: Box<Account<'info, LpPosition>>,
    /// CHECK: the PAU's Integration account for the pool PDA; validated by `halo_pau::repay`.
    pub pau_integration: UncheckedAccount<'info>,
    /// CHECK: pinned to the class's controller by `has_one`; validated by `halo_pau::repay`.
    pub pau_controller: UncheckedAccount<'info>,
    /// CHECK: the PAU's ALM proxy; seeds checked by `halo_pau::repay`.
    pub pau_proxy: UncheckedAccount<'info>,
    /// CHECK: the PAU route's rate limit; validated and updated by `halo_pau::repay`.
    #[account(mut)]
    pub pau_rate_limit: UncheckedAccount<'info>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: the PAU's custody; validated by `halo_pau::repay`.
    #[account(mut)]
    pub pau_custody: UncheckedAccount<'info>,
    #[account(mut)]
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: validated by `price::accept` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub pau_program: Program<'info, HaloPau>,
}

pub fn handler(ctx: Context<ReturnToPau>, amount: u64) -> Result<()> {
    require!(amount > 0, TradingError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    require!(
        amount <= a.pool.quote_liquidity,
        TradingError::InsufficientLiquidity
    );
    let r = price::accept(&mut a.pool, &a.price_account, now)?;
    let value_before = a.pool.value(r.price_wad)?;
    require!(value_before > 0, TradingError::PoolValueZero);
    let burn =
        halo_math::shares::shares_to_burn_for_assets(amount, value_before, a.pool.total_shares)
            .map_err(|_| TradingError::MathOverflow)?;
    require!(
        burn <= a.pau_position.shares,
        TradingError::InsufficientShares
    );
    let pool_info = a.pool.to_account_info();
    a.pool.with_signer(|signer| {
        halo_pau::cpi::repay(
            CpiContext::new_with_signer(
                a.pau_program.key(),
                halo_pau::cpi::accounts::Repay {
                    integration_signer: pool_info,
                    integration: a.pau_integration.to_account_info(),
                    controller: a.pau_controller.to_account_info(),
                    proxy: a.pau_proxy.to_account_info(),
                    rate_limit: a.pau_rate_limit.to_account_info(),
                    mint: a.quote_mint.to_account_info(),
                    source: a.quote_vault.to_account_info(),
                    custody: a.pau_custody.to_account_info(),
                    token_program: a.token_program.to_account_info(),
                },
                signer,
            ),
            amount,
        )
    })?;
    let p = &mut a.pool;
    p.quote_liquidity = p.quote_liquidity.saturating_sub(amount);
    p.total_shares = p.total_shares.saturating_sub(burn);
    let pos = &mut a.pau_position;
    pos.shares = pos.shares.saturating_sub(burn);
    pos.total_withdrawn = pos.total_withdrawn.saturating_add(u128::from(amount));
    emit!(ReturnedToPau {
        pool: p.key(),
        quote_amount: amount,
        shares_burned: burn,
        pool_value_before: value_before,
    });
    Ok(())
}
