//! One file per instruction. `governance`: the feed's governance; `reporter`: approved
//! reporters.
pub mod governance;
pub mod reporter;

#[allow(ambiguous_glob_reexports)]
pub use {governance::*, reporter::*};
