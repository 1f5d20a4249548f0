use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};
use halo_math::deal::Amounts;

use crate::{
    errors::NfatError,
    events::DealFunded,
    math::OrOverflow,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// Anyone (a borrower, a guarantor) pays a deal directly from their own token account
/// into the redeem vault: a plain gift to the holder's claim, booked like a funding
/// (late payments record their days and penalty). Refused: halted, another facility's
/// deal, more than the deal is owed, a written-off deal, a token account or mint not the
/// facility's.
#[derive(Accounts)]
pub struct Pay<'info> {
    pub payer: Signer<'info>,
    #[account(mut, constraint = payer_token.mint == deposit_mint.key() @ NfatError::WrongDepositMint)]
    pub payer_token: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        has_one = deposit_mint @ NfatError::WrongDepositMint,
        has_one = redeem_vault @ NfatError::WrongRedeemVault,
    )]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub deal: Box<Account<'info, Deal>>,
    /// CHECK: pinned to the facility's redeem vault.
    #[account(mut)]
    pub redeem_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
}

impl Pay<'_> {
    pub fn validate(&self) -> Result<()> {
        self.facility.require_live()
    }
}

pub fn handler(ctx: Context<Pay>, principal: u64, interest: u64, penalty: u64) -> Result<()> {
    let a = ctx.accounts;
    let add = Amounts {
        principal,
        interest,
        penalty,
    };
    let total = add.total().or_overflow()?;
    let now = Clock::get()?.unix_timestamp;
    let out = a
        .deal
        .fund(add, now, a.facility.buybox.late_penalty_bps_per_day)?;
    move_tokens(
        MintRef {
            token_program: a.deposit_token_program.as_ref(),
            mint: a.deposit_mint.as_ref(),
            decimals: a.facility.deposit_decimals,
        },
        &a.payer_token.to_account_info(),
        a.redeem_vault.as_ref(),
        Authority::Owner(a.payer.as_ref()),
        total,
    )?;
    a.facility.owe_from_redeem(total)?;
    a.deal.invariant()?;
    a.facility
        .invariant(None, Some(amount_of(a.redeem_vault.as_ref())?))?;
    let l = &a.deal.ledger;
    halo_math::emit_event!(DealFunded {
        deal: a.deal.key(),
        by: a.payer.key(),
        from_book: false,
        principal,
        interest,
        penalty,
        recovery: a.deal.status == DealStatus::Defaulted,
        newly_covered: out.newly_covered,
        paid_through: l.paid_through,
        days_late: out.days_late,
        penalty_recorded: out.penalty_recorded,
        penalty_owed: l.penalty_owed,
    });
    Ok(())
}
