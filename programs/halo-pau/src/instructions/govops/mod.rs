pub mod create_rate_limit;
pub mod remove_integration;
pub mod remove_rate_limit;
pub mod set_freezer;
pub mod set_rate_limit;
pub mod set_relayer;
pub mod unfreeze;

#[allow(ambiguous_glob_reexports, unused_imports)]
pub use {
    create_rate_limit::*, remove_integration::*, remove_rate_limit::*, set_freezer::*,
    set_rate_limit::*, set_relayer::*, unfreeze::*,
};
