//! Past-tense facts, one per state change, with the post-state beacons and the report need.
use anchor_lang::prelude::*;

use crate::state::{PauseReason, PoolParams, PriceSource, RedemptionStatus};

#[event]
pub struct ClassCreated {
    pub class: Pubkey,
    pub governance: Pubkey,
    pub beacon: Pubkey,
    pub freezer: Pubkey,
    pub quote_mint: Pubkey,
    pub pau_controller: Pubkey,
}

#[event]
pub struct ClassRolesSet {
    pub class: Pubkey,
    /// The governance key that signed.
    pub by: Pubkey,
    pub old_beacon: Pubkey,
    pub new_beacon: Pubkey,
    pub old_freezer: Pubkey,
    pub new_freezer: Pubkey,
}

#[event]
pub struct ClassGovernanceProposed {
    pub class: Pubkey,
    /// The governance key that signed.
    pub by: Pubkey,
    /// The proposal this one replaces (default: none).
    pub old_pending: Pubkey,
    /// The proposed governance (default: the proposal is withdrawn).
    pub new_pending: Pubkey,
}

#[event]
pub struct ClassGovernanceAccepted {
    pub class: Pubkey,
    /// The proposed key that signed (it becomes `new_governance`).
    pub by: Pubkey,
    pub old_governance: Pubkey,
    pub new_governance: Pubkey,
}

#[event]
pub struct PriceSourceProposed {
    pub pool: Pubkey,
    pub current: PriceSource,
    pub proposed: PriceSource,
    pub eta: i64,
    pub by: Pubkey,
}

#[event]
pub struct PriceSourceApplied {
    pub pool: Pubkey,
    pub old: PriceSource,
    pub new: PriceSource,
    /// precision: WAD; the new source's price the pool re-anchored on.
    pub price_wad: u128,
    pub by: Pubkey,
}

#[event]
pub struct RfqDomainSet {
    pub class: Pubkey,
    pub old_domain: [u8; 32],
    pub new_domain: [u8; 32],
    pub by: Pubkey,
}

#[event]
pub struct ClassPauseSet {
    pub class: Pubkey,
    pub paused: bool,
    pub by: Pubkey,
}

#[event]
pub struct PoolCreated {
    pub class: Pubkey,
    pub pool: Pubkey,
    pub book: Pubkey,
    pub asset_mint: Pubkey,
    pub price_source: PriceSource,
    pub params: PoolParams,
}

#[event]
pub struct PoolParamsSet {
    pub pool: Pubkey,
    pub old: PoolParams,
    pub new: PoolParams,
}

#[event]
pub struct SidesSet {
    pub pool: Pubkey,
    pub buy_enabled: bool,
    pub sell_enabled: bool,
}

#[event]
pub struct PoolPaused {
    pub pool: Pubkey,
    pub reason: PauseReason,
    pub by: Pubkey,
    /// precision: WAD; the price that triggered an automatic pause (0 for manual).
    pub observed_price_wad: u128,
    pub reference_price_wad: u128,
}

#[event]
pub struct PoolResumed {
    pub pool: Pubkey,
    pub by: Pubkey,
    pub price_wad: u128,
    pub publish_ts: i64,
}

#[event]
pub struct PriceObserved {
    pub pool: Pubkey,
    pub price_wad: u128,
    pub publish_ts: i64,
}

#[event]
pub struct RedemptionFailureCleared {
    pub pool: Pubkey,
}

#[event]
pub struct RedemptionWrittenOff {
    pub pool: Pubkey,
    pub redemption: Pubkey,
    pub id: u64,
    /// precision: quote base units; what no longer holds withdrawals back (expected minus
    /// what partial recoveries brought).
    pub expected_quote: u64,
    pub failed_expected_after: u64,
    pub by: Pubkey,
}

#[event]
pub struct SwapExecuted {
    pub pool: Pubkey,
    pub user: Pubkey,
    /// true: the user sold the asset to the pool.
    pub user_sold: bool,
    pub exact_in: bool,
    pub asset_amount: u64,
    pub quote_amount: u64,
    pub price_used_wad: u128,
    pub spread_bps: u32,
    /// precision: quote base units the pool earned against mid.
    pub spread_quote: u64,
    pub inventory_after: u64,
    pub quote_liquidity_after: u64,
}

#[event]
pub struct QuoteFilled {
    pub pool: Pubkey,
    pub user: Pubkey,
    pub nonce: u64,
    pub user_sold: bool,
    pub asset_amount: u64,
    pub quote_amount: u64,
    /// precision: WAD; the NAV the bound was checked against.
    pub nav_wad: u128,
}

#[event]
pub struct PositionOpened {
    pub pool: Pubkey,
    pub position: Pubkey,
    pub owner: Pubkey,
}

#[event]
pub struct Deposited {
    pub pool: Pubkey,
    pub owner: Pubkey,
    pub quote_amount: u64,
    pub shares: u64,
    pub pool_value_before: u64,
    pub total_shares_after: u64,
    pub from_pau: bool,
}

#[event]
pub struct WithdrawalRequested {
    pub pool: Pubkey,
    pub owner: Pubkey,
    pub generation: u64,
    pub shares: u64,
}

#[event]
pub struct WithdrawalsRolled {
    pub pool: Pubkey,
    pub closed_generation: u64,
    pub requested: u64,
    pub open_generation: u64,
}

#[event]
pub struct WithdrawalsSettled {
    pub pool: Pubkey,
    pub generation: u64,
    pub shares_burned: u64,
    pub quote_paid: u64,
    pub complete: bool,
    pub quote_liquidity_after: u64,
}

#[event]
pub struct WithdrawalClaimed {
    pub pool: Pubkey,
    pub owner: Pubkey,
    pub generation: u64,
    pub shares_filled: u64,
    pub quote_amount: u64,
}

#[event]
pub struct ReturnedToPau {
    pub pool: Pubkey,
    pub quote_amount: u64,
    pub shares_burned: u64,
    pub pool_value_before: u64,
}

#[event]
pub struct RedemptionStarted {
    pub pool: Pubkey,
    pub redemption: Pubkey,
    pub id: u64,
    pub amount: u64,
    pub nav_wad: u128,
    pub expected_quote: u64,
    pub cost_basis: u64,
    pub expected_by: i64,
}

#[event]
pub struct RedemptionClosed {
    pub pool: Pubkey,
    pub redemption: Pubkey,
    pub id: u64,
    pub status: RedemptionStatus,
    pub received: u64,
    /// precision: quote base units; what this event adds to realised P&L: received minus
    /// cost basis when settled, minus the cost when failed, and the whole receipt for a
    /// recovery (its cost was already counted by the failure), so the sum over events is
    /// the pool's `realised_pnl` from redemptions.
    pub pnl: i64,
}
