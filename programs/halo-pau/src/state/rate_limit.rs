use anchor_lang::prelude::*;
use halo_math::RateLimitState;

use crate::constants::{ACCOUNT_VERSION, MAX_TAG_LEN, MAX_TRANSFER_FEE_BPS, SEED_RATE_LIMIT};
use crate::errors::PauError;
use crate::math::SafeMath;

/// A route's rate limit on one PAU. Seeds: `["rate_limit", controller, key]`.
/// The preimage of the key (tag, mint, counterparty) is stored so that every movement can
/// check the mint and the counterparty account it is given.
#[account]
#[derive(InitSpace, Debug)]
pub struct RateLimit {
    pub version: u8,
    pub bump: u8,
    pub controller: Pubkey,
    pub key: [u8; 32],
    /// Action tag, zero-padded; `tag[..tag_len]` is what was hashed.
    pub tag: [u8; 16],
    pub tag_len: u8,
    pub mint: Pubkey,
    /// The token account at the other end of the route.
    pub counterparty: Pubkey,
    /// The owner that token account had when the route opened; every movement checks it
    /// (an SPL token account's owner can be reassigned).
    pub counterparty_owner: Pubkey,
    /// precision: basis points; the most a movement may lose to a Token-2022 transfer fee
    /// (the configurator's maximum when the route opened).
    pub max_fee_bps: u16,
    /// The bucket (precision: base units of `mint`; `max_amount == u64::MAX` = unlimited,
    /// `0` = closed; `slope` per second; `last_updated` in unix seconds).
    pub limit: RateLimitState,
    /// precision: unix seconds; last SORL-checked increase (creation counts).
    pub last_increase_ts: i64,
    /// precision: base units; cumulative outflow along this route.
    pub total_out: u128,
    /// precision: base units; cumulative inflow credited back to this route.
    pub total_in: u128,
    pub reserved: [u8; 30],
}

/// The rate limit's post-state, as carried by events.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimitSnapshot {
    pub max_amount: u64,
    pub slope: u64,
    pub last_amount: u64,
    pub last_updated: i64,
    pub available: u64,
}

impl RateLimit {
    /// Calls `f` with the rate limit's signer seeds `["rate_limit", controller, key, bump]`
    /// (also before the account exists, to create it).
    pub fn with_seeds<R>(
        controller: &Pubkey,
        key: &[u8; 32],
        bump: u8,
        f: impl FnOnce(&[&[u8]]) -> R,
    ) -> R {
        f(&[SEED_RATE_LIMIT, controller.as_ref(), key.as_ref(), &[bump]])
    }

    pub fn tag(&self) -> &[u8] {
        &self.tag[..usize::from(self.tag_len).min(self.tag.len())]
    }

    /// Takes `amount` out of the bucket for an outflow and counts it, or refuses and
    /// changes nothing.
    pub fn consume_out(&mut self, now: i64, amount: u64) -> Result<()> {
        let mut limit = self.limit;
        limit
            .consume(now, amount)
            .map_err(crate::limits::rate_limit_error)?;
        self.total_out = self.total_out.safe_add(u128::from(amount))?;
        self.limit = limit;
        Ok(())
    }

    /// Gives `received` back to the bucket (capped at max) for an inflow and counts it.
    pub fn give_back_in(&mut self, now: i64, received: u64) -> Result<()> {
        let total_in = self.total_in.safe_add(u128::from(received))?;
        self.limit.give_back(now, received);
        self.total_in = total_in;
        Ok(())
    }

    /// New limits under the configurator's SORL: `reopen_cap` bounds the reopening of a
    /// value at zero (the init's bounds; `(0, 0)` for a decrease). Accrues, then clamps to
    /// the new max (a set never refills). An increase restarts the SORL hop.
    pub fn set_limits(
        &mut self,
        sorl: halo_math::SorlParams,
        now: i64,
        new: (u64, u64),
        reopen_cap: (u64, u64),
    ) -> Result<()> {
        let old = (self.limit.max_amount, self.limit.slope);
        let outcome =
            crate::limits::check_sorl(sorl, now, self.last_increase_ts, old, new, reopen_cap)?;
        if outcome == halo_math::SorlOutcome::Increase {
            self.last_increase_ts = now;
        }
        self.limit.set(now, new.0, new.1);
        Ok(())
    }

