#![allow(ambiguous_glob_reexports)]
pub mod set_paused;

pub use set_paused::*;
