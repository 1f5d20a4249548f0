use anchor_lang::prelude::*;

/// A sleeve: the container of one pool's asset inventory and USDS liquidity. Its vaults
/// are token accounts at `["book_vault", book, mint]`, owned by the pool PDA (the pool
/// signs every movement, including the PAU draw / repay as a registered integration).
/// Seeds: `["book", class, book_id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Book {
    pub version: u8,
    pub bump: u8,
    pub class: Pubkey,
    pub pool: Pubkey,
    pub book_id: u64,
    pub asset_vault: Pubkey,
    pub quote_vault: Pubkey,
    pub reserved: [u8; 32],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(Book::INIT_SPACE, 2 + 32 * 2 + 8 + 32 * 2 + 32);
    }
}
