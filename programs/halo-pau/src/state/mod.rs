//! Accounts of the PAU program: one file per account type.
pub mod configurator;
pub mod controller;
pub mod govops;
pub mod init_rate_limit;
pub mod integration;
pub mod rate_limit;
pub mod removal;
pub mod timelock_op;

/// True when `info` is an initialised account of this program (owner and data), the test
/// every optional, seeds-pinned account (inits, removal records, integrations) uses.
pub fn is_ours(info: &anchor_lang::prelude::AccountInfo) -> bool {
    *info.owner == crate::ID && !info.data_is_empty()
}

pub use configurator::*;
pub use controller::*;
pub use govops::*;
pub use init_rate_limit::*;
pub use integration::*;
pub use rate_limit::*;
pub use removal::*;
pub use timelock_op::*;
