use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedemptionStatus {
    Pending,
    Settled,
    Failed,
    /// Failed, then written off by governance: it no longer holds withdrawals back.
    WrittenOff,
}

/// Asset sent to the issuer for redemption, and what came back.
/// Seeds: `["redemption", pool, redemption_id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Redemption {
    pub version: u8,
    pub bump: u8,
    pub pool: Pubkey,
    pub id: u64,
    /// precision: asset base units sent.
    pub amount: u64,
    /// precision: WAD, quote per asset (whole tokens) at send.
    pub nav_wad: u128,
    /// precision: quote base units expected at that NAV (rounded down).
    pub expected_quote: u64,
    /// precision: quote base units; the inventory's cost basis that left with it.
    pub cost_basis: u64,
    pub sent_at: i64,
    pub expected_by: i64,
    pub status: RedemptionStatus,
    /// precision: quote base units received on settlement.
    pub received: u64,
    pub reserved: [u8; 32],
}

impl Redemption {
    /// `["redemption", pool, id le, bump]`: the redemption's seeds with its bump.
    pub fn signer_seeds<'a>(
        pool: &'a Pubkey,
        id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [
            crate::constants::SEED_REDEMPTION,
            pool.as_ref(),
            id_le,
            bump,
        ]
    }

    /// A redemption sends something, is due no earlier than it was sent, and has received
    /// nothing while pending (`RedemptionInvariantBroken` otherwise).
    pub fn invariant(&self) -> Result<()> {
        let ok = self.amount > 0
            && self.expected_by >= self.sent_at
            && (self.status != RedemptionStatus::Pending || self.received == 0);
        require!(ok, crate::errors::TradingError::RedemptionInvariantBroken);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(
            Redemption::INIT_SPACE,
            2 + 32 + 8 * 2 + 16 + 8 * 2 + 8 * 2 + 1 + 8 + 32
        );
    }
}
