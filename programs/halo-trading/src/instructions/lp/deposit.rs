use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use super::super::shared::{
    __client_accounts_owned_position, __cpi_client_accounts_owned_position, OwnedPosition,
    OwnedPositionBumps,
};
use crate::{
    errors::TradingError,
    events::Deposited,
    oracle,
    token::{amount_of, pull_into_vault, MintRef},
};

/// A Prime deposits `amount` USDS and receives LP shares at the current share value,
/// rounded down (internal totals: a donation to the vault does not move the price).
/// Refused: paused class, fewer shares than `min_shares`, a dust deposit minting none.
#[derive(Accounts)]
pub struct Deposit<'info> {
    pub lp: OwnedPosition<'info>,
    #[account(address = lp.class.quote_mint @ TradingError::WrongQuoteMint)]
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, constraint = owner_quote.mint == quote_mint.key() @ TradingError::WrongQuoteMint)]
    pub owner_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, address = lp.pool.quote_vault @ TradingError::WrongVault)]
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: validated by `oracle::accept` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl Deposit<'_> {
    pub fn validate(&self, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        require!(amount > 0, TradingError::ZeroAmount);
        require!(!self.lp.class.paused, TradingError::ClassPaused);
        require!(!self.lp.pool.paused, TradingError::PoolPaused);
        self.lp.pool.check_open_for_deposits(now)
    }
}

pub fn handler(ctx: Context<Deposit>, amount: u64, min_shares: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let accounts = ctx.accounts;
    let lp = &mut accounts.lp;
    let reading = oracle::accept(&mut lp.pool, &accounts.price_account, now, oracle::Use::Lp)?;
    let value_before = lp.pool.value_for_deposit(reading.price_wad)?;
    let shares = lp
        .pool
        .book_deposit(&mut lp.position, amount, value_before)?;
    require!(shares >= min_shares, TradingError::SharesBelowMinimum);
    pull_into_vault(
        &accounts.token_program,
        &accounts.owner_quote.to_account_info(),
        MintRef {
            info: &accounts.quote_mint.to_account_info(),
            decimals: accounts.quote_mint.decimals,
        },
        &accounts.quote_vault.to_account_info(),
        &lp.owner,
        amount,
    )?;
    lp.pool.invariant()?;
    lp.pool
        .check_quote_vault(amount_of(&accounts.quote_vault.to_account_info())?)?;
    lp.position.invariant()?;
    emit!(Deposited {
        pool: lp.pool.key(),
        owner: lp.position.owner,
        quote_amount: amount,
        shares,
        pool_value_before: value_before,
        total_shares_after: lp.pool.total_shares,
        from_pau: false,
    });
    Ok(())
}
