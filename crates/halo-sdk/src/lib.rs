//! Rust SDK for Halo on Solana: PDA derivation, rate-limit keys, instruction builders and
//! account decoding. The tests, the `halo` CLI and the beacons all build their
//! instructions here, so there is one definition of every account list.
pub mod decode;
pub mod errors;
pub mod fmt;
pub mod keys;
pub mod lcts;
pub mod ledger;
pub mod nfat;
pub mod oracle;
pub mod pau;
pub mod pda;
pub mod trading;

pub use anchor_lang::prelude::Pubkey;
pub use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
pub use halo_pau::ID as PAU_PROGRAM_ID;

/// SPL Token and Token-2022 program ids.
pub mod token_programs {
    pub use anchor_spl::token::ID as TOKEN;
    pub use anchor_spl::token_2022::ID as TOKEN_2022;
}

/// The associated token account of `owner` for `mint` under `token_program`.
pub fn ata(owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
    anchor_spl::associated_token::get_associated_token_address_with_program_id(
        owner,
        mint,
        token_program,
    )
}
