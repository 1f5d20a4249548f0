//! The pool's price: where it is read ([`reading`]), Pyth's account layout ([`pyth`]),
//! and the guards every accepted price passes ([`guard`]).
pub mod guard;
pub mod pyth;
pub mod reading;

pub use guard::*;
pub use pyth::*;
pub use reading::*;
