//! One file per instruction: its `Accounts` struct, its checks and its handler.
#![allow(ambiguous_glob_reexports)]
pub mod execute;
pub mod initialize;

pub use execute::*;
pub use initialize::*;
