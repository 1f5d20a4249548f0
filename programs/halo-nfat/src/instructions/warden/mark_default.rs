use anchor_lang::prelude::*;

use crate::{errors::NfatError, events::DealDefaulted, math::SafeMath, state::*};

/// Marks an active deal defaulted once it is past maturity plus the buybox's grace
/// period and not fully funded; later fundings are recovery, still the holder's. Signed
/// by the warden or governance. Refused: any other signer, another facility's deal, too
/// early, a fully funded deal, a deal already defaulted.
#[derive(Accounts)]
pub struct MarkDefault<'info> {
    pub signer: Signer<'info>,
    #[account(mut)]
    pub facility: Box<Account<'info, Facility>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub deal: Box<Account<'info, Deal>>,
}

impl MarkDefault<'_> {
    pub fn validate(&self) -> Result<()> {
        let k = self.signer.key();
        require!(
            k == self.facility.warden || k == self.facility.governance,
            NfatError::NotWarden
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<MarkDefault>) -> Result<()> {
    let a = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    a.deal.mark_default(now, a.facility.buybox.grace_period_s)?;
    a.facility.deals.defaulted = a.facility.deals.defaulted.safe_add(1)?;
    a.deal.invariant()?;
    a.facility.invariant(None, None)?;
    let l = &a.deal.ledger;
    halo_math::emit_event!(DealDefaulted {
        deal: a.deal.key(),
        by: a.signer.key(),
        unfunded_principal: a.deal.terms.principal.saturating_sub(l.funded.principal),
        unfunded_interest: l.total_interest.saturating_sub(l.funded.interest),
    });
    Ok(())
}
