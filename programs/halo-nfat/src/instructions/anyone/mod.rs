#![allow(ambiguous_glob_reexports)]
pub mod deal_view;
pub mod deliver_nft;
pub mod pay;

pub use deal_view::*;
pub use deliver_nft::*;
pub use pay::*;
