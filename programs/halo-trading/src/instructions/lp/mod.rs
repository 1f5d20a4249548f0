#![allow(ambiguous_glob_reexports)]
pub mod claim_withdrawal;
pub mod deposit;
pub mod open_position;
pub mod request_withdrawal;

pub use claim_withdrawal::*;
pub use deposit::*;
pub use open_position::*;
pub use request_withdrawal::*;
