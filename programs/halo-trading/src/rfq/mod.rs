//! RFQ: the quote a beacon signs off-chain ([`quote`]) and the check that the transaction
//! verified that signature ([`ed25519`]).
pub mod ed25519;
pub mod quote;

pub use ed25519::*;
pub use quote::*;