    pub fn snapshot(&self, now: i64) -> RateLimitSnapshot {
        let limit = &self.limit;
        RateLimitSnapshot {
            max_amount: limit.max_amount,
            slope: limit.slope,
            last_amount: limit.last_amount,
            last_updated: limit.last_updated,
            available: limit.available(now),
        }
    }

    /// What every state change must leave true: never more available than the maximum
    /// (unless unlimited), a tag of 1 to 16 bytes zero-padded, the bucket updated no
    /// earlier than its last increase, and a fee bound the configurator could have set.
    pub fn invariant(&self) -> Result<()> {
        let tag_len = usize::from(self.tag_len);
        let ok = self.version == ACCOUNT_VERSION
            && (1..=MAX_TAG_LEN).contains(&tag_len)
            && self.tag.iter().skip(tag_len).all(|b| *b == 0)
            && (self.limit.is_unlimited() || self.limit.last_amount <= self.limit.max_amount)
            && self.limit.last_updated >= self.last_increase_ts
            && self.max_fee_bps <= MAX_TRANSFER_FEE_BPS;
        require!(ok, PauError::RateLimitInvariantBroken);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate_limit() -> RateLimit {
        let mut tag = [0u8; 16];
        tag[..8].copy_from_slice(b"transfer");
        RateLimit {
            version: ACCOUNT_VERSION,
            bump: 255,
            controller: Pubkey::new_unique(),
            key: [1; 32],
            tag,
            tag_len: 8,
            mint: Pubkey::new_unique(),
            counterparty: Pubkey::new_unique(),
            counterparty_owner: Pubkey::new_unique(),
            max_fee_bps: 100,
            limit: RateLimitState::new_full(1_000, 10, 100),
            last_increase_ts: 100,
            total_out: 0,
            total_in: 0,
            reserved: [0; 30],
        }
    }

    #[test]
    fn size_is_stable() {
        assert_eq!(
            RateLimit::INIT_SPACE,
            2 + 32 + 32 + 16 + 1 + 32 + 32 + 32 + 2 + 8 * 5 + 16 * 2 + 30
        );
    }

    #[test]
    fn limit_sits_where_the_four_flat_fields_were() {
        // the byte layout did not move: max_amount starts right after max_fee_bps
        let rl = rate_limit();
        let mut data = Vec::new();
        rl.try_serialize(&mut data).unwrap();
        let at = 8 + 2 + 32 + 32 + 16 + 1 + 32 + 32 + 32 + 2;
        assert_eq!(data[at..at + 8], 1_000u64.to_le_bytes());
        assert_eq!(data[at + 24..at + 32], 100i64.to_le_bytes());
    }

    #[test]
    fn invariant_holds_through_consume_give_back_and_set() {
        let mut rl = rate_limit();
        rl.invariant().unwrap();
        rl.consume_out(150, 700).unwrap();
        rl.invariant().unwrap();
        rl.give_back_in(160, 5_000).unwrap();
        rl.invariant().unwrap();
        rl.limit.set(170, 10, 1);
        rl.invariant().unwrap();
    }

    #[test]
    fn invariant_refuses_each_broken_rule() {
        let broken: [fn(&mut RateLimit); 6] = [
            |r| r.limit.last_amount = r.limit.max_amount.saturating_add(1),
            |r| r.tag_len = 0,
            |r| r.tag_len = 17,
            |r| r.tag[15] = 1,
            |r| r.last_increase_ts = r.limit.last_updated.saturating_add(1),
            |r| r.max_fee_bps = MAX_TRANSFER_FEE_BPS.saturating_add(1),
        ];
        for f in broken {
            let mut r = rate_limit();
            f(&mut r);
            assert!(r.invariant().is_err(), "{r:?}");
        }
    }

    #[test]
    fn an_unlimited_bucket_may_hold_anything() {
        let mut r = rate_limit();
        r.limit = RateLimitState::new_full(u64::MAX, 0, 100);
        r.limit.last_amount = 5;
        assert!(r.invariant().is_ok());
    }
}
