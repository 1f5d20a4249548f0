use anchor_lang::prelude::*;

/// A Trading Halo Class: shared roles, the quote mint (USDS) and the PAU that funds its
/// pools. Seeds: `["class", authority, class_id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct TradingClass {
    pub version: u8,
    pub bump: u8,
    pub authority: Pubkey,
    pub class_id: u64,
    /// Sets every parameter, adds pools, lifts pauses.
    pub governance: Pubkey,
    /// lpha-amm: prices, redemptions, withdrawal settlement, PAU funding. Cannot change
    /// spreads, add pools or move capital outside the PAU's rate limits.
    pub beacon: Pubkey,
    /// May pause the class or a pool and fail a redemption; cannot unpause.
    pub freezer: Pubkey,
    pub quote_mint: Pubkey,
    pub quote_decimals: u8,
    /// The `halo_pau` controller whose custody funds the pools.
    pub pau_controller: Pubkey,
    pub paused: bool,
    pub pool_count: u64,
    /// Proposed governance waiting to accept (`accept_class_governance`); default = none.
    pub pending_governance: Pubkey,
    /// The cluster an RFQ quote is valid on (its genesis hash, set by governance): part of
    /// every signed quote's message, so a quote cannot be replayed on another cluster. RFQ
    /// fills are refused while it is zero.
    pub rfq_domain: [u8; 32],
    pub reserved: [u8; 64],
}

/// What a new class is created with (`TradingClass::new`).
#[derive(Clone, Copy, Debug)]
pub struct TradingClassRoles {
    pub bump: u8,
    /// The creator: the seeds' authority and the first governance.
    pub authority: Pubkey,
    pub class_id: u64,
    pub beacon: Pubkey,
    pub freezer: Pubkey,
    pub quote_mint: Pubkey,
    pub quote_decimals: u8,
    pub pau_controller: Pubkey,
}

impl TradingClass {
    /// `["class", authority, class_id le, bump]`: the class's seeds with its bump.
    pub fn signer_seeds<'a>(
        authority: &'a Pubkey,
        class_id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [
            crate::constants::SEED_CLASS,
            authority.as_ref(),
            class_id_le,
            bump,
        ]
    }

    /// A new class, governed by its creator, not paused, with no pools.
    pub fn new(r: TradingClassRoles) -> Self {
        Self {
            version: crate::constants::ACCOUNT_VERSION,
            bump: r.bump,
            authority: r.authority,
            class_id: r.class_id,
            governance: r.authority,
            beacon: r.beacon,
            freezer: r.freezer,
            quote_mint: r.quote_mint,
            quote_decimals: r.quote_decimals,
            pau_controller: r.pau_controller,
            paused: false,
            pool_count: 0,
            pending_governance: Pubkey::default(),
            rfq_domain: [0; 32],
            reserved: [0; 64],
        }
    }

    /// The proposed governance takes over; returns the old governance.
    pub fn accept_governance(&mut self) -> Pubkey {
        let old = self.governance;
        self.governance = self.pending_governance;
        self.pending_governance = Pubkey::default();
        old
    }

    pub fn is_pauser(&self, key: &Pubkey) -> bool {
        *key == self.governance || *key == self.beacon || *key == self.freezer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(
            TradingClass::INIT_SPACE,
            2 + 32 + 8 + 32 * 4 + 1 + 32 + 1 + 8 + 32 + 32 + 64
        );
    }
}
