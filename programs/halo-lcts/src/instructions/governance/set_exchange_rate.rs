use anchor_lang::prelude::*;

use crate::events::ExchangeRateUpdated;

use super::GovernedUnit;

/// Governance sets the exchange rate outside the beacon's bounds and epoch (a haircut
/// beyond the bound, or a refresh when the beacon stopped); the rate is fresh again.
/// Refused: not governance, a zero or absurd rate.
pub fn handler(ctx: Context<GovernedUnit>, rate_wad: u128) -> Result<()> {
    let GovernedUnit {
        governance, unit, ..
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let old = unit.set_rate(rate_wad, now);
    unit.invariant()?;
    halo_math::emit_event!(ExchangeRateUpdated {
        unit: unit.key(),
        by: governance.key(),
        by_governance: true,
        old_rate_wad: old,
        new_rate_wad: rate_wad,
        updated_at: now,
    });
    Ok(())
}
