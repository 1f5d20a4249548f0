//! Re-exports for the instruction modules.
pub use anchor_lang::prelude::Pubkey;
pub use halo_harness::*;
pub use halo_pau::{errors::PauError, state::*};
pub use halo_sdk::{keys, pau as ix, pda};
pub use anchor_lang::error::ErrorCode as AnchorError;

pub const USDS: u64 = 1_000_000; // 6 decimals

pub async fn setup() -> (Chain, PauEnv) {
    let mut chain = Chain::new().await;
    let env = PauEnv::bootstrap(&mut chain, PauOptions::default()).await;
    (chain, env)
}
