#![allow(ambiguous_glob_reexports)]
pub mod deal_view;
pub mod pay;

pub use deal_view::*;
pub use pay::*;
