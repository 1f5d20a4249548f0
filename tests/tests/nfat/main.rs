//! `halo_nfat` integration tests (with `halo_nfat_hook` beside it): one module per
//! instruction group, Sky's scenarios, the security classes and a randomised multi-actor
//! simulation. Each refusal asserts its specific error and that no state and no token
//! moved. Fixtures live in `halo-harness` (`NfatEnv`).
#![allow(deprecated)]

mod common;

mod beacon;
mod book;
mod buybox;
mod claim;
mod default;
mod deliver;
mod governance;
mod halt;
mod lifecycle;
mod queue;
mod redeem;
mod simulation;
mod transfer;
