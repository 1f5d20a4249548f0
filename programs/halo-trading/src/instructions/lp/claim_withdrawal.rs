use crate::math::{OrOverflow, SafeMath};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    constants::*,
    errors::TradingError,
    events::WithdrawalClaimed,
    state::*,
    token::{pay_from_vault, MintRef},
};

/// Pays the position its pro-rata share of what its generation has been filled so far
/// (rounded down), from the USDS the settlement set aside. When the generation is
/// complete, the position's queue slot is cleared.
#[derive(Accounts)]
pub struct ClaimWithdrawal<'info> {
    pub owner: Signer<'info>,
    #[account(
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
    let a = ctx.accounts;
    let pos = &mut a.position;
    require!(pos.queued_shares > 0, TradingError::NothingToClaim);
    let g = a.generation.totals();
    let (filled, paid) = g.entitlement(pos.queued_shares).or_overflow()?;
    let shares_filled = filled.saturating_sub(pos.claimed_filled);
    let amount = paid.saturating_sub(pos.claimed_paid);
    let complete = g.is_complete();
    require!(
        amount > 0 || shares_filled > 0 || complete,
        TradingError::NothingToClaim
    );
    let p = &mut a.pool;
    p.claims_reserved = p.claims_reserved.safe_sub(amount)?;
    if amount > 0 {
        pay_from_vault(
            &a.token_program,
            &a.quote_vault.to_account_info(),
            MintRef {
                info: &a.quote_mint.to_account_info(),
                decimals: a.quote_mint.decimals,
            },
            &a.owner_quote.to_account_info(),
            p,
            amount,
        )?;
    }
    let generation = pos.queue_gen;
    if complete {
        pos.queued_shares = 0;
        pos.claimed_filled = 0;
        pos.claimed_paid = 0;
    } else {
        pos.claimed_filled = filled;
        pos.claimed_paid = paid;
    }
    pos.total_withdrawn = pos.total_withdrawn.saturating_add(u128::from(amount));
    emit!(WithdrawalClaimed {
        pool: p.key(),
        owner: pos.owner,
        generation,
        shares_filled,
        quote_amount: amount,
    });
    Ok(())
}
