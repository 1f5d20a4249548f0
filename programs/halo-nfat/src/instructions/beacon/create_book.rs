use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::{constants::*, errors::NfatError, events::BookCreated, state::*};

/// Creates the facility's next book (Created) and its vault (owned by the facility).
/// Signed by the beacon. Refused: any other signer, a mint or token program not the
/// facility's.
#[derive(Accounts)]
pub struct CreateBook<'info> {
    #[account(mut)]
    pub beacon: Signer<'info>,
    #[account(mut, has_one = beacon @ NfatError::NotBeacon, has_one = deposit_mint @ NfatError::WrongDepositMint)]
    pub facility: Box<Account<'info, Facility>>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_BOOK, facility.key().as_ref(), &facility.next_book_id.to_le_bytes()], bump)]
    pub book: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_BOOK_VAULT, book.key().as_ref(), deposit_mint.key().as_ref()], bump)]
    pub book_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<CreateBook>) -> Result<()> {
    let bumps = (ctx.bumps.book, ctx.bumps.book_vault);
    let a = ctx.accounts;
    let facility_key = a.facility.key();
    let book_key = a.book.key();
    let mint_key = a.deposit_mint.key();
    let payer = a.beacon.to_account_info();
    let system = a.system_program.to_account_info();
    halo_accounts::create_token_account(
        &payer,
        &a.book_vault,
        &system,
        &a.deposit_token_program.to_account_info(),
        &a.deposit_mint,
        &facility_key,
        &[
            SEED_BOOK_VAULT,
            book_key.as_ref(),
            mint_key.as_ref(),
            &[bumps.1],
        ],
    )?;
    let book_id = a.facility.take_book_id()?;
    let record = Book::new(
        bumps.0,
        facility_key,
        book_id,
        a.book_vault.key(),
        Clock::get()?.unix_timestamp,
    );
    let id = book_id.to_le_bytes();
    halo_accounts::create_program_account(
        &payer,
        &a.book,
        &system,
        &Book::signer_seeds(&facility_key, &id, &[bumps.0]),
        &crate::ID,
        &record,
    )?;
    record.invariant(Some(0))?;
    a.facility.invariant(None, None)?;
    halo_math::emit_event!(BookCreated {
        facility: facility_key,
        book: book_key,
        book_id,
        vault: record.vault,
    });
    Ok(())
}
