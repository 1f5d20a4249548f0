//! Accounts of the oracle program.
pub mod feed;

pub use feed::*;
