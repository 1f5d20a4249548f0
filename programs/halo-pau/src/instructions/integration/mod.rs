pub mod draw;
pub mod repay;

#[allow(ambiguous_glob_reexports)]
pub use {draw::*, repay::*};
