use anchor_lang::prelude::*;

use crate::state::LctsUnit;

/// The unit's exchange rate as return data, for programs composing with it.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExchangeRateView {
    /// precision: WAD; USDS base units per share base unit.
    pub rate_wad: u128,
    /// precision: unix seconds.
    pub updated_at: i64,
    /// Older than an epoch: settlement refuses it until the beacon or governance
    /// refreshes it.
    pub stale: bool,
}

/// Read-only: the unit's exchange rate, its last update and whether it is stale.
#[derive(Accounts)]
pub struct ExchangeRate<'info> {
    pub unit: Box<Account<'info, LctsUnit>>,
}

pub fn handler(ctx: Context<ExchangeRate>) -> Result<ExchangeRateView> {
    let unit = &ctx.accounts.unit;
    let now = Clock::get()?.unix_timestamp;
    halo_accounts::answer(ExchangeRateView {
        rate_wad: unit.rate_wad,
        updated_at: unit.rate_updated_at,
        stale: unit.rate_is_stale(now),
    })
}
