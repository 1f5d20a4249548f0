#![allow(ambiguous_glob_reexports)]
pub mod claim;
pub mod enter;
pub mod exit;

pub use claim::*;
pub use enter::*;
pub use exit::*;
