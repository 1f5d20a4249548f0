use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    errors::TradingError,
    events::Deposited,
    oracle,
    state::*,
    token::{amount_of, pull_into_vault, MintRef},
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

impl Deposit<'_> {
    pub fn validate(&self, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        require!(amount > 0, TradingError::ZeroAmount);
        require!(!self.class.paused, TradingError::ClassPaused);
        require!(!self.pool.paused, TradingError::PoolPaused);
        self.pool.check_open_for_deposits(now)
    }
}

pub fn handler(ctx: Context<Deposit>, amount: u64, min_shares: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let Deposit {
        owner,
        pool,
        position,
        quote_mint,
        owner_quote,
        quote_vault,
        price_account,
        token_program,
        ..
    } = ctx.accounts;
    let reading = oracle::accept(pool, price_account, now, oracle::Use::Lp)?;
    let value_before = pool.value_for_deposit(reading.price_wad)?;
    let shares = pool.book_deposit(position, amount, value_before)?;
    require!(shares >= min_shares, TradingError::SharesBelowMinimum);
    let mint = MintRef {
        info: &quote_mint.to_account_info(),
        decimals: quote_mint.decimals,
    };
    let vault = quote_vault.to_account_info();
    pull_into_vault(
        token_program,
        &owner_quote.to_account_info(),
        mint,
        &vault,
        owner,
        amount,
    )?;
    pool.check_books(Some(amount_of(&vault)?), None)?;
    position.invariant()?;
    halo_math::emit_event!(Deposited {
        pool: pool.key(),
        owner: position.owner,
        quote_amount: amount,
        shares,
        pool_value_before: value_before,
        total_shares_after: pool.total_shares,
        from_pau: false,
    });
    Ok(())
}
