//! `halo_nfat_hook` integration tests: its two instructions' refusals, each with its
//! specific error and nothing changed. (Wallet transfers through the hook, with the
//! allow-list on and off, are in tests/nfat/transfer.rs and, on the SBF build, in
//! bench/tests/real_vm.rs.)
#![allow(deprecated)]

#[path = "../nfat/common.rs"]
#[allow(dead_code, unused_imports)]
mod common;

mod execute;
mod initialize_extra_account_meta_list;
