#![allow(ambiguous_glob_reexports)]
pub mod mark_default;
pub mod set_halted;

pub use mark_default::*;
pub use set_halted::*;
