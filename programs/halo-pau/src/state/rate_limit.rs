use anchor_lang::prelude::*;
use halo_math::RateLimitState;

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
    /// precision: base units; `u64::MAX` = unlimited, `0` = closed.
    pub max_amount: u64,
    /// precision: base units per second.
    pub slope: u64,
    /// precision: base units available at `last_updated`.
    pub last_amount: u64,
    /// precision: unix seconds.
    pub last_updated: i64,
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
    pub fn state(&self) -> RateLimitState {
        RateLimitState {
            max_amount: self.max_amount,
            slope: self.slope,
            last_amount: self.last_amount,
            last_updated: self.last_updated,
        }
    }

    pub fn store(&mut self, s: RateLimitState) {
        self.max_amount = s.max_amount;
        self.slope = s.slope;
        self.last_amount = s.last_amount;
        self.last_updated = s.last_updated;
    }

    pub fn tag(&self) -> &[u8] {
        &self.tag[..usize::from(self.tag_len).min(self.tag.len())]
    }

    /// New parameters: accrue, then clamp to the new max (the consumed gap is kept).
    pub fn set_params(&mut self, now: i64, max_amount: u64, slope: u64) {
        let mut s = self.state();
        s.set(now, max_amount, slope);
        self.store(s);
    }

    /// Takes `amount` out of the bucket for an outflow and counts it, or refuses and
    /// changes nothing.
    pub fn consume_out(&mut self, now: i64, amount: u64) -> Result<()> {
        let mut s = self.state();
        crate::route::consume(&mut s, now, amount)?;
        let total_out = self
            .total_out
            .checked_add(u128::from(amount))
            .ok_or(crate::errors::PauError::MathOverflow)?;
        self.store(s);
        self.total_out = total_out;
        Ok(())
    }

    /// Gives `received` back to the bucket (capped at max) for an inflow and counts it.
    pub fn give_back_in(&mut self, now: i64, received: u64) -> Result<()> {
        let total_in = self
            .total_in
            .checked_add(u128::from(received))
            .ok_or(crate::errors::PauError::MathOverflow)?;
        let mut s = self.state();
        s.give_back(now, received);
        self.store(s);
        self.total_in = total_in;
        Ok(())
    }

    pub fn snapshot(&self, now: i64) -> RateLimitSnapshot {
        let s = self.state();
        RateLimitSnapshot {
            max_amount: s.max_amount,
            slope: s.slope,
            last_amount: s.last_amount,
            last_updated: s.last_updated,
            available: s.available(now),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(
            RateLimit::INIT_SPACE,
            2 + 32 + 32 + 16 + 1 + 32 + 32 + 32 + 2 + 8 * 5 + 16 * 2 + 30
        );
    }
}
