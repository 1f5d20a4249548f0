//! Money maths shared by every Halo program, the SDK, the beacons and the CLI.
//!
//! * `no_std`, no Solana dependency (the optional `anchor` feature derives the borsh /
//!   Anchor traits on the types programs store or take as arguments), no floats, no recursion, no allocation.
//! * All arithmetic is checked: overflow is an error, never a wrap.
//! * Every division names its rounding ([`Rounding::Down`] / [`Rounding::Up`]); callers
//!   pick the direction that goes against the user and in favour of the pool / queue.
//!
//! Modules:
//! * [`fixed`]: `mul_div` with a 256-bit intermediate, WAD (1e18) and basis-point helpers.
//! * [`rate_limit`]: the PAU rate-limit state machine and the SORL increase check.
//! * [`shares`]: share maths for the LCTS queues and LP shares.
//! * [`pricing`]: the Trading Halo's NAV ± spread quotes, inventory skew, oracle checks.
//! * [`queue`]: generation accounting for liquidity-constrained redeem queues.
//! * [`lcts`]: the Passthrough Halo's LCTS generations (subscribe / redeem queues with a
//!   reward-per-share accumulator, dust finalization, exchange-rate conversions).
//! * [`deal`]: an NFAT deal's ledger: fundings capped by the terms, late penalties, claims.
//! * [`nfat`]: the Structuring Halo's deal terms: 30/360 interest, bullet / amortizing /
//!   periodic-interest schedules, what is due at a time, lateness and its penalty.
#![cfg_attr(not(any(feature = "anchor", test)), no_std)]
#![deny(clippy::arithmetic_side_effects)]

pub mod deal;
pub mod fixed;
pub mod lcts;
pub mod nfat;
pub mod pricing;
pub mod queue;
pub mod rate_limit;
pub mod shares;

pub use fixed::{
    apply_bps, min_received_after_fee, mul_div, mul_div_u64, wad_div, wad_mul, MathError, Rounding,
    BPS_DENOMINATOR, WAD,
};
pub use rate_limit::{
    check_sorl, increase_limit, sorl_bound, RateLimitError, RateLimitState, SorlError, SorlOutcome,
    SorlParams, UNLIMITED,
};

/// Anchor's `emit!`, and the same event in the logs of a natively compiled program.
///
/// On SBF this is `anchor_lang::emit!`: the `sol_log_data` syscall, a `Program data:` log
/// line. Natively (the programs linked into solana-program-test) Anchor's `sol_log_data`
/// does nothing, so no event would reach a transaction's logs; this sends it to the
/// syscall stubs instead, where the test harness logs it as a cluster would. The programs
/// call this, never `emit!` itself (clippy.toml disallows it).
#[macro_export]
macro_rules! emit_event {
    ($event:expr) => {{
        // what anchor's emit! expands to
        #[cfg(target_os = "solana")]
        anchor_lang::solana_program::log::sol_log_data(&[&anchor_lang::Event::data(&$event)]);
        #[cfg(not(target_os = "solana"))]
        anchor_lang::compat::solana_sysvar::program_stubs::sol_log_data(&[
            &anchor_lang::Event::data(&$event),
        ]);
    }};
}
