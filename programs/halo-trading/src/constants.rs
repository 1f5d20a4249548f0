//! Seeds, program ids and bounds of the Trading Halo.
use anchor_lang::prelude::*;

/// `["class", authority, class_id: u64 le]`: a trading class.
#[constant]
pub const SEED_CLASS: &[u8] = b"class";
/// `["unit", class, unit_id: u64 le]`: a pool (Halo Unit).
#[constant]
pub const SEED_UNIT: &[u8] = b"unit";
/// `["book", class, book_id: u64 le]`: the book owning a pool's vaults.
#[constant]
pub const SEED_BOOK: &[u8] = b"book";
/// `["book_vault", book, mint]`: a pool's token account for `mint`.
#[constant]
pub const SEED_BOOK_VAULT: &[u8] = b"book_vault";
/// `["lp", pool, owner]`: an LP position.
#[constant]
pub const SEED_LP: &[u8] = b"lp";
/// `["redemption", pool, id: u64 le]`: an issuer redemption.
#[constant]
pub const SEED_REDEMPTION: &[u8] = b"redemption";
/// `["withdraw_gen", pool, id: u64 le]`: a withdrawal generation.
#[constant]
pub const SEED_WITHDRAW_GEN: &[u8] = b"withdraw_gen";
/// `["quote", pool, nonce: u64 le]`: an RFQ quote's receipt.
#[constant]
pub const SEED_QUOTE: &[u8] = b"quote";

/// Domain tag of an RFQ quote's signed message.
pub const RFQ_DOMAIN: &[u8] = b"halo-rfq-v1";
/// The Ed25519 signature-verification precompile.
pub const ED25519_PROGRAM_ID: Pubkey = pubkey!("Ed25519SigVerify111111111111111111111111111");

/// The PAU route tag for USDS funding the pool: `sha256("amm_fund" || quote_mint || quote_vault)`.
pub const TAG_AMM_FUND: &[u8] = b"amm_fund";

/// Pyth's pull-oracle receiver program (owner of every `PriceUpdateV2` account).
pub const PYTH_RECEIVER_ID: Pubkey = pubkey!("rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ");

pub const ACCOUNT_VERSION: u8 = 1;
/// A redemption settles normally only if at least this share of the expected USDS came
/// back (bps); less must go through `fail_redemption` and a reviewed recovery.
pub const SETTLE_MIN_BPS: u64 = 9_900;
/// precision: seconds; a withdrawal generation the beacon has not rolled (since it opened)
/// or settled (since it closed) for this long may be rolled / settled by anyone.
pub const QUEUE_FALLBACK_S: i64 = 3 * 24 * 3600;
/// precision: seconds; the deviation guard measures every accepted price against the
/// price at the start of a window this long (as the oracle's move guard does).
pub const DEVIATION_WINDOW_S: i64 = 24 * 3600;
/// precision: seconds; a replacement price source proposed by governance applies only
/// this long after the proposal (LPs see it coming and may leave).
pub const PRICE_SOURCE_DELAY_S: i64 = 2 * 24 * 3600;
/// precision: seconds; a proposed price source may be applied until this long after its
/// delay, then it has expired and must be proposed again.
pub const PRICE_SOURCE_GRACE_S: i64 = 14 * 24 * 3600;
/// Bounds on governance parameters.
pub const MAX_SPREAD_BPS: u16 = 5_000;
pub const MAX_SKEW_BPS: u16 = 5_000;
pub const BPS: u16 = 10_000;
