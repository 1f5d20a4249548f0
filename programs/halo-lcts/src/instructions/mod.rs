//! One file per instruction: its `Accounts` struct, its `validate()` and its handler.
//! Grouped by who signs: `governance`, `freezer` (governance or the freezer), `beacon`
//! (lpha-lcts), `anyone` (keepers, the bounded-lock fallback, the views), `user` (owners).
pub mod anyone;
pub mod beacon;
pub mod freezer;
pub mod governance;
pub mod user;

#[allow(ambiguous_glob_reexports)]
pub use {anyone::*, beacon::*, freezer::*, governance::*, user::*};
