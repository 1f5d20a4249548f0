pub mod execute_add_init_rate_limit;
pub mod execute_add_integration;
pub mod execute_config_change;
pub mod execute_grant_govops;
pub mod execute_register_pau;

#[allow(ambiguous_glob_reexports)]
pub use {
    execute_add_init_rate_limit::*, execute_add_integration::*, execute_config_change::*,
    execute_grant_govops::*, execute_register_pau::*,
};
