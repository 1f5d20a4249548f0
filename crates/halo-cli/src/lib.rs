//! The `halo` command's library: the seed scenarios, each a function that drives the
//! programs on the embedded chain, prints a readable account of each step, and returns the
//! numbers it observed (so that tests can check them).
pub mod report;
pub mod scenarios;
