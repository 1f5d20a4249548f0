use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::{
    errors::NfatError,
    events::Returned,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// Moves `amount` of an Unwinding book's undeployed capital from its vault to the
/// facility's redeem vault, where the book can fund its deals with it. Works while halted.
/// Signed by the beacon. Refused: any other signer, another facility's book, a book not
/// Unwinding, more than the vault holds.
#[derive(Accounts)]
pub struct Release<'info> {
    pub beacon: Signer<'info>,
    #[account(
        mut,
        has_one = beacon @ NfatError::NotBeacon,
        has_one = deposit_mint @ NfatError::WrongDepositMint,
        has_one = redeem_vault @ NfatError::WrongRedeemVault,
    )]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub book: Box<Account<'info, Book>>,
    /// CHECK: pinned to the book's vault.
    #[account(mut, address = book.vault @ NfatError::WrongBookVault)]
    pub book_vault: UncheckedAccount<'info>,
    /// CHECK: pinned to the facility's redeem vault.
    #[account(mut)]
    pub redeem_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
}

pub fn handler(ctx: Context<Release>, amount: u64) -> Result<()> {
    let a = ctx.accounts;
    a.book.release(amount)?;
    let m = MintRef {
        token_program: a.deposit_token_program.as_ref(),
        mint: a.deposit_mint.as_ref(),
        decimals: a.facility.deposit_decimals,
    };
    let facility_info = a.facility.to_account_info();
    move_tokens(
        m,
        a.book_vault.as_ref(),
        a.redeem_vault.as_ref(),
        Authority::Facility(&facility_info, &a.facility),
        amount,
    )?;
    a.facility.owe_from_redeem(amount)?;
    a.book.invariant(Some(amount_of(a.book_vault.as_ref())?))?;
    a.facility
        .invariant(None, Some(amount_of(a.redeem_vault.as_ref())?))?;
    halo_math::emit_event!(Returned {
        book: a.book.key(),
        amount,
        released: true,
        unallocated: a.book.unallocated()?,
    });
    Ok(())
}
