//! `halo_trading` integration tests: one module per instruction, named after it, plus the
//! seed 000 scenarios and a randomised multi-actor simulation. Each refusal asserts its
//! specific error and that no state and no token moved. Fixtures live in `halo-harness`.
#![allow(deprecated)]

mod common;

mod beacon;
mod claim_withdrawal;
mod clear_redemption_failure;
mod create_class;
mod create_pool;
mod deposit;
mod fail_redemption;
mod fund_from_pau;
mod invariants;
mod open_position;
mod pause_pool;
mod poke;
mod prefunded_addresses;
mod properties;
mod propose_class_governance;
mod propose_price_source;
mod request_withdrawal;
mod resume_pool;
mod return_to_pau;
mod roll_withdrawals;
mod set_class_paused;
mod set_class_roles;
mod set_pool_params;
mod set_rfq_domain;
mod set_sides;
mod settle_redemption;
mod settle_withdrawals;
mod simulation;
mod start_redemption;
mod swap;
mod swap_with_quote;
mod write_off_redemption;
