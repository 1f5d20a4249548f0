use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use crate::{
    constants::*,
    errors::NfatError,
    events::Withdrawn,
    math::SafeMath,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// A Prime takes `amount` of its queued capital back, in part or in full, at any time
/// before a deal claims it, including while the facility is halted or after its
/// approval was revoked: shares burned rounded up. Refused: zero, more than its queued
/// capital, another Prime's deposit (the seeds carry the signer), a token account or mint
/// not the facility's.
#[derive(Accounts)]
pub struct Withdraw<'info> {
    pub prime: Signer<'info>,
    #[account(
        mut,
        has_one = deposit_mint @ NfatError::WrongDepositMint,
        has_one = queue_vault @ NfatError::WrongQueueVault,
    )]
    pub facility: Box<Account<'info, Facility>>,
    #[account(
        mut,
        seeds = [SEED_DEPOSIT, facility.key().as_ref(), prime.key().as_ref()],
        bump = deposit.bump,
    )]
    pub deposit: Box<Account<'info, QueueDeposit>>,
    #[account(mut, constraint = prime_token.mint == deposit_mint.key() @ NfatError::WrongDepositMint)]
    pub prime_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: pinned to the facility's queue vault.
    #[account(mut)]
    pub queue_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
}

pub fn handler(ctx: Context<Withdraw>, amount: u64) -> Result<()> {
    let a = ctx.accounts;
    let shares = a.deposit.take(&mut a.facility.queue, amount)?;
    a.deposit.withdrawn_total = a.deposit.withdrawn_total.safe_add(amount)?;
    let facility_info = a.facility.to_account_info();
    move_tokens(
        MintRef {
            token_program: a.deposit_token_program.as_ref(),
            mint: a.deposit_mint.as_ref(),
            decimals: a.facility.deposit_decimals,
        },
        a.queue_vault.as_ref(),
        &a.prime_token.to_account_info(),
        Authority::Facility(&facility_info, &a.facility),
        amount,
    )?;
    a.deposit.invariant(&a.facility.queue)?;
    a.facility
        .invariant(Some(amount_of(a.queue_vault.as_ref())?), None)?;
    halo_math::emit_event!(Withdrawn {
        facility: a.facility.key(),
        prime: a.prime.key(),
        amount,
        shares_burned: shares,
        balance: a.deposit.balance(&a.facility.queue)?,
        queue_total: a.facility.queue.total_underlying,
    });
    Ok(())
}
