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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(LpPosition::INIT_SPACE, 2 + 32 * 2 + 8 * 5 + 16 * 2 + 64);
    }
}
