use anchor_lang::prelude::*;
use halo_math::lcts::PositionShares;

use crate::{
    constants::*,
    errors::LctsError,
    math::{OrOverflow, SafeMath},
    state::FinalizedGeneration,
};

/// One owner's position in a queue. Seeds: `["position", queue, owner]`. Its shares are
/// internal accounting of one generation (`gen_id`) and cannot be transferred.
#[account]
#[derive(InitSpace, Debug)]
pub struct Position {
    pub version: u8,
    pub bump: u8,
    pub queue: Pubkey,
    pub owner: Pubkey,
    pub gen_id: u64,
    pub shares: u128,
    /// precision: WAD; the generation's reward per share when the position last entered
    /// or claimed.
    pub reward_debt: u128,
    /// precision: unix seconds; first entry into `gen_id`.
    pub entered_at: i64,
    pub reserved: [u8; 32],
}

impl Position {
    /// `["position", queue, owner, bump]`.
    pub fn signer_seeds<'a>(
        queue: &'a Pubkey,
        owner: &'a Pubkey,
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_POSITION, queue.as_ref(), owner.as_ref(), bump]
    }

    /// A fresh position in generation `gen_id`.
    pub fn open(&mut self, bump: u8, queue: Pubkey, owner: Pubkey, gen_id: u64, now: i64) {
        self.version = ACCOUNT_VERSION;
        self.bump = bump;
        self.queue = queue;
        self.owner = owner;
        self.restart(gen_id, now);
    }

    /// Empties the position into generation `gen_id` (after its old one was settled).
    pub fn restart(&mut self, gen_id: u64, now: i64) {
        self.gen_id = gen_id;
        self.shares = 0;
        self.reward_debt = 0;
        self.entered_at = now;
    }

    pub fn shares(&self) -> PositionShares {
        PositionShares {
            shares: self.shares,
            reward_debt: self.reward_debt,
        }
    }

    pub fn store(&mut self, p: PositionShares) {
        self.shares = p.shares;
        self.reward_debt = p.reward_debt;
    }

    /// What the position earned in its finalized generation, rounded down.
    pub fn finalized_reward(&self, g: &FinalizedGeneration) -> Result<u64> {
        require!(g.gen_id == self.gen_id, LctsError::WrongGeneration);
        let per_share = g.final_reward_per_share.safe_sub(self.reward_debt)?;
        let reward = halo_math::mul_div(
            self.shares,
            per_share,
            halo_math::WAD,
            halo_math::Rounding::Down,
        )
        .or_overflow()?;
        u64::try_from(reward).or_overflow()
    }

    /// A position's debt never runs ahead of its generation's reward per share.
    pub fn invariant(&self, reward_per_share: u128) -> Result<()> {
        require!(
            self.version == ACCOUNT_VERSION && self.reward_debt <= reward_per_share,
            LctsError::PositionInvariantBroken
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(Position::INIT_SPACE, 2 + 32 + 32 + 8 + 16 + 16 + 8 + 32);
    }
}
