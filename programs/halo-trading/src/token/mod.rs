//! The pool's token handling: moving tokens with `transfer_checked` ([`transfer`]) and
//! the mints it accepts ([`extensions`]).
pub mod extensions;
pub mod transfer;

pub use extensions::*;
pub use transfer::*;
