//! Reading a pool's price: a `halo_oracle` feed at a pinned address, or a Pyth
//! `PriceUpdateV2` account for a pinned feed id. Never a cached fallback: a price that
//! fails a check refuses the instruction.
use crate::math::OrOverflow;
use anchor_lang::prelude::*;
use halo_math::pricing::{confidence_within, to_wad};
use halo_math::MathError;
use halo_oracle::state::Feed;

use super::guard::{check_deviation, check_swap_price, record};
use super::pyth::decode_price_update_v2;
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
                .or_overflow()?
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
                .or_overflow()?
                .ok_or(TradingError::NonPositivePrice)?;
            require!(price_wad > 0, TradingError::NonPositivePrice);
            let conf_bps =
                halo_math::pricing::confidence_bps(p.price.unsigned_abs(), p.conf).or_overflow()?;
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

/// Reads (for `use_`), checks deviation and, for swaps, the swap rules, and records the
/// price as the pool's reference (and, for swaps, as the swap price).
pub fn accept(
    pool: &mut Account<Pool>,
    info: &AccountInfo,
    now: i64,
    use_: Use,
) -> Result<Reading> {
    let slot = if use_ == Use::Swap {
        Clock::get()?.slot
    } else {
        0
    };
    accept_at(pool, info, now, slot, use_)
}

/// [`accept`] at a clock the caller already read (`slot` matters for swaps only): a swap
/// reads the clock once.
pub fn accept_at(
    pool: &mut Account<Pool>,
    info: &AccountInfo,
    now: i64,
    slot: u64,
    use_: Use,
) -> Result<Reading> {
    let r = read(pool, info, now, use_)?;
    check_deviation(pool, &r, now)?;
    if use_ == Use::Swap {
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

/// The pool's value for an exit (withdrawals, returning USDS to the PAU), rounded down.
/// With no inventory it needs no price: LPs can leave a pool whose oracle is stale or gone.
pub fn exit_value(pool: &mut Account<Pool>, info: &AccountInfo, now: i64) -> Result<u64> {
    if pool.inventory == 0 {
        let last = pool.last_price_wad;
        pool.value(last)
    } else {
        let reading = accept(pool, info, now, Use::Lp)?;
        pool.value(reading.price_wad)
    }
}
