#![allow(ambiguous_glob_reexports)]
pub mod attest;

pub use attest::*;
