use anchor_lang::prelude::*;

use crate::{errors::NfatError, events::BookMoved, state::*};

/// Moves a book along its lifecycle: Filling → Deploying needs a pre-deployment
/// attestation newer than the book's last status change, Deploying → AtRest an at-rest
/// one; Deploying or AtRest → Unwinding; Unwinding → Closed once nothing is left in its
/// vault or unallocated. (Created → Filling happens with the first deal.) Signed by the
/// beacon. Refused: any other signer, another facility's book, any other move, a move
/// without its fresh attestation, deploying while halted.
#[derive(Accounts)]
pub struct MoveBook<'info> {
    pub beacon: Signer<'info>,
    #[account(has_one = beacon @ NfatError::NotBeacon)]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub book: Box<Account<'info, Book>>,
}

pub fn handler(ctx: Context<MoveBook>, to: BookStatus) -> Result<()> {
    let a = ctx.accounts;
    if to == BookStatus::Deploying {
        a.facility.require_live()?;
    }
    let from = a.book.advance(to, Clock::get()?.unix_timestamp)?;
    a.book.invariant(None)?;
    halo_math::emit_event!(BookMoved {
        book: a.book.key(),
        by: a.beacon.key(),
        from,
        to,
        seq: a.book.seq,
    });
    Ok(())
}
