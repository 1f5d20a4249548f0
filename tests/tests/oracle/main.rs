//! `halo_oracle` integration tests: one module per instruction, named after it. Each has the
//! happy path (the resulting feed checked field by field), every refusal the instruction
//! can raise (the specific error, and the touched accounts unchanged byte for byte), the
//! missing-signer attack and look-alike accounts.
#![allow(deprecated)]

mod common;

mod accept_governance;
mod add_reporter;
mod create_feed;
mod governance_publish;
mod invariants;
mod prefunded_addresses;
mod propose_governance;
mod publish;
mod remove_reporter;
mod set_max_move;
