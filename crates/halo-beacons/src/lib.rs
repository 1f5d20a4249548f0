//! Halo's beacons: deterministic operators with narrow on-chain permissions.
//!
//! Each beacon is a **pure** planning function from observed chain state (plus external
//! inputs such as issuer settlements) to a list of actions, and a thin loop that reads
//! state, plans, builds the instructions through `halo-sdk`, signs and sends. Planning is
//! idempotent (it derives everything from chain state, so running a cycle twice does no
//! more than once) and a failed transaction is simply re-planned next cycle.
pub mod amm;
pub mod lcts;
pub mod nfat;
