use anchor_lang::prelude::*;
use halo_math::lcts::{check_rate_update, rate_is_stale, RateBounds, RateUpdateError};

use crate::{
    constants::*,
    errors::LctsError,
    math::{OrOverflow, SafeMath},
    state::QueueSide,
};

/// What governance sets on a unit (`create_unit`, `set_unit_params`).
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitParams {
    /// precision: bps; the most one beacon update may raise the exchange rate.
    pub max_rate_up_bps: u16,
    /// precision: bps; the most one beacon update may lower it (a haircut).
    pub max_rate_down_bps: u16,
    /// precision: seconds; the beacon updates the rate at most once per epoch, and a rate
    /// older than an epoch is stale. Also the length of the lock cycle.
    pub epoch_s: i64,
    /// precision: seconds after the start of each epoch (unix time modulo `epoch_s`) at
    /// which the lock window opens.
    pub lock_offset_s: i64,
    /// precision: seconds; how long the lock window stays open (`epoch_s`: any time).
    pub lock_window_s: i64,
    /// precision: seconds; a generation LOCKED longer than this may be unlocked, and
    /// net-settled, by anyone.
    pub max_lock_s: i64,
    /// precision: base units; a settlement that would leave less than this converts it
    /// too, so the generation finalizes.
    pub dust: u64,
    /// precision: base units; the smallest entry.
    pub min_entry: u64,
}

impl UnitParams {
    /// Governance's bounds: an epoch of a minute to a month, the window inside it, a lock
    /// bound of a minute to a week, rate moves within their caps, a positive minimum entry.
    pub fn validate(&self) -> Result<()> {
        require!(
            (MIN_EPOCH_S..=MAX_EPOCH_S).contains(&self.epoch_s),
            LctsError::BadEpoch
        );
        require!(
            self.lock_offset_s >= 0
                && self.lock_window_s > 0
                && self.lock_offset_s.safe_add(self.lock_window_s)? <= self.epoch_s,
            LctsError::BadLockWindow
        );
        require!(
            (MIN_MAX_LOCK_S..=MAX_MAX_LOCK_S).contains(&self.max_lock_s),
            LctsError::BadMaxLock
        );
        require!(
            self.max_rate_up_bps <= MAX_RATE_UP_BPS && self.max_rate_down_bps <= MAX_RATE_DOWN_BPS,
            LctsError::BadRateBounds
        );
        require!(self.min_entry > 0, LctsError::BadMinimumEntry);
        require!(
            self.dust > 0 && self.dust <= self.min_entry,
            LctsError::BadDust
        );
        Ok(())
    }

    pub fn rate_bounds(&self) -> RateBounds {
        RateBounds {
            max_up_bps: self.max_rate_up_bps,
            max_down_bps: self.max_rate_down_bps,
            epoch_s: self.epoch_s,
        }
    }

    /// Seconds into the current epoch at `now` (unsigned arithmetic: SBF has no signed
    /// division), and the epoch length.
    fn epoch_position(&self, now: i64) -> Result<(i64, i64)> {
        let epoch = u64::try_from(self.epoch_s.max(1)).or_overflow()?;
        let into = u64::try_from(now)
            .or_overflow()?
            .checked_rem(epoch)
            .or_overflow()?;
        Ok((
            i64::try_from(into).or_overflow()?,
            i64::try_from(epoch).or_overflow()?,
        ))
    }

    /// When the lock window of the epoch containing `now` opens (it may be closed now).
    pub fn window_start(&self, now: i64) -> Result<i64> {
        let (into, _) = self.epoch_position(now)?;
        now.safe_sub(into)?.safe_add(self.lock_offset_s)
    }

    /// The lock window is open at `now`.
    pub fn lock_window_open(&self, now: i64) -> Result<bool> {
        let (into, _) = self.epoch_position(now)?;
        Ok(into >= self.lock_offset_s && into < self.lock_offset_s.safe_add(self.lock_window_s)?)
    }

    /// When the lock window next opens at or after `now` (now, if it is open).
    pub fn next_lock_at(&self, now: i64) -> Result<i64> {
        if self.lock_window_open(now)? {
            return Ok(now);
        }
        let (into, epoch) = self.epoch_position(now)?;
        let start = now.safe_sub(into)?.safe_add(self.lock_offset_s)?;
        if start > now {
            Ok(start)
        } else {
            start.safe_add(epoch)
        }
    }
}

/// The unit's roles, mints and PAU wiring (`LctsUnit::new`).
#[derive(Clone, Copy, Debug)]
pub struct UnitSetup {
    pub bump: u8,
    pub class: Pubkey,
    pub unit_id: u64,
    pub underlying_mint: Pubkey,
    pub underlying_decimals: u8,
    pub underlying_token_program: Pubkey,
    pub share_mint: Pubkey,
    pub share_mint_bump: u8,
    pub pau_controller: Pubkey,
    pub beacon: Pubkey,
    pub freezer: Pubkey,
    pub rate_wad: u128,
    pub now: i64,
    pub params: UnitParams,
}

