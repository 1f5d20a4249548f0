//! `halo_trading` integration tests: one module per instruction, named after it, plus the
//! seed 000 scenarios and a randomised multi-actor simulation. Each refusal asserts its
//! specific error and that no state and no token moved. Fixtures live in `halo-harness`.
#![allow(deprecated)]

mod common;

mod beacon;
mod governance;
mod lp;
mod operator;
mod properties;
mod simulation;
mod swap;
