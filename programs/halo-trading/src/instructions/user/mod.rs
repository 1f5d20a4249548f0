pub mod swap;

pub use swap::*;
