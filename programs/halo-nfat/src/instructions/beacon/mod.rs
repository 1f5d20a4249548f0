#![allow(ambiguous_glob_reexports)]
pub mod claim;
pub mod create_book;
pub mod deploy;
pub mod fund;
pub mod move_book;
pub mod pau_accounts;
pub mod release;
pub mod return_funds;

pub use claim::*;
pub use create_book::*;
pub use deploy::*;
pub use fund::*;
pub use move_book::*;
pub use pau_accounts::*;
pub use release::*;
pub use return_funds::*;
