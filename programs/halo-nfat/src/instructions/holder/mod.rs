#![allow(ambiguous_glob_reexports)]
pub mod redeem;

pub use redeem::*;
