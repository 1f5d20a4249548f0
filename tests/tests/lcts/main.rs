//! `halo_lcts` integration tests: one module per instruction, named after it, plus the
//! invariants, pre-funded addresses and a randomised multi-actor simulation. Each refusal
//! asserts its specific error and that no state and no token moved. Fixtures live in
//! `halo-harness` (`LctsEnv`).
#![allow(deprecated)]

mod common;

mod accept_class_governance;
mod beacon;
mod claim;
mod create_class;
mod create_queue;
mod create_unit;
mod exchange_rate;
mod exit;
mod invariants;
mod lock;
mod position_view;
mod prefunded_addresses;
mod propose_class_governance;
mod request_redeem;
mod set_exchange_rate;
mod set_paused;
mod set_unit_params;
mod set_unit_roles;
mod set_unit_routes;
mod settle;
mod settle_finalized;
mod settle_pair;
mod simulation;
mod subscribe;
mod unlock;
mod update_exchange_rate;
