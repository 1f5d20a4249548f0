use anchor_lang::prelude::*;
use halo_math::deal::Amounts;

use crate::{errors::NfatError, math::SafeMath, state::*};

/// What a deal owes and what its holder can redeem now (return data).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct DealView {
    pub status: DealStatus,
    pub principal_outstanding: u64,
    /// Funded and unclaimed: what the holder can redeem now.
    pub redeemable: Amounts,
    /// Not yet funded over the deal's life (penalty: recorded and unfunded).
    pub unfunded: Amounts,
    /// Due by now and not yet funded.
    pub overdue: Amounts,
    /// The penalty the next uncovered payment would record if covered now.
    pub penalty_accruing: u64,
    pub days_overdue: u64,
    pub paid_through: u32,
    pub payments: u32,
    pub maturity_ts: i64,
    /// Past maturity plus the grace period, unpaid and active: the warden may mark it.
    pub defaultable: bool,
}

/// The view's accounts: the facility (its late rate and grace period) and the deal.
#[derive(Accounts)]
pub struct ViewDeal<'info> {
    pub facility: Box<Account<'info, Facility>>,
    #[account(has_one = facility @ NfatError::OfAnotherFacility)]
    pub deal: Box<Account<'info, Deal>>,
}

pub fn handler(ctx: Context<ViewDeal>) -> Result<DealView> {
    let (f, d) = (&ctx.accounts.facility, &ctx.accounts.deal);
    let now = Clock::get()?.unix_timestamp;
    let s = d
        .ledger
        .standing(&d.terms, now, f.buybox.late_penalty_bps_per_day)
        .map_err(|_| error!(NfatError::MathOverflow))?;
    let defaultable = d.status == DealStatus::Active
        && now >= d.maturity_ts.safe_add(f.buybox.grace_period_s)?
        && !d.ledger.fully_funded(&d.terms);
    halo_accounts::answer(DealView {
        status: d.status,
        principal_outstanding: d.ledger.principal_outstanding,
        redeemable: s.redeemable,
        unfunded: s.unfunded,
        overdue: s.overdue,
        penalty_accruing: s.penalty_accruing,
        days_overdue: s.days_overdue,
        paid_through: d.ledger.paid_through,
        payments: d.terms.payments,
        maturity_ts: d.maturity_ts,
        defaultable,
    })
}
