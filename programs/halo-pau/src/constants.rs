//! Seeds, defaults and bounds of the PAU program. The seeds carry `#[constant]`, so they
//! reach the IDL.
use anchor_lang::prelude::*;

/// `["configurator"]`: one per deployment.
#[constant]
pub const SEED_CONFIGURATOR: &[u8] = b"configurator";
/// `["op", configurator, op_id: u64 le]`.
#[constant]
pub const SEED_OP: &[u8] = b"op";
/// `["controller", configurator, pau_id: u64 le]`.
#[constant]
pub const SEED_CONTROLLER: &[u8] = b"controller";
/// `["proxy", controller]`: the ALM proxy, owner of every custody token account.
#[constant]
pub const SEED_PROXY: &[u8] = b"proxy";
/// `["govops", controller, member]`.
#[constant]
pub const SEED_GOVOPS: &[u8] = b"govops";
/// `["init", configurator, key, pau_or_default]`.
#[constant]
pub const SEED_INIT: &[u8] = b"init";
/// `["rate_limit", controller, key]`.
#[constant]
pub const SEED_RATE_LIMIT: &[u8] = b"rate_limit";
/// `["integration", controller, signer]`.
#[constant]
pub const SEED_INTEGRATION: &[u8] = b"integration";
/// `["removal", configurator, target]`: the record an instant removal leaves behind, so
/// that an addition for the same target scheduled before it can no longer be executed.
/// `target` is [`crate::state::removal_target`] of the removed thing.
#[constant]
pub const SEED_REMOVAL: &[u8] = b"removal";

/// Account layout version written by this program.
pub const ACCOUNT_VERSION: u8 = 1;

/// Default timelock on additions: 14 days.
pub const DEFAULT_TIMELOCK_DELAY_S: i64 = 14 * 24 * 3600;
/// Default SORL hop: 18 hours between two increases of one rate limit.
pub const DEFAULT_SORL_HOP_S: i64 = 18 * 3600;
/// Default SORL step: +25 % per hop.
pub const DEFAULT_SORL_MAX_CHANGE_BPS: u16 = 2_500;

/// Bounds on the configurator's own parameters, so that no change can disable the
/// timelock (too short) or lock governance out (too long).
pub const MIN_TIMELOCK_DELAY_S: i64 = 3600;
/// Longest timelock: 60 days.
pub const MAX_TIMELOCK_DELAY_S: i64 = 60 * 24 * 3600;
/// Shortest SORL hop: 1 hour.
pub const MIN_SORL_HOP_S: i64 = 3600;
/// Longest SORL hop: 30 days.
pub const MAX_SORL_HOP_S: i64 = 30 * 24 * 3600;
/// Largest SORL step: +100 % per hop.
pub const MAX_SORL_MAX_CHANGE_BPS: u16 = 10_000;

/// A scheduled addition may be executed from its eta until this long after it; later it
/// has expired and must be scheduled again (a forgotten op cannot surface months later).
pub const OP_GRACE_PERIOD_S: i64 = 14 * 24 * 3600;

/// Largest Token-2022 transfer fee a custody route accepts by default (1 %). The
/// configurator's `max_transfer_fee_bps` changes through the timelock.
pub const DEFAULT_MAX_TRANSFER_FEE_BPS: u16 = 100;
/// The governance maximum itself may not exceed 10 %.
pub const MAX_TRANSFER_FEE_BPS: u16 = 1_000;

/// Longest action tag hashed into a rate-limit key (`b"transfer"`, `b"amm_fund"`, ...).
pub const MAX_TAG_LEN: usize = 16;
/// Rate-limit keys one integration may use.
pub const MAX_INTEGRATION_KEYS: usize = 8;

/// Tag of the relayer's `transfer` route.
pub const TAG_TRANSFER: &[u8] = b"transfer";
