//! Halo's one test-support crate.
//! * `chain` (feature `program-test`, on by default): an embedded, in-process chain,
//!   `solana-program-test` with the Halo programs compiled for the host and the real SPL
//!   Token, Token-2022 and ATA programs (SBF) beside them. Shared by the integration tests
//!   and the `halo` CLI.
//! * `pau`: the PAU fixture, over any `halo_sdk::ledger::Ledger` (the SBF tests in bench/
//!   use it on LiteSVM without the feature).
//! * `errors`: assertions on specific refusals.
#![allow(deprecated)] // program-test 3.1 marks its API deprecated

#[cfg(feature = "program-test")]
pub mod chain;
pub mod errors;
pub mod pau;
pub mod trading;

#[cfg(feature = "program-test")]
pub use chain::{Chain, TxFailure, TxOk};
pub use errors::{
    anchor_code, assert_anchor_err, assert_failed, assert_oracle_err, assert_pau_err,
    assert_trading_err, pau_code, prefund,
};
pub use halo_sdk::ledger::{Keypair, Ledger, MintKind, RawAccount, Receipt, Refusal, Signer};
pub use pau::{PauEnv, PauOptions};
pub use trading::{PriceKind, TradingEnv, TradingOptions};
