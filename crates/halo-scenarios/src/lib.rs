//! The seed scenarios. Each is a function over any `halo_sdk::ledger::Ledger`: it drives
//! the programs, writes a readable account of each step to a `Report`, and returns the
//! numbers it observed so that tests can check them on every ledger (native and SBF).
pub mod configurator;
pub mod passthrough;
pub mod report;
pub mod structuring;
pub mod trading;
