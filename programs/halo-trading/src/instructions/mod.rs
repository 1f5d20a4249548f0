//! One file per instruction: its `Accounts` struct, its args and its handler.
//! Grouped by who signs: `governance`, `operator` (the lpha-amm beacon, the freezer, or
//! anyone for `poke`), `user` (swaps), `lp` (Primes' deposits and withdrawals).
pub mod governance;
pub mod lp;
pub mod operator;
pub mod shared;
pub mod user;

#[allow(ambiguous_glob_reexports)]
pub use {governance::*, lp::*, operator::*, shared::*, user::*};
