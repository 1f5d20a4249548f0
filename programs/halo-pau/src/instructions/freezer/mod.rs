pub mod cut_rate_limit;
pub mod freeze;
pub mod remove_relayer;

#[allow(ambiguous_glob_reexports)]
pub use {cut_rate_limit::*, freeze::*, remove_relayer::*};
