#![allow(ambiguous_glob_reexports)]
pub mod fail_redemption;
pub mod fund_from_pau;
pub mod pau_funding;
pub mod pause_pool;
pub mod poke;
pub mod resume_pool;
pub mod return_to_pau;
pub mod roll_withdrawals;
pub mod settle_redemption;
pub mod settle_withdrawals;
pub mod start_redemption;

pub use fail_redemption::*;
pub use pau_funding::*;
pub use pause_pool::*;
pub use poke::*;
pub use resume_pool::*;
pub use roll_withdrawals::*;
pub use settle_redemption::*;
pub use settle_withdrawals::*;
pub use start_redemption::*;
