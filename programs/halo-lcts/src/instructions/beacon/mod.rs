#![allow(ambiguous_glob_reexports)]
pub mod lock;
pub mod settle;
pub mod settle_pair;
pub mod update_exchange_rate;

pub use lock::*;
pub use settle::*;
pub use settle_pair::*;
pub use update_exchange_rate::*;
