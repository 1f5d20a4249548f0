use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use super::super::shared::{
    __client_accounts_owned_position, __cpi_client_accounts_owned_position, OwnedPosition,
    OwnedPositionBumps,
};
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
    pub lp: OwnedPosition<'info>,
    #[account(
        seeds = [SEED_WITHDRAW_GEN, lp.pool.key().as_ref(), &lp.position.queue_gen.to_le_bytes()],
        bump = generation.bump,
    )]
    pub generation: Box<Account<'info, WithdrawGeneration>>,
    #[account(address = lp.class.quote_mint @ TradingError::WrongQuoteMint)]
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, constraint = owner_quote.mint == quote_mint.key() @ TradingError::WrongQuoteMint)]
    pub owner_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, address = lp.pool.quote_vault @ TradingError::WrongVault)]
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
}

pub fn handler(ctx: Context<ClaimWithdrawal>) -> Result<()> {
    let accounts = ctx.accounts;
    let lp = &mut accounts.lp;
    let generation = lp.position.queue_gen;
    let claim = withdrawal_manager::claim(&mut lp.pool, &mut lp.position, &accounts.generation)?;
    if claim.amount > 0 {
        pay_from_vault(
            &accounts.token_program,
            &accounts.quote_vault.to_account_info(),
            MintRef {
                info: &accounts.quote_mint.to_account_info(),
                decimals: accounts.quote_mint.decimals,
            },
            &accounts.owner_quote.to_account_info(),
            &lp.pool,
            claim.amount,
        )?;
    }
    lp.pool.invariant()?;
    lp.pool
        .check_quote_vault(amount_of(&accounts.quote_vault.to_account_info())?)?;
    lp.position.invariant()?;
    emit!(WithdrawalClaimed {
        pool: lp.pool.key(),
        owner: lp.position.owner,
        generation,
        shares_filled: claim.shares_filled,
        quote_amount: claim.amount,
    });
    Ok(())
}
