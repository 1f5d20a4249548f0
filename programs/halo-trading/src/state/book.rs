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

impl Book {
    /// `["book", class, book_id le, bump]`: the book's seeds with its bump.
    pub fn signer_seeds<'a>(
        class: &'a Pubkey,
        book_id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [
            crate::constants::SEED_BOOK,
            class.as_ref(),
            book_id_le,
            bump,
        ]
    }

    /// `["book_vault", book, mint, bump]`: a vault's seeds with its bump.
    pub fn vault_signer_seeds<'a>(
        book: &'a Pubkey,
        mint: &'a Pubkey,
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [
            crate::constants::SEED_BOOK_VAULT,
            book.as_ref(),
            mint.as_ref(),
            bump,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(Book::INIT_SPACE, 2 + 32 * 2 + 8 + 32 * 2 + 32);
    }
}
