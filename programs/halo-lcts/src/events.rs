//! Past-tense facts, one per state change, carrying the post-state the beacon and the
//! report need (backlog, capacity used, time to fill).
use anchor_lang::prelude::*;

use crate::state::{QueueSide, UnitParams};

#[event]
pub struct ClassCreated {
    pub class: Pubkey,
    pub governance: Pubkey,
    pub class_id: u64,
}

#[event]
pub struct ClassGovernanceProposed {
    pub class: Pubkey,
    pub by: Pubkey,
    pub old_pending: Pubkey,
    pub new_pending: Pubkey,
}

#[event]
pub struct ClassGovernanceAccepted {
    pub class: Pubkey,
    pub old: Pubkey,
    pub new: Pubkey,
}

#[event]
pub struct UnitCreated {
    pub class: Pubkey,
    pub unit: Pubkey,
    pub unit_id: u64,
    pub underlying_mint: Pubkey,
    pub share_mint: Pubkey,
    pub pau_controller: Pubkey,
    pub beacon: Pubkey,
    pub freezer: Pubkey,
    pub rate_wad: u128,
    pub params: UnitParams,
}

#[event]
pub struct QueueCreated {
    pub unit: Pubkey,
    pub queue: Pubkey,
    pub side: QueueSide,
    pub underlying_vault: Pubkey,
    pub reward_vault: Pubkey,
}

#[event]
pub struct UnitParamsSet {
    pub unit: Pubkey,
    pub by: Pubkey,
    pub old: UnitParams,
    pub new: UnitParams,
}

#[event]
pub struct UnitRoutesSet {
    pub unit: Pubkey,
    pub by: Pubkey,
    pub old_deploy_rate_limit: Pubkey,
    pub new_deploy_rate_limit: Pubkey,
    pub old_return_rate_limit: Pubkey,
    pub new_return_rate_limit: Pubkey,
}

#[event]
pub struct UnitRolesSet {
    pub unit: Pubkey,
    pub by: Pubkey,
    pub old_beacon: Pubkey,
    pub new_beacon: Pubkey,
    pub old_freezer: Pubkey,
    pub new_freezer: Pubkey,
}

#[event]
pub struct PauseSet {
    pub unit: Pubkey,
    pub by: Pubkey,
    pub old: u8,
    pub new: u8,
}

#[event]
pub struct ExchangeRateUpdated {
    pub unit: Pubkey,
    pub by: Pubkey,
    /// Governance's override (outside the beacon's bounds and epoch).
    pub by_governance: bool,
    pub old_rate_wad: u128,
    pub new_rate_wad: u128,
    pub updated_at: i64,
}

#[event]
pub struct Entered {
    pub queue: Pubkey,
    pub owner: Pubkey,
    pub gen_id: u64,
    pub amount: u64,
    /// The entry created the position.
    pub opened: bool,
    pub shares: u128,
    /// Reward the position had earned, paid before adding (its old generation's, if that
    /// one had finalized).
    pub reward_paid: u64,
    pub total_underlying: u64,
    pub total_shares: u128,
}

#[event]
pub struct Claimed {
    pub queue: Pubkey,
    pub owner: Pubkey,
    pub gen_id: u64,
    pub reward: u64,
}

#[event]
pub struct Exited {
    pub queue: Pubkey,
    pub owner: Pubkey,
    pub gen_id: u64,
    pub underlying: u64,
    pub reward: u64,
    pub total_underlying: u64,
    /// The last one out left the queue dormant.
    pub dormant: bool,
}

#[event]
pub struct FinalizedSettled {
    pub queue: Pubkey,
    pub owner: Pubkey,
    pub gen_id: u64,
    pub reward: u64,
    /// Who sent it (the owner, or a keeper).
    pub by: Pubkey,
}

#[event]
pub struct Locked {
    pub queue: Pubkey,
    pub gen_id: u64,
    pub locked_at: i64,
    pub total_underlying: u64,
}

#[event]
pub struct Unlocked {
    pub queue: Pubkey,
    pub gen_id: u64,
    pub by: Pubkey,
    /// How long it had been locked (seconds).
    pub locked_for_s: i64,
}

#[event]
pub struct Netted {
    pub unit: Pubkey,
    pub usds: u64,
    pub shares_to_subscribers: u64,
    pub shares_from_redeemers: u64,
    pub rate_wad: u128,
}

#[event]
pub struct Settled {
    pub queue: Pubkey,
    pub gen_id: u64,
    pub by: Pubkey,
    /// The capacity given for the PAU leg (base units of the queue's underlying).
    pub capacity: u64,
    /// Underlying converted by netting inside the unit.
    pub netted: u64,
    /// Underlying converted through the PAU (may exceed `capacity` by less than the dust).
    pub external: u64,
    /// Reward credited to the generation (netting plus the PAU leg).
    pub reward: u64,
    pub rate_wad: u128,
    /// What still waits in the generation (0 when it finalized).
    pub backlog: u64,
    pub finalized: bool,
    /// How long the generation had been open (seconds).
    pub open_for_s: i64,
}

#[event]
pub struct GenerationFinalized {
    pub queue: Pubkey,
    pub generation: Pubkey,
    pub gen_id: u64,
    pub final_reward_per_share: u128,
    pub total_shares: u128,
}
