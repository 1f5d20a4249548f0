//! An embedded, in-process Solana chain for Halo: `solana-program-test` with the Halo
//! programs compiled for the host and the real SPL Token, Token-2022 and ATA programs
//! (SBF) beside them. It implements `halo_sdk::ledger::Ledger`, and is shared by the
//! integration tests and the `halo` CLI.
#![allow(deprecated)] // program-test 3.1 marks its API deprecated

pub mod chain;
pub mod errors;
pub mod pau;

pub use chain::{Chain, Fingerprint, TxFailure, TxOk};
pub use errors::{anchor_code, assert_anchor_err, assert_failed, assert_pau_err, pau_code};
pub use halo_sdk::ledger::{Keypair, Ledger, MintKind, Receipt, Refusal, Signer};
pub use pau::{PauEnv, PauOptions};
