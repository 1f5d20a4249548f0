use anchor_lang::prelude::*;

use crate::constants::{GUARD_WINDOW_S, MAX_REPORTERS};
use crate::errors::OracleError;

/// A NAV feed: `value / 10^decimals` whole quote tokens per whole asset token, published
/// by approved reporters. Seeds: `["feed", authority, feed_id]` (the authority is the
/// creator; governance can be handed on without moving the account).
#[account]
#[derive(InitSpace, Debug)]
pub struct Feed {
    pub version: u8,
    pub bump: u8,
    pub authority: Pubkey,
    pub feed_id: u64,
    pub governance: Pubkey,
    pub decimals: u8,
    /// precision: `value / 10^decimals`.
    pub value: u64,
    /// precision: unix seconds; strictly increasing.
    pub publish_ts: i64,
    /// precision: bps of the last value; a reporter's update may move at most this far.
    pub max_move_bps: u16,
    pub reporters: [Pubkey; MAX_REPORTERS],
    pub reporter_count: u8,
    /// Number of accepted updates (creation included).
    pub updates: u64,
    /// precision: `value / 10^decimals`; the value the move guard is measured against
    /// within the current guard window (reporters cannot walk the value step by step).
    pub anchor_value: u64,
    /// precision: unix seconds; when the current guard window opened.
    pub anchor_ts: i64,
    /// Proposed governance waiting to accept (`accept_governance`); default = none.
    pub pending_governance: Pubkey,
    pub reserved: [u8; 16],
}

impl Feed {
    /// The guard's reference for an update published at `publish_ts`: the window's anchor,
    /// or the current value when a new window opens.
    pub fn anchor_for(&self, publish_ts: i64) -> (u64, i64) {
        if publish_ts >= self.anchor_ts.saturating_add(GUARD_WINDOW_S) {
            (self.value, publish_ts)
        } else {
            (self.anchor_value, self.anchor_ts)
        }
    }

    pub fn is_reporter(&self, key: &Pubkey) -> bool {
        self.reporters
            .iter()
            .take(usize::from(self.reporter_count))
            .any(|r| r == key)
    }

    /// Records a new value after the checks every publisher shares: positive, strictly
    /// later than the last one, not in the future.
    pub fn record(&mut self, value: u64, publish_ts: i64, now: i64) -> Result<()> {
        require!(value > 0, OracleError::NonPositiveValue);
        require!(
            publish_ts > self.publish_ts,
            OracleError::PublishTimeNotIncreasing
        );
        require!(publish_ts <= now, OracleError::PublishTimeInFuture);
        self.value = value;
        self.publish_ts = publish_ts;
        self.updates = self.updates.saturating_add(1);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(
            Feed::INIT_SPACE,
            2 + 32 + 8 + 32 + 1 + 8 + 8 + 2 + 32 * MAX_REPORTERS + 1 + 8 + 16 + 32 + 16
        );
    }
}
