pub mod accept_admin;
pub mod cancel_op;
pub mod clear_pending_admin;
pub mod initialize_configurator;
pub mod initialize_controller;
pub mod remove_init_rate_limit;
pub mod revoke_govops;
pub mod schedule_op;
pub mod set_timelock_paused;
pub mod unregister_pau;

#[allow(ambiguous_glob_reexports)]
pub use {
    accept_admin::*, cancel_op::*, clear_pending_admin::*, initialize_configurator::*,
    initialize_controller::*, remove_init_rate_limit::*, revoke_govops::*, schedule_op::*,
    set_timelock_paused::*, unregister_pau::*,
};
