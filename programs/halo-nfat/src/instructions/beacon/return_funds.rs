use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use super::pau_accounts::*;
use crate::{
    errors::NfatError,
    events::Returned,
    state::*,
    token::{amount_of, MintRef},
};

/// Brings `amount` of a book's capital back from PAU custody (where the RWA endpoint
/// repaid it) into the facility's redeem vault along the `nfat_return` route
/// (`halo_pau::draw`, rate limited); the book can then fund its deals with it. Works while
/// halted (it only brings money home). Signed by the beacon. Refused: any other signer,
/// another facility's book, a book not Deploying / AtRest / Unwinding, a route or
/// controller not the facility's (and every refusal of `halo_pau::draw`).
#[derive(Accounts)]
pub struct ReturnFunds<'info> {
    pub beacon: Signer<'info>,
    #[account(
        mut,
        has_one = beacon @ NfatError::NotBeacon,
        has_one = deposit_mint @ NfatError::WrongDepositMint,
        has_one = redeem_vault @ NfatError::WrongRedeemVault,
        constraint = facility.pau_controller == pau.controller.key() @ NfatError::WrongPauController,
        constraint = facility.return_rate_limit == pau.rate_limit.key() @ NfatError::WrongRateLimit,
    )]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub book: Box<Account<'info, Book>>,
    /// CHECK: pinned to the facility's redeem vault (the return route's counterparty).
    #[account(mut)]
    pub redeem_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    pub pau: PauAccounts<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
}

pub fn handler(ctx: Context<ReturnFunds>, amount: u64) -> Result<()> {
    let a = ctx.accounts;
    a.book.record_return(amount)?;
    let m = MintRef {
        token_program: a.deposit_token_program.as_ref(),
        mint: a.deposit_mint.as_ref(),
        decimals: a.facility.deposit_decimals,
    };
    let facility_info = a.facility.to_account_info();
    a.pau.leg().draw(
        &facility_info,
        &a.facility,
        m,
        a.redeem_vault.as_ref(),
        amount,
    )?;
    a.facility.owe_from_redeem(amount)?;
    a.book.invariant(None)?;
    a.facility
        .invariant(None, Some(amount_of(a.redeem_vault.as_ref())?))?;
    halo_math::emit_event!(Returned {
        book: a.book.key(),
        amount,
        released: false,
        unallocated: a.book.unallocated()?,
    });
    Ok(())
}
