pub mod transfer;

pub use transfer::*;
