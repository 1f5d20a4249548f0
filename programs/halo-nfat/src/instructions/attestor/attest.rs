use anchor_lang::prelude::*;

use crate::{errors::NfatError, events::Attested, state::*};

/// lpha-attest posts a pre-deployment or at-rest attestation hash for a book (the second
/// key of the deployment gate). Refused: any signer but the attestor, another facility's
/// book, a zero hash, a closed book.
#[derive(Accounts)]
pub struct Attest<'info> {
    pub attestor: Signer<'info>,
    #[account(has_one = attestor @ NfatError::NotAttestor)]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub book: Box<Account<'info, Book>>,
}

pub fn handler(ctx: Context<Attest>, kind: AttestationKind, hash: [u8; 32]) -> Result<()> {
    let a = ctx.accounts;
    a.book.attest(kind, hash, Clock::get()?.unix_timestamp)?;
    a.book.invariant(None)?;
    halo_math::emit_event!(Attested {
        book: a.book.key(),
        by: a.attestor.key(),
        kind,
        hash,
        seq: a.book.seq,
    });
    Ok(())
}
