use anchor_lang::prelude::*;

/// Proof that an RFQ quote filled: its existence makes the nonce single-use.
/// Seeds: `["quote", pool, nonce]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct QuoteReceipt {
    pub version: u8,
    pub bump: u8,
    pub pool: Pubkey,
    pub user: Pubkey,
    pub nonce: u64,
    /// precision: unix seconds.
    pub filled_at: i64,
    pub reserved: [u8; 16],
}

impl QuoteReceipt {
    /// `["quote", pool, nonce le, bump]`: the receipt's seeds with its bump.
    pub fn signer_seeds<'a>(
        pool: &'a Pubkey,
        nonce_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [crate::constants::SEED_QUOTE, pool.as_ref(), nonce_le, bump]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(QuoteReceipt::INIT_SPACE, 2 + 32 * 2 + 8 * 2 + 16);
    }
}
