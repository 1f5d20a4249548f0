//! The price guards of a pool: the deviation window (a price may not move more than
//! `max_deviation_bps` from the window's anchor), the swap-price rules (one price per
//! slot, a minimum interval between changes), and recording an accepted price.
use crate::math::OrOverflow;
use anchor_lang::prelude::*;
use halo_math::pricing::deviates;

use super::reading::Reading;
use crate::{errors::TradingError, state::*};

/// The deviation guard's anchor at `now`: the current window's reference, or the last
/// accepted price when a new window opens (`DEVIATION_WINDOW_S`).
pub fn anchor(pool: &Pool, now: i64) -> (u128, i64) {
    let expired = now
        >= pool
            .ref_window_start
            .saturating_add(crate::constants::DEVIATION_WINDOW_S);
    if pool.ref_price_wad == 0 || expired {
        (pool.last_price_wad, now)
    } else {
        (pool.ref_price_wad, pool.ref_window_start)
    }
}

/// True when the reading moved more than `max_deviation_bps` from the last accepted price,
/// or from the window's anchor (so steps just under the bound cannot walk the price).
pub fn deviated(pool: &Pool, r: &Reading, now: i64) -> Result<bool> {
    let max = u32::from(pool.params.max_deviation_bps);
    let (anchor_wad, _) = anchor(pool, now);
    let from_last = deviates(r.price_wad, pool.last_price_wad, max).or_overflow()?;
    let from_anchor = deviates(r.price_wad, anchor_wad, max).or_overflow()?;
    Ok(from_last || from_anchor)
}

pub fn check_deviation(pool: &Pool, r: &Reading, now: i64) -> Result<()> {
    require!(!deviated(pool, r, now)?, TradingError::PriceDeviation);
    Ok(())
}

/// The swap rules: a swap may not trade on another price than a swap of the same slot
/// (one transaction, one price), and a changed price only `min_price_interval_s` after the
/// last change a swap saw. Measured against the swap price, which `poke` and LP operations
/// never move, so neither can be used to get around them.
pub fn check_swap_price(pool: &Pool, r: &Reading, now: i64, slot: u64) -> Result<()> {
    if pool.swap_price_wad == 0 || r.price_wad == pool.swap_price_wad {
        return Ok(());
    }
    require!(
        slot != pool.swap_price_slot,
        TradingError::PriceChangedThisSlot
    );
    require!(
        now >= pool
            .swap_price_change_ts
            .saturating_add(i64::from(pool.params.min_price_interval_s)),
        TradingError::PriceChangeTooSoon
    );
    Ok(())
}

/// Records `r` as the pool's accepted price and moves the deviation anchor; emits
/// `PriceObserved` when the value changed.
pub fn record(pool: &mut Account<Pool>, r: &Reading, now: i64) {
    let (ref_price_wad, ref_window_start) = anchor(pool, now);
    pool.ref_price_wad = ref_price_wad;
    pool.ref_window_start = ref_window_start;
    let changed = r.price_wad != pool.last_price_wad;
    pool.last_price_wad = r.price_wad;
    pool.last_price_ts = r.publish_ts;
    if changed {
        halo_math::emit_event!(crate::events::PriceObserved {
            pool: pool.key(),
            price_wad: r.price_wad,
            publish_ts: r.publish_ts,
        });
    }
}

/// Re-anchors the pool on `r` (creation, `resume_pool` after review): the price becomes
/// the reference of a new deviation window.
pub fn reanchor(pool: &mut Account<Pool>, r: &Reading, now: i64) {
    record(pool, r, now);
    anchor_on(pool, r, now);
}

/// Makes `r` the pool's last price and the anchor of a new deviation window (no event:
/// `create_pool` announces it in `PoolCreated`, `reanchor` through `record`).
pub fn anchor_on(pool: &mut Pool, r: &Reading, now: i64) {
    pool.last_price_wad = r.price_wad;
    pool.last_price_ts = r.publish_ts;
    pool.ref_price_wad = r.price_wad;
    pool.ref_window_start = now;
}
