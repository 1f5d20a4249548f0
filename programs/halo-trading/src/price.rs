//! Reading a pool's price: a `halo_oracle` feed at a pinned address, or a Pyth
//! `PriceUpdateV2` account for a pinned feed id. Never a cached fallback: a price that
//! fails a check refuses the instruction.
use anchor_lang::prelude::*;
use halo_math::pricing::{confidence_within, deviates, to_wad};
use halo_math::MathError;
use halo_oracle::state::Feed;

use crate::{constants::PYTH_RECEIVER_ID, errors::TradingError, state::*};

/// A price that passed every validity check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// precision: WAD, whole quote tokens per whole asset token.
    pub price_wad: u128,
    pub publish_ts: i64,
    /// precision: bps of the price, rounded up; the Pyth confidence interval (0 for a
    /// halo feed). Swaps widen both spreads by it.
    pub conf_bps: u32,
}

/// What a price is read for: swaps take the short `swap_max_staleness_s` and the
/// change interval; LP operations take `max_staleness_s`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    Swap,
    Lp,
}

/// Anchor discriminator of Pyth's `PriceUpdateV2`: `sha256("account:PriceUpdateV2")[..8]`.
pub const PRICE_UPDATE_V2_DISCRIMINATOR: [u8; 8] = [34, 241, 35, 99, 157, 126, 244, 205];

/// The fields of a `PriceUpdateV2` the pool uses, decoded from the documented layout:
/// discriminator (8), write_authority (32), verification_level (borsh enum: `0 u8` =
/// Partial { num_signatures }, `1` = Full), then the price message: feed_id (32),
/// price i64, conf u64, exponent i32, publish_time i64, prev_publish_time i64,
/// ema_price i64, ema_conf u64; then posted_slot u64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PythPrice {
    pub fully_verified: bool,
    pub feed_id: [u8; 32],
    pub price: i64,
    pub conf: u64,
    pub exponent: i32,
    pub publish_time: i64,
}

fn take<const N: usize>(data: &[u8], at: &mut usize) -> Option<[u8; N]> {
    let end = at.checked_add(N)?;
    let out: [u8; N] = data.get(*at..end)?.try_into().ok()?;
    *at = end;
    Some(out)
}

/// Decodes a `PriceUpdateV2`, or `None` if the bytes are not one.
pub fn decode_price_update_v2(data: &[u8]) -> Option<PythPrice> {
    let mut at = 0usize;
    if take::<8>(data, &mut at)? != PRICE_UPDATE_V2_DISCRIMINATOR {
        return None;
    }
    take::<32>(data, &mut at)?; // write_authority
    let fully_verified = match take::<1>(data, &mut at)?[0] {
        0 => {
            take::<1>(data, &mut at)?; // num_signatures
            false
        }
        1 => true,
        _ => return None,
    };
    let feed_id = take::<32>(data, &mut at)?;
    let price = i64::from_le_bytes(take::<8>(data, &mut at)?);
    let conf = u64::from_le_bytes(take::<8>(data, &mut at)?);
    let exponent = i32::from_le_bytes(take::<4>(data, &mut at)?);
    let publish_time = i64::from_le_bytes(take::<8>(data, &mut at)?);
    // prev_publish_time, ema_price, ema_conf, posted_slot must be present too
    take::<32>(data, &mut at)?;
    Some(PythPrice {
        fully_verified,
        feed_id,
        price,
        conf,
        exponent,
        publish_time,
    })
}

/// A feed's `value / 10^decimals` as a WAD price (`None` if not positive). Shared with the
/// beacon, which reads the same feeds off-chain.
pub fn feed_wad(value: u64, decimals: u8) -> core::result::Result<Option<u128>, MathError> {
    let value = i64::try_from(value).map_err(|_| MathError::Overflow)?;
    to_wad(value, 0i32.saturating_sub(i32::from(decimals)))
}

