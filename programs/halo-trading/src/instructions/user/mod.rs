#![allow(ambiguous_glob_reexports)]
pub mod swap;
pub mod swap_with_quote;

pub use swap::*;
pub use swap_with_quote::*;
