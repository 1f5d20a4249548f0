//! `halo_pau` integration tests: one module per instruction, named after it.
//! Each has the happy path, every refusal (specific error, no state change, no token
//! movement) and the applicable attacks of `security.md`.
#![allow(deprecated)]

mod common;
mod transfer;
