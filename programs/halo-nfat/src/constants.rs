//! Seeds, bounds and flags of the Structuring Halo (NFAT).
use anchor_lang::prelude::*;

/// `["class", authority, facility_id: u64 le]`: a facility (the Halo Class). Signs for
/// every vault, mints the deal NFTs, and is the PAU integration.
#[constant]
pub const SEED_FACILITY: &[u8] = b"class";
/// `["prime", facility, prime]`: present = the Prime may deposit and be a counterparty.
#[constant]
pub const SEED_PRIME: &[u8] = b"prime";
/// `["deposit", facility, prime]`: a Prime's queued capital (shares).
#[constant]
pub const SEED_DEPOSIT: &[u8] = b"deposit";
/// `["queue_vault", facility]`: the queue's token account (owned by the facility).
#[constant]
pub const SEED_QUEUE_VAULT: &[u8] = b"queue_vault";
/// `["redeem_vault", facility]`: the redeem side's token account (owned by the facility):
/// returned capital not yet allocated to deals, and deals' funded unclaimed amounts.
#[constant]
pub const SEED_REDEEM_VAULT: &[u8] = b"redeem_vault";
/// `["book", facility, book_id: u64 le]`: a book (the asset side of its deals).
#[constant]
pub const SEED_BOOK: &[u8] = b"book";
/// `["book_vault", book, mint]`: a book's token account (owned by the facility).
#[constant]
pub const SEED_BOOK_VAULT: &[u8] = b"book_vault";
/// `["deal", facility, deal_id: u64 le]`: a deal (the Halo Unit one NFT represents).
#[constant]
pub const SEED_DEAL: &[u8] = b"deal";
/// `["nft", deal]`: the deal's NFT mint (Token-2022, decimals 0, supply 1).
#[constant]
pub const SEED_NFT: &[u8] = b"nft";
/// `["holder", facility, owner]`: present = the owner may receive the facility's NFTs
/// while its allow-list is on (read by `halo_nfat_hook`).
#[constant]
pub const SEED_HOLDER: &[u8] = b"holder";

/// The PAU route tag of book capital leaving custody for the RWA endpoint:
/// `sha256("nfat_deploy" || mint || endpoint)`.
#[constant]
pub const TAG_NFAT_DEPLOY: &[u8] = b"nfat_deploy";
/// The PAU route tag of returned capital coming from custody to the redeem vault:
/// `sha256("nfat_return" || mint || redeem_vault)`.
#[constant]
pub const TAG_NFAT_RETURN: &[u8] = b"nfat_return";

pub const ACCOUNT_VERSION: u8 = 1;

/// Buybox bounds governance may set.
pub const MAX_TENOR_MONTHS: u32 = 360;
/// The most scheduled payments a deal may have (a funding walks at most these).
pub const MAX_PAYMENTS: u32 = 60;
/// precision: bps a year (500 %).
pub const MAX_APY_BPS: u32 = 50_000;
/// precision: bps a day (10 % a day).
pub const MAX_PENALTY_BPS_PER_DAY: u32 = 1_000;
/// precision: seconds (a year).
pub const MAX_GRACE_PERIOD_S: i64 = 365 * 86_400;
/// precision: seconds; how far from the strike a deal's start may lie (a year).
pub const MAX_START_OFFSET_S: i64 = 365 * 86_400;

/// Allowed-schedule flags in a buybox.
pub const SCHEDULE_BULLET: u8 = 1;
pub const SCHEDULE_AMORTIZING: u8 = 2;
pub const SCHEDULE_PERIODIC_INTEREST: u8 = 4;
pub const SCHEDULE_ALL: u8 = SCHEDULE_BULLET | SCHEDULE_AMORTIZING | SCHEDULE_PERIODIC_INTEREST;

/// NFT metadata bounds (bytes) of the facility's name, symbol and URI.
pub const MAX_NAME_LEN: usize = 20;
pub const MAX_SYMBOL_LEN: usize = 10;
pub const MAX_URI_LEN: usize = 120;
