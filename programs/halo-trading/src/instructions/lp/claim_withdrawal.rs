use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    constants::*,
    errors::TradingError,
    events::WithdrawalClaimed,
    manager::withdrawal_manager,
    state::*,
    token::{amount_of, pay_from_vault, MintRef},
};

/// Pays the position its pro-rata share of what its generation has been filled so far
/// (rounded down), from the USDS the settlement set aside. When the generation is
/// complete, the position's queue slot is cleared.
#[derive(Accounts)]
pub struct ClaimWithdrawal<'info> {
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
    #[account(
        seeds = [SEED_WITHDRAW_GEN, pool.key().as_ref(), &position.queue_gen.to_le_bytes()],
        bump = generation.bump,
    )]
    pub generation: Box<Account<'info, WithdrawGeneration>>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, constraint = owner_quote.mint == quote_mint.key() @ TradingError::WrongQuoteMint)]
    pub owner_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut)]
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
}

pub fn handler(ctx: Context<ClaimWithdrawal>) -> Result<()> {
    let accounts = ctx.accounts;
    let generation = accounts.position.queue_gen;
    let claim = withdrawal_manager::claim(
        &mut accounts.pool,
        &mut accounts.position,
        &accounts.generation,
    )?;
    if claim.amount > 0 {
        pay_from_vault(
            &accounts.token_program,
            &accounts.quote_vault.to_account_info(),
            MintRef {
                info: &accounts.quote_mint.to_account_info(),
                decimals: accounts.quote_mint.decimals,
            },
            &accounts.owner_quote.to_account_info(),
            &accounts.pool,
            claim.amount,
        )?;
    }
    let quote_vault = amount_of(&accounts.quote_vault.to_account_info())?;
    accounts.pool.check_books(Some(quote_vault), None)?;
    accounts.position.invariant()?;
    halo_math::emit_event!(WithdrawalClaimed {
        pool: accounts.pool.key(),
        owner: accounts.position.owner,
        generation,
        shares_filled: claim.shares_filled,
        quote_amount: claim.amount,
    });
    Ok(())
}
