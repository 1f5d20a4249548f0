//! Accounts of the Trading Halo: one file per account type.
pub mod book;
pub mod class;
pub mod lp_position;
pub mod pool;
pub mod quote_receipt;
pub mod redemption;
pub mod withdraw_generation;

pub use book::*;
pub use class::*;
pub use lp_position::*;
pub use pool::*;
pub use quote_receipt::*;
pub use redemption::*;
pub use withdraw_generation::*;
