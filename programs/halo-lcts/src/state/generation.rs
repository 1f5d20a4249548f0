use anchor_lang::prelude::*;

use crate::{constants::*, state::Finalized};

/// A finalized generation of a queue: its last reward per share, written once when a
/// settlement drained it and never changed. Seeds: `["generation", queue, gen_id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct FinalizedGeneration {
    pub version: u8,
    pub bump: u8,
    pub queue: Pubkey,
    pub gen_id: u64,
    /// precision: WAD; what every share of the generation earned in all.
    pub final_reward_per_share: u128,
    /// The generation's shares when it finalized.
    pub total_shares: u128,
    /// precision: unix seconds.
    pub finalized_at: i64,
    pub reserved: [u8; 32],
}

impl FinalizedGeneration {
    /// `["generation", queue, gen_id le, bump]`.
    pub fn signer_seeds<'a>(
        queue: &'a Pubkey,
        gen_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_GENERATION, queue.as_ref(), gen_le, bump]
    }

    pub fn new(bump: u8, queue: Pubkey, f: Finalized, now: i64) -> Self {
        Self {
            version: ACCOUNT_VERSION,
            bump,
            queue,
            gen_id: f.gen_id,
            final_reward_per_share: f.final_reward_per_share,
            total_shares: f.total_shares,
            finalized_at: now,
            reserved: [0; 32],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(
            FinalizedGeneration::INIT_SPACE,
            2 + 32 + 8 + 16 + 16 + 8 + 32
        );
    }
}
