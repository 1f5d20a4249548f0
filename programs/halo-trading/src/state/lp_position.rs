use anchor_lang::prelude::*;

/// A Prime's (or the PAU's) LP shares in one pool, and its place in the withdrawal queue.
/// Seeds: `["lp", pool, owner]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct LpPosition {
    pub version: u8,
    pub bump: u8,
    pub pool: Pubkey,
    pub owner: Pubkey,
    /// Free shares (not queued).
    pub shares: u64,
    /// Shares queued for withdrawal in generation `queue_gen`.
    pub queued_shares: u64,
    pub queue_gen: u64,
    /// Of the queued shares: how many filled and how much USDS were already claimed.
    pub claimed_filled: u64,
    pub claimed_paid: u64,
    /// precision: quote base units; lifetime totals.
    pub total_deposited: u128,
    pub total_withdrawn: u128,
    pub reserved: [u8; 64],
}

impl LpPosition {
    /// `["lp", pool, owner, bump]`: the position's seeds with its bump.
    pub fn signer_seeds<'a>(
        pool: &'a Pubkey,
        owner: &'a Pubkey,
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [
            crate::constants::SEED_LP,
            pool.as_ref(),
            owner.as_ref(),
            bump,
        ]
    }

    /// An empty position of `owner` in `pool`.
    pub fn new(pool: Pubkey, owner: Pubkey, bump: u8) -> Self {
        Self {
            version: crate::constants::ACCOUNT_VERSION,
            bump,
            pool,
            owner,
            shares: 0,
            queued_shares: 0,
            queue_gen: 0,
            claimed_filled: 0,
            claimed_paid: 0,
            total_deposited: 0,
            total_withdrawn: 0,
            reserved: [0; 64],
        }
    }

    /// A position never claims more shares than it queued, and an empty queue slot has
    /// nothing claimed (`LpPositionInvariantBroken` otherwise).
    pub fn invariant(&self) -> Result<()> {
        let ok = self.claimed_filled <= self.queued_shares
            && (self.queued_shares > 0 || (self.claimed_filled == 0 && self.claimed_paid == 0));
        require!(ok, crate::errors::TradingError::LpPositionInvariantBroken);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(LpPosition::INIT_SPACE, 2 + 32 * 2 + 8 * 5 + 16 * 2 + 64);
    }
}