/// A Passthrough Halo Unit. Seeds: `["unit", class, unit_id]`. The PDA owns both queues'
/// vaults, is the share mint's mint authority and the PAU integration that draws along the
/// deploy and return routes.
#[account]
#[derive(InitSpace, Debug)]
pub struct LctsUnit {
    pub version: u8,
    pub bump: u8,
    pub class: Pubkey,
    pub unit_id: u64,
    /// USDS.
    pub underlying_mint: Pubkey,
    pub underlying_decimals: u8,
    pub underlying_token_program: Pubkey,
    /// The Halo Unit share mint (Token-2022, metadata on the mint; authority: this PDA).
    pub share_mint: Pubkey,
    pub share_mint_bump: u8,
    /// The `halo_pau` controller whose custody converts.
    pub pau_controller: Pubkey,
    /// The PAU rate-limit account of the deploy route (custody → the strategy); default
    /// until `set_unit_routes`.
    pub deploy_rate_limit: Pubkey,
    /// The PAU rate-limit account of the return route (custody → the redeem queue).
    pub return_rate_limit: Pubkey,
    /// lpha-lcts: locks, settles, updates the rate within bounds. No governance power.
    pub beacon: Pubkey,
    /// May pause the unit or a side; cannot unpause.
    pub freezer: Pubkey,
    /// The subscribe and redeem queues (default until created).
    pub subscribe_queue: Pubkey,
    pub redeem_queue: Pubkey,
    /// `PAUSE_*` flags.
    pub paused: u8,
    /// precision: WAD; underlying base units per share base unit.
    pub rate_wad: u128,
    /// precision: unix seconds; when the rate was last set.
    pub rate_updated_at: i64,
    pub params: UnitParams,
    pub reserved: [u8; 64],
}

impl LctsUnit {
    /// `["unit", class, unit_id le, bump]`.
    pub fn signer_seeds<'a>(
        class: &'a Pubkey,
        unit_id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_UNIT, class.as_ref(), unit_id_le, bump]
    }

    /// Runs `f` with the unit's signer seeds.
    pub fn with_signer<R>(&self, f: impl FnOnce(&[&[&[u8]]]) -> R) -> R {
        let id = self.unit_id.to_le_bytes();
        let bump = [self.bump];
        let seeds = Self::signer_seeds(&self.class, &id, &bump);
        f(&[&seeds])
    }

    pub fn new(s: UnitSetup) -> Self {
        Self {
            version: ACCOUNT_VERSION,
            bump: s.bump,
            class: s.class,
            unit_id: s.unit_id,
            underlying_mint: s.underlying_mint,
            underlying_decimals: s.underlying_decimals,
            underlying_token_program: s.underlying_token_program,
            share_mint: s.share_mint,
            share_mint_bump: s.share_mint_bump,
            pau_controller: s.pau_controller,
            deploy_rate_limit: Pubkey::default(),
            return_rate_limit: Pubkey::default(),
            beacon: s.beacon,
            freezer: s.freezer,
            subscribe_queue: Pubkey::default(),
            redeem_queue: Pubkey::default(),
            paused: 0,
            rate_wad: s.rate_wad,
            rate_updated_at: s.now,
            params: s.params,
            reserved: [0; 64],
        }
    }

    /// Entering or settling `side` is paused (the unit or that side).
    pub fn is_paused(&self, side: QueueSide) -> bool {
        let flag = match side {
            QueueSide::Subscribe => PAUSE_SUBSCRIBE,
            QueueSide::Redeem => PAUSE_REDEEM,
        };
        self.paused & (PAUSE_UNIT | flag) != 0
    }

    pub fn check_not_paused(&self, side: QueueSide) -> Result<()> {
        require!(!self.is_paused(side), LctsError::Paused);
        Ok(())
    }

    pub fn rate_is_stale(&self, now: i64) -> bool {
        rate_is_stale(self.rate_updated_at, now, self.params.epoch_s)
    }

    /// Settlement needs a fresh rate.
    pub fn check_rate_fresh(&self, now: i64) -> Result<()> {
        require!(!self.rate_is_stale(now), LctsError::RateStale);
        Ok(())
    }

    /// The beacon's update: once per epoch, within governance's bounds. Returns the old rate.
    pub fn update_rate(&mut self, new_wad: u128, now: i64) -> Result<u128> {
        check_rate_update(
            self.rate_wad,
            new_wad,
            self.rate_updated_at,
            now,
            &self.params.rate_bounds(),
        )
        .map_err(|e| match e {
            RateUpdateError::Zero => error!(LctsError::ZeroRate),
            RateUpdateError::TooSoon => error!(LctsError::RateUpdateTooSoon),
            RateUpdateError::AboveBound => error!(LctsError::RateAboveBound),
            RateUpdateError::BelowBound => error!(LctsError::RateBelowBound),
            RateUpdateError::Math(_) => error!(LctsError::MathOverflow),
        })?;
        Ok(self.set_rate(new_wad, now))
    }

    /// Sets the rate (governance, no bounds); returns the old one.
    pub fn set_rate(&mut self, new_wad: u128, now: i64) -> u128 {
        let old = self.rate_wad;
        self.rate_wad = new_wad;
        self.rate_updated_at = now;
        old
    }

    /// The route `side` converts along: deploy (subscribe) or return (redeem). Refused
    /// while governance has not set the routes.
    pub fn route_of(&self, side: QueueSide) -> Result<Pubkey> {
        let route = match side {
            QueueSide::Subscribe => self.deploy_rate_limit,
            QueueSide::Redeem => self.return_rate_limit,
        };
        require!(route != Pubkey::default(), LctsError::RoutesNotSet);
        Ok(route)
    }

    /// The queue account of `side` as recorded on the unit.
    pub fn queue_of(&self, side: QueueSide) -> Pubkey {
        match side {
            QueueSide::Subscribe => self.subscribe_queue,
            QueueSide::Redeem => self.redeem_queue,
        }
    }

    /// A positive rate, parameters within governance's bounds, no unknown pause flag.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.version == ACCOUNT_VERSION
                && self.rate_wad > 0
                && self.paused & !PAUSE_ALL == 0
                && self.params.validate().is_ok(),
            LctsError::UnitInvariantBroken
        );
        Ok(())
    }
}

