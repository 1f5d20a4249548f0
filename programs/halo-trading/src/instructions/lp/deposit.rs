use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    errors::TradingError,
    events::Deposited,
    oracle,
    state::*,
    token::{pull_into_vault, MintRef},
};

/// A Prime deposits `amount` USDS and receives LP shares at the current share value,
/// rounded down (internal totals: a donation to the vault does not move the price).
/// Refused: paused class, fewer shares than `min_shares`, a dust deposit minting none.
#[derive(Accounts)]
pub struct Deposit<'info> {
    pub owner: Signer<'info>,
    #[account(has_one = quote_mint @ TradingError::WrongQuoteMint)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(
        mut,
        has_one = class @ TradingError::PoolOfAnotherClass,
        has_one = quote_vault @ TradingError::WrongVault,
    )]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        mut,
        has_one = pool @ TradingError::PositionOfAnotherPool,
        has_one = owner @ TradingError::NotPositionOwner,
    )]
    pub position: Box<Account<'info, LpPosition>>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, constraint = owner_quote.mint == quote_mint.key() @ TradingError::WrongQuoteMint)]
    pub owner_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut)]
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: validated by `oracle::accept` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

pub fn handler(ctx: Context<Deposit>, amount: u64, min_shares: u64) -> Result<()> {
    require!(amount > 0, TradingError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    require!(!a.class.paused, TradingError::ClassPaused);
    require!(!a.pool.paused, TradingError::PoolPaused);
    a.pool.check_open_for_deposits(now)?;
    let r = oracle::accept(&mut a.pool, &a.price_account, now, oracle::Use::Lp)?;
    let p = &mut a.pool;
    let value_before = p.value_for_deposit(r.price_wad)?;
    let shares = p.book_deposit(&mut a.position, amount, value_before)?;
    require!(shares >= min_shares, TradingError::SharesBelowMinimum);
    pull_into_vault(
        &a.token_program,
        &a.owner_quote.to_account_info(),
        MintRef {
            info: &a.quote_mint.to_account_info(),
            decimals: a.quote_mint.decimals,
        },
        &a.quote_vault.to_account_info(),
        &a.owner,
        amount,
    )?;
    let pos = &a.position;
    emit!(Deposited {
        pool: p.key(),
        owner: pos.owner,
        quote_amount: amount,
        shares,
        pool_value_before: value_before,
        total_shares_after: p.total_shares,
        from_pau: false,
    });
    Ok(())
}
