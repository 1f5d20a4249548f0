pub mod publish;

pub use publish::*;
