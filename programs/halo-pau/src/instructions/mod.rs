//! One file per instruction: its `Accounts` struct, its args and its handler.
//! Grouped by who signs: `admin` (configurator admin), `execute` (anyone, after the
//! timelock), `govops` (GovOps members of a PAU), `freezer`, `relayer`, `integration`.
pub mod admin;
pub mod execute;
pub mod freezer;
pub mod govops;
pub mod groups;
pub mod integration;
pub mod relayer;

#[allow(ambiguous_glob_reexports)]
pub use {admin::*, execute::*, freezer::*, govops::*, groups::*, integration::*, relayer::*};
