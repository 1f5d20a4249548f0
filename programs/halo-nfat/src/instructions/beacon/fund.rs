use anchor_lang::prelude::*;
use halo_math::deal::Amounts;

use crate::{errors::NfatError, events::DealFunded, math::OrOverflow, state::*};

/// Funds a deal from its book's returned capital (already in the redeem vault: this
/// allocates it to the deal's holder). A payment after a due date records the days late
/// and the penalty at the buybox's rate. When a book returns less than its deals are
/// owed, lpha-nfat funds them pro rata to principal (pari passu). Signed by the beacon.
/// Refused: any other signer, halted, another facility's deal or book, a deal of another
/// book, more than the book has unallocated, more than the deal is owed, a written-off deal.
#[derive(Accounts)]
pub struct Fund<'info> {
    pub beacon: Signer<'info>,
    #[account(has_one = beacon @ NfatError::NotBeacon)]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub book: Box<Account<'info, Book>>,
    #[account(
        mut,
        has_one = facility @ NfatError::OfAnotherFacility,
        has_one = book @ NfatError::DealOfAnotherBook,
    )]
    pub deal: Box<Account<'info, Deal>>,
}

impl Fund<'_> {
    pub fn validate(&self) -> Result<()> {
        self.facility.require_live()
    }
}

pub fn handler(ctx: Context<Fund>, principal: u64, interest: u64, penalty: u64) -> Result<()> {
    let a = ctx.accounts;
    let add = Amounts {
        principal,
        interest,
        penalty,
    };
    let total = add.total().or_overflow()?;
    a.book.allocate(total)?;
    let now = Clock::get()?.unix_timestamp;
    let out = a
        .deal
        .fund(add, now, a.facility.buybox.late_penalty_bps_per_day)?;
    a.book.invariant(None)?;
    a.deal.invariant()?;
    let l = &a.deal.ledger;
    halo_math::emit_event!(DealFunded {
        deal: a.deal.key(),
        by: a.beacon.key(),
        from_book: true,
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
