use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use super::pau_accounts::*;
use crate::{
    errors::NfatError,
    events::Deployed,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// Deploys `amount` of a Deploying book's capital to the RWA endpoint: from the book's
/// vault into PAU custody, then out along the facility's `nfat_deploy` route
/// (`halo_pau::draw`, rate limited, the facility PDA the integration). Signed by the
/// beacon. Refused: any other signer, halted, another facility's book, a book not
/// Deploying, more than the book's vault holds, a route or controller not the
/// facility's (and every refusal of `halo_pau::draw`).
#[derive(Accounts)]
pub struct Deploy<'info> {
    pub beacon: Signer<'info>,
    #[account(
        has_one = beacon @ NfatError::NotBeacon,
        has_one = deposit_mint @ NfatError::WrongDepositMint,
        constraint = facility.pau_controller == pau.controller.key() @ NfatError::WrongPauController,
        constraint = facility.deploy_rate_limit == pau.rate_limit.key() @ NfatError::WrongRateLimit,
    )]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub book: Box<Account<'info, Book>>,
    /// CHECK: pinned to the book's vault.
    #[account(mut, address = book.vault @ NfatError::WrongBookVault)]
    pub book_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    pub pau: PauAccounts<'info>,
    /// CHECK: the deploy route's counterparty (checked by `halo_pau`).
    #[account(mut)]
    pub endpoint: UncheckedAccount<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
}

impl Deploy<'_> {
    pub fn validate(&self) -> Result<()> {
        self.facility.require_live()
    }
}

pub fn handler(ctx: Context<Deploy>, amount: u64) -> Result<()> {
    let a = ctx.accounts;
    a.book.deploy(amount)?;
    let m = MintRef {
        token_program: a.deposit_token_program.as_ref(),
        mint: a.deposit_mint.as_ref(),
        decimals: a.facility.deposit_decimals,
    };
    let facility_info = a.facility.to_account_info();
    move_tokens(
        m,
        a.book_vault.as_ref(),
        a.pau.custody.as_ref(),
        Authority::Facility(&facility_info, &a.facility),
        amount,
    )?;
    a.pau
        .leg()
        .draw(&facility_info, &a.facility, m, a.endpoint.as_ref(), amount)?;
    a.book.invariant(Some(amount_of(a.book_vault.as_ref())?))?;
    halo_math::emit_event!(Deployed {
        book: a.book.key(),
        amount,
        deployed: a.book.deployed,
        vault_booked: a.book.vault_booked()?,
    });
    Ok(())
}