/// A rate value is usable: positive and at most `MAX_RATE_WAD` (a billion USDS base units
/// per share base unit), so netting's rounding stays within one base unit of value.
pub fn check_rate_value(rate_wad: u128) -> Result<()> {
    require!(rate_wad > 0, LctsError::ZeroRate);
    require!(rate_wad <= MAX_RATE_WAD, LctsError::RateAboveBound);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn params() -> UnitParams {
        UnitParams {
            max_rate_up_bps: 100,
            max_rate_down_bps: 500,
            epoch_s: 86_400,
            lock_offset_s: 3_600,
            lock_window_s: 7_200,
            max_lock_s: DEFAULT_MAX_LOCK_S,
            dust: 10,
            min_entry: 1_000_000,
        }
    }

    #[test]
    fn size_is_stable() {
        assert_eq!(UnitParams::INIT_SPACE, 2 + 2 + 8 * 4 + 8 + 8);
        assert_eq!(
            LctsUnit::INIT_SPACE,
            2 + 32 + 8 + 32 + 1 + 32 + 32 + 1 + 32 * 3 + 32 * 2 + 32 * 2 + 1 + 16 + 8 + 52 + 64
        );
    }

    #[test]
    fn params_bounds() {
        assert!(params().validate().is_ok());
        let bad = [
            UnitParams {
                epoch_s: 10,
                ..params()
            },
            UnitParams {
                lock_window_s: 0,
                ..params()
            },
            UnitParams {
                lock_offset_s: 86_000,
                ..params()
            },
            UnitParams {
                lock_offset_s: -1,
                ..params()
            },
            UnitParams {
                max_lock_s: 0,
                ..params()
            },
            UnitParams {
                max_rate_down_bps: 6_000,
                ..params()
            },
            UnitParams {
                min_entry: 0,
                ..params()
            },
            UnitParams {
                dust: 0,
                ..params()
            },
            UnitParams {
                dust: 2_000_000,
                ..params()
            },
        ];
        for p in bad {
            assert!(p.validate().is_err(), "{p:?}");
        }
    }

    #[test]
    fn the_lock_window_and_the_next_lock() {
        let p = params();
        let day = 86_400 * 20_000;
        assert!(!p.lock_window_open(day).unwrap());
        assert_eq!(p.next_lock_at(day).unwrap(), day + 3_600);
        assert!(p.lock_window_open(day + 3_600).unwrap());
        assert_eq!(p.next_lock_at(day + 5_000).unwrap(), day + 5_000);
        assert!(!p.lock_window_open(day + 10_800).unwrap());
        assert_eq!(p.next_lock_at(day + 10_800).unwrap(), day + 86_400 + 3_600);
    }

    #[test]
    fn rate_values() {
        assert!(check_rate_value(0).is_err());
        assert!(check_rate_value(WAD).is_ok());
        assert!(check_rate_value(MAX_RATE_WAD).is_ok());
        assert!(check_rate_value(MAX_RATE_WAD + 1).is_err());
    }
}
