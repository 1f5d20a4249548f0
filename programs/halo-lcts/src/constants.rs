//! Seeds, bounds and defaults of the Passthrough Halo (LCTS).
use anchor_lang::prelude::*;

/// `["class", authority, class_id: u64 le]`: a Passthrough Halo Class.
#[constant]
pub const SEED_CLASS: &[u8] = b"class";
/// `["unit", class, unit_id: u64 le]`: a Passthrough Halo Unit (signs for its vaults, mints
/// its shares, and is the PAU integration).
#[constant]
pub const SEED_UNIT: &[u8] = b"unit";
/// `["share_mint", unit]`: the unit's Halo Unit share mint (Token-2022 with metadata).
#[constant]
pub const SEED_SHARE_MINT: &[u8] = b"share_mint";
/// `["queue", unit, side: u8]`: the subscribe (0) or redeem (1) queue.
#[constant]
pub const SEED_QUEUE: &[u8] = b"queue";
/// `["queue_vault", queue, mint]`: a queue's token account for `mint` (its underlying or
/// its reward), owned by the unit PDA.
#[constant]
pub const SEED_QUEUE_VAULT: &[u8] = b"queue_vault";
/// `["generation", queue, gen_id: u64 le]`: a finalized generation (immutable).
#[constant]
pub const SEED_GENERATION: &[u8] = b"generation";
/// `["position", queue, owner]`: one owner's position in a queue.
#[constant]
pub const SEED_POSITION: &[u8] = b"position";

/// The PAU route tag of converted subscribe USDS leaving custody for the strategy:
/// `sha256("lcts_deploy" || usds_mint || endpoint)`.
#[constant]
pub const TAG_LCTS_DEPLOY: &[u8] = b"lcts_deploy";
/// The PAU route tag of redemption USDS coming back from custody to the redeem queue:
/// `sha256("lcts_return" || usds_mint || redeem_usds_vault)`.
#[constant]
pub const TAG_LCTS_RETURN: &[u8] = b"lcts_return";

pub const ACCOUNT_VERSION: u8 = 1;
/// 1.0 USDS per share: the rate a new unit starts at unless governance says otherwise.
pub const WAD: u128 = 1_000_000_000_000_000_000;

/// precision: seconds; the default bound on a lock (Sky's LCTS: a generation stuck
/// LOCKED longer than this may be unlocked by anyone).
pub const DEFAULT_MAX_LOCK_S: i64 = 3 * 3600;
/// precision: seconds; bounds governance may set.
pub const MIN_MAX_LOCK_S: i64 = 60;
pub const MAX_MAX_LOCK_S: i64 = 7 * 24 * 3600;
pub const MIN_EPOCH_S: i64 = 60;
pub const MAX_EPOCH_S: i64 = 31 * 24 * 3600;
/// precision: bps; a single downward update may not wipe the rate out.
pub const MAX_RATE_DOWN_BPS: u16 = 5_000;
/// precision: bps; a single upward update: a compromised beacon could otherwise inflate
/// the rate (and what redemptions draw from custody) quickly.
pub const MAX_RATE_UP_BPS: u16 = 1_000;
/// precision: WAD; the largest exchange rate (a billion USDS base units per share unit).
pub const MAX_RATE_WAD: u128 = 1_000_000_000 * WAD;

/// Share-mint metadata bounds (bytes).
pub const MAX_NAME_LEN: usize = 32;
pub const MAX_SYMBOL_LEN: usize = 10;
pub const MAX_URI_LEN: usize = 200;

/// Pause flags on a unit.
pub const PAUSE_UNIT: u8 = 1;
pub const PAUSE_SUBSCRIBE: u8 = 2;
pub const PAUSE_REDEEM: u8 = 4;
pub const PAUSE_ALL: u8 = PAUSE_UNIT | PAUSE_SUBSCRIBE | PAUSE_REDEEM;
