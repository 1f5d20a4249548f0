use anchor_lang::prelude::*;

use crate::{errors::LctsError, events::ExchangeRateUpdated, state::*};

/// The beacon refreshes the exchange rate from its NAV input: at most once per epoch and
/// within governance's bounds of the current rate (up for yield, down for a haircut).
/// Refused: not the beacon, zero, too soon, above or below the bound.
#[derive(Accounts)]
pub struct UpdateExchangeRate<'info> {
    pub beacon: Signer<'info>,
    #[account(mut, has_one = beacon @ LctsError::NotBeacon)]
    pub unit: Box<Account<'info, LctsUnit>>,
}

impl UpdateExchangeRate<'_> {
    /// A usable rate value (the epoch and the bounds are checked by `LctsUnit::update_rate`,
    /// with the clock it reads).
    pub fn validate(&self, rate_wad: u128) -> Result<()> {
        check_rate_value(rate_wad)
    }
}

pub fn handler(ctx: Context<UpdateExchangeRate>, rate_wad: u128) -> Result<()> {
    let UpdateExchangeRate { beacon, unit } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let old = unit.update_rate(rate_wad, now)?;
    unit.invariant()?;
    halo_math::emit_event!(ExchangeRateUpdated {
        unit: unit.key(),
        by: beacon.key(),
        by_governance: false,
        old_rate_wad: old,
        new_rate_wad: rate_wad,
        updated_at: now,
    });
    Ok(())
}
