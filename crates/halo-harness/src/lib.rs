//! Halo's one test-support crate.
//! * `chain` (feature `program-test`, on by default): an embedded, in-process chain,
//!   `solana-program-test` with the Halo programs compiled for the host and the real SPL
//!   Token, Token-2022 and ATA programs (SBF) beside them. Shared by the integration tests
//!   and the `halo` CLI.
//! * `rpc` (feature `rpc`): `RpcLedger`, the same `Ledger` over JSON-RPC, for a real
//!   cluster such as the local validator `halo-localnet`.
//! * `pau`: the PAU fixture, over any `halo_sdk::ledger::Ledger` (the SBF tests in bench/
//!   use it on LiteSVM without the feature).
//! * `lcts`: the Passthrough Halo fixture (a unit with both queues on a PAU).
//! * `nfat`: the Structuring Halo fixture (a facility with its PAU routes and roles).
//! * `oracle`: the oracle fixture (a feed and its reporter).
//! * `vocab`: the one test vocabulary every program's tests use: `refused_unchanged`,
//!   `assert_err`, `unsigned`, `swap_account`, `corrupt`, and the `Fixture` trait.
//! * `errors`: `assert_failed` (a refusal from the runtime or the system program) and
//!   `prefund` (the pre-funding attack).
#![allow(deprecated)] // program-test 3.1 marks its API deprecated

#[cfg(feature = "program-test")]
pub mod chain;
pub mod errors;
pub mod lcts;
#[cfg(feature = "program-test")]
pub mod native_events;
pub mod nfat;
pub mod oracle;
pub mod pau;
#[cfg(feature = "rpc")]
pub mod rpc;
pub mod trading;
pub mod vocab;

#[cfg(feature = "program-test")]
pub use chain::{Chain, TxFailure, TxOk};
pub use errors::{assert_failed, prefund};
pub use halo_sdk::ledger::{Keypair, Ledger, MintKind, RawAccount, Receipt, Refusal, Signer};
pub use lcts::{LctsEnv, LctsOptions, Prime};
pub use nfat::{NfatEnv, NfatOptions, Wallet};
pub use oracle::OracleEnv;
pub use pau::{PauEnv, PauOptions};
pub use trading::{PriceKind, TradingEnv, TradingOptions};
pub use vocab::{
    assert_err, corrupt, refused_unchanged, swap_account, unsigned, Expected, Fixture, Ixs,
};
