use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};
use halo_pau::program::HaloPau;

use crate::{constants::*, errors::TradingError, events::Deposited, price, state::*};

/// Draws `amount` USDS from the class's PAU custody into the pool's quote vault through a
/// `halo_pau::draw` CPI (the pool PDA is the registered integration; the PAU's `amm_fund`
/// route rate-limits it) and mints LP shares to the PAU's position at the current share
/// value. Signed by the beacon.
#[derive(Accounts)]
pub struct FundFromPau<'info> {
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
    /// CHECK: the PAU's Integration account for the pool PDA; validated by `halo_pau::draw`.
    pub pau_integration: UncheckedAccount<'info>,
    /// CHECK: pinned to the class's controller by `has_one`; validated by `halo_pau::draw`.
    pub pau_controller: UncheckedAccount<'info>,
    /// CHECK: the PAU's ALM proxy; its seeds are checked by `halo_pau::draw`, which binds
    /// the `pau_position` seeds to the genuine proxy.
    pub pau_proxy: UncheckedAccount<'info>,
    /// CHECK: the PAU route's rate limit; validated and updated by `halo_pau::draw`.
    #[account(mut)]
    pub pau_rate_limit: UncheckedAccount<'info>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: the PAU's custody; validated by `halo_pau::draw`.
    #[account(mut)]
    pub pau_custody: UncheckedAccount<'info>,
    #[account(mut)]
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: validated by `price::accept` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub pau_program: Program<'info, HaloPau>,
}

pub fn handler(ctx: Context<FundFromPau>, amount: u64) -> Result<()> {
    require!(amount > 0, TradingError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    require!(!a.class.paused, TradingError::ClassPaused);
    let r = price::accept(&mut a.pool, &a.price_account, now)?;
    let value_before = a.pool.value(r.price_wad)?;
    let before = a.quote_vault.amount;
    let pool_info = a.pool.to_account_info();
    a.pool.with_signer(|signer| {
        halo_pau::cpi::draw(
            CpiContext::new_with_signer(
                a.pau_program.key(),
                halo_pau::cpi::accounts::Draw {
                    integration_signer: pool_info,
                    integration: a.pau_integration.to_account_info(),
                    controller: a.pau_controller.to_account_info(),
                    proxy: a.pau_proxy.to_account_info(),
                    rate_limit: a.pau_rate_limit.to_account_info(),
                    mint: a.quote_mint.to_account_info(),
                    custody: a.pau_custody.to_account_info(),
                    destination: a.quote_vault.to_account_info(),
                    token_program: a.token_program.to_account_info(),
                },
                signer,
            ),
            amount,
        )
    })?;
    a.quote_vault.reload()?;
    let received = a.quote_vault.amount.saturating_sub(before);
    let p = &mut a.pool;
    let shares = if value_before == 0 && p.total_shares > 0 {
        return err!(TradingError::PoolValueZero);
    } else {
        halo_math::shares::shares_for_deposit(received, value_before, p.total_shares)
            .map_err(|_| TradingError::MathOverflow)?
    };
    require!(shares > 0, TradingError::ZeroShares);
    p.total_shares = p
        .total_shares
        .checked_add(shares)
        .ok_or(TradingError::MathOverflow)?;
    p.quote_liquidity = p
        .quote_liquidity
        .checked_add(received)
        .ok_or(TradingError::MathOverflow)?;
    let pos = &mut a.pau_position;
    pos.shares = pos
        .shares
        .checked_add(shares)
        .ok_or(TradingError::MathOverflow)?;
    pos.total_deposited = pos.total_deposited.saturating_add(u128::from(received));
    emit!(Deposited {
        pool: p.key(),
        owner: pos.owner,
        quote_amount: received,
        shares,
        pool_value_before: value_before,
        total_shares_after: p.total_shares,
        from_pau: true,
    });
    Ok(())
}
