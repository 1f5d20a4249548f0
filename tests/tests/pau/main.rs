//! `halo_pau` integration tests: one module per instruction, named after it. Each has the
//! happy path, every refusal (the specific error, and no state or balance changed) and the
//! applicable attacks of `security.md`. Fixtures live in `halo-harness`.
#![allow(deprecated)]

mod common;

mod accept_admin;
mod cancel_op;
mod clear_pending_admin;
mod create_rate_limit;
mod cut_rate_limit;
mod draw;
mod execute_add_init_rate_limit;
mod execute_add_integration;
mod execute_config_change;
mod execute_grant_govops;
mod execute_register_pau;
mod freeze;
mod initialize_configurator;
mod initialize_controller;
mod invariants;
mod prefunded_addresses;
mod remove_init_rate_limit;
mod remove_integration;
mod remove_rate_limit;
mod remove_relayer;
mod repay;
mod revoke_govops;
mod schedule_op;
mod set_freezer;
mod set_rate_limit;
mod set_relayer;
mod set_timelock_paused;
mod transfer;
mod unfreeze;
mod unregister_pau;
