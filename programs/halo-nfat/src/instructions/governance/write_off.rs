use anchor_lang::prelude::*;

use crate::{errors::NfatError, events::DealWrittenOff, state::*};

/// Writes a defaulted deal off: nothing more is owed on it (its principal never repaid
/// leaves the facility's totals); the holder can still burn the NFT through `redeem`.
/// Signed by governance. Refused: not governance, another facility's deal, a deal not
/// defaulted, or one with funded money its holder has not claimed (that is the holder's).
#[derive(Accounts)]
pub struct WriteOff<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ NfatError::NotGovernance)]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub deal: Box<Account<'info, Deal>>,
}

impl WriteOff<'_> {
    pub fn validate(&self) -> Result<()> {
        require!(
            self.deal.status == DealStatus::Defaulted,
            NfatError::DealNotDefaulted
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<WriteOff>) -> Result<()> {
    let a = ctx.accounts;
    let lost = a.deal.write_off()?;
    a.facility.close_deal(true, lost)?;
    a.deal.invariant()?;
    a.facility.invariant(None, None)?;
    halo_math::emit_event!(DealWrittenOff {
        deal: a.deal.key(),
        by: a.governance.key(),
        principal_lost: lost,
    });
    Ok(())
}
