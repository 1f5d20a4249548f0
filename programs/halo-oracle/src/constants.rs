//! Seeds and bounds of the oracle program. The seed carries `#[constant]`, so it reaches
//! the IDL.
use anchor_lang::prelude::*;

/// `["feed", authority, feed_id: u64 le]`.
#[constant]
pub const SEED_FEED: &[u8] = b"feed";
/// Reporters per feed (a fixed array keeps every instruction O(1)).
pub const MAX_REPORTERS: usize = 4;
/// Largest decimals a feed may carry (matches `halo_math::pricing::MAX_DECIMALS`).
pub const MAX_FEED_DECIMALS: u8 = 18;
/// The move guard may not exceed 100 %.
pub const MAX_MOVE_BPS: u16 = 10_000;
pub const FEED_VERSION: u8 = 1;
/// precision: seconds; within one window, reporter updates may move the value at most
/// `max_move_bps` away from the window's anchor (the value when it opened), whatever the
/// number of updates.
pub const GUARD_WINDOW_S: i64 = 24 * 3600;
