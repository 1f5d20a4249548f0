#![allow(ambiguous_glob_reexports)]
pub mod deposit;
pub mod withdraw;

pub use deposit::*;
pub use withdraw::*;
