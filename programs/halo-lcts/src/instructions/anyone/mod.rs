#![allow(ambiguous_glob_reexports)]
pub mod exchange_rate;
pub mod position_view;
pub mod settle_finalized;
pub mod unlock;

pub use exchange_rate::*;
pub use position_view::*;
pub use settle_finalized::*;
pub use unlock::*;