/// Validates the price account against the pool and returns its price. Checks, in order:
/// pinned address / owner / type, feed id, verification, positive price, confidence,
/// staleness (for `use_`), and that the publish time does not go behind one the pool
/// already used. Deviation is checked separately ([`check_deviation`]) so that `poke` can
/// act on it.
pub fn read(pool: &Pool, info: &AccountInfo, now: i64, use_: Use) -> Result<Reading> {
    let r = match pool.price_source {
        PriceSource::Fixed { price_wad } => {
            // governance's wind-down price: valid for LP operations only, never stale
            require!(use_ == Use::Lp, TradingError::WindDownPrice);
            return Ok(Reading {
                price_wad,
                publish_ts: now,
                conf_bps: 0,
            });
        }
        PriceSource::HaloFeed { feed } => {
            require_keys_eq!(info.key(), feed, TradingError::WrongPriceAccount);
            require_keys_eq!(*info.owner, halo_oracle::ID, TradingError::WrongOracleOwner);
            let data = info.try_borrow_data()?;
            let f =
                Feed::try_deserialize(&mut &data[..]).map_err(|_| TradingError::NotAPriceUpdate)?;
            let price_wad = feed_wad(f.value, f.decimals)
                .map_err(|_| TradingError::MathOverflow)?
                .ok_or(TradingError::NonPositivePrice)?;
            Reading {
                price_wad,
                publish_ts: f.publish_ts,
                conf_bps: 0,
            }
        }
        PriceSource::Pyth { feed_id } => {
            require_keys_eq!(
                *info.owner,
                PYTH_RECEIVER_ID,
                TradingError::WrongOracleOwner
            );
            let data = info.try_borrow_data()?;
            let p = decode_price_update_v2(&data).ok_or(TradingError::NotAPriceUpdate)?;
            require!(p.feed_id == feed_id, TradingError::WrongFeedId);
            require!(p.fully_verified, TradingError::NotFullyVerified);
            require!(p.price > 0, TradingError::NonPositivePrice);
            require!(
                confidence_within(
                    p.price.unsigned_abs(),
                    p.conf,
                    u32::from(pool.params.max_confidence_bps)
                ),
                TradingError::ConfidenceTooWide
            );
            let price_wad = to_wad(p.price, p.exponent)
                .map_err(|_| TradingError::MathOverflow)?
                .ok_or(TradingError::NonPositivePrice)?;
            require!(price_wad > 0, TradingError::NonPositivePrice);
            let conf_bps = halo_math::pricing::confidence_bps(p.price.unsigned_abs(), p.conf)
                .map_err(|_| TradingError::MathOverflow)?;
            Reading {
                price_wad,
                publish_ts: p.publish_time,
                conf_bps,
            }
        }
    };
    let max_age = match use_ {
        Use::Swap => pool.params.swap_max_staleness_s,
        Use::Lp => pool.params.max_staleness_s,
    };
    let age = now.saturating_sub(r.publish_ts);
    require!(age <= i64::from(max_age), TradingError::StalePrice);
    require!(
        r.publish_ts >= pool.last_price_ts,
        TradingError::PublishTimeWentBackwards
    );
    Ok(r)
}

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
    let from_last =
        deviates(r.price_wad, pool.last_price_wad, max).map_err(|_| TradingError::MathOverflow)?;
    let from_anchor =
        deviates(r.price_wad, anchor_wad, max).map_err(|_| TradingError::MathOverflow)?;
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
        emit!(crate::events::PriceObserved {
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

/// Reads (for `use_`), checks deviation and, for swaps, the swap rules, and records the
/// price as the pool's reference (and, for swaps, as the swap price).
pub fn accept(
    pool: &mut Account<Pool>,
    info: &AccountInfo,
    now: i64,
    use_: Use,
) -> Result<Reading> {
    let r = read(pool, info, now, use_)?;
    check_deviation(pool, &r, now)?;
    if use_ == Use::Swap {
        let slot = Clock::get()?.slot;
        check_swap_price(pool, &r, now, slot)?;
        if r.price_wad != pool.swap_price_wad {
            pool.swap_price_change_ts = now;
        }
        pool.swap_price_wad = r.price_wad;
        pool.swap_price_slot = slot;
    }
    record(pool, &r, now);
    Ok(r)
}

/// Bytes of a `PriceUpdateV2` in the receiver's documented layout (borsh, Anchor
/// discriminator), for tests and local chains where no Pyth receiver runs. Off-chain only.
pub fn price_update_v2_bytes(
    fully_verified: bool,
    feed_id: [u8; 32],
    price: i64,
    conf: u64,
    exponent: i32,
    publish_time: i64,
) -> Vec<u8> {
    let mut d = PRICE_UPDATE_V2_DISCRIMINATOR.to_vec();
    d.extend_from_slice(&[0u8; 32]); // write authority
    if fully_verified {
        d.push(1);
    } else {
        d.extend_from_slice(&[0, 3]); // Partial { num_signatures: 3 }
    }
    d.extend_from_slice(&feed_id);
    d.extend_from_slice(&price.to_le_bytes());
    d.extend_from_slice(&conf.to_le_bytes());
    d.extend_from_slice(&exponent.to_le_bytes());
    d.extend_from_slice(&publish_time.to_le_bytes());
    d.extend_from_slice(&publish_time.saturating_sub(1).to_le_bytes()); // prev publish time
    d.extend_from_slice(&price.to_le_bytes()); // ema price
    d.extend_from_slice(&conf.to_le_bytes()); // ema conf
    d.extend_from_slice(&0u64.to_le_bytes()); // posted slot
    d
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    #[test]
    fn discriminator_is_anchors() {
        use sha2::Digest;
        let h = sha2::Sha256::digest(b"account:PriceUpdateV2");
        assert_eq!(h[..8], PRICE_UPDATE_V2_DISCRIMINATOR);
    }

    #[test]
    fn decodes_full_and_partial() {
        let d = price_update_v2_bytes(true, [5; 32], 100_012_345, 1_000, -8, 1_700_000_000);
        assert_eq!(d.len(), 8 + 32 + 1 + 84 + 8);
        let p = decode_price_update_v2(&d).unwrap();
        assert!(p.fully_verified);
        assert_eq!(
            (p.feed_id, p.price, p.conf, p.exponent, p.publish_time),
            ([5; 32], 100_012_345, 1_000, -8, 1_700_000_000)
        );
        let d = price_update_v2_bytes(false, [5; 32], 1, 0, -8, 9);
        let p = decode_price_update_v2(&d).unwrap();
        assert!(!p.fully_verified);
        assert_eq!(p.publish_time, 9);
    }

    #[test]
    fn refuses_garbage() {
        let mut d = price_update_v2_bytes(true, [5; 32], 1, 0, -8, 9);
        assert!(decode_price_update_v2(&d[..d.len() - 1]).is_none());
        d[40] = 2; // not a verification level
        assert!(decode_price_update_v2(&d).is_none());
        d[40] = 1;
        d[0] ^= 1; // another account type
        assert!(decode_price_update_v2(&d).is_none());
    }
}
