//! One file per instruction: its `Accounts` struct, its `validate()` and its handler.
//! Grouped by who signs: `governance`, `warden` (the warden or governance), `attestor`
//! (lpha-attest), `beacon` (lpha-nfat), `prime` (Primes), `holder` (NFT holders),
//! `anyone` (direct payments, the view).
pub mod anyone;
pub mod attestor;
pub mod beacon;
pub mod governance;
pub mod holder;
pub mod prime;
pub mod warden;

#[allow(ambiguous_glob_reexports)]
pub use {anyone::*, attestor::*, beacon::*, governance::*, holder::*, prime::*, warden::*};
