//! Past-tense facts, one per state change, with the post-state indexers and beacons need.
use anchor_lang::prelude::*;

use crate::state::{RateLimitSnapshot, TimelockAction};

#[event]
pub struct ConfiguratorInitialized {
    pub configurator: Pubkey,
    pub admin: Pubkey,
    pub timelock_delay_s: i64,
    pub sorl_hop_s: i64,
    pub sorl_max_change_bps: u16,
    pub max_transfer_fee_bps: u16,
    /// The upgrade authority that signed.
    pub upgrade_authority: Pubkey,
}

#[event]
pub struct OpScheduled {
    pub op: Pubkey,
    pub op_id: u64,
    pub action: TimelockAction,
    pub eta: i64,
    /// The admin that scheduled it.
    pub by: Pubkey,
}

#[event]
pub struct OpCancelled {
    pub op: Pubkey,
    pub op_id: u64,
    pub by: Pubkey,
}

#[event]
pub struct OpExecuted {
    pub op: Pubkey,
    pub op_id: u64,
    pub action: TimelockAction,
    /// Whoever sent the execution (anyone may).
    pub by: Pubkey,
}

#[event]
pub struct TimelockPauseSet {
    pub paused: bool,
    pub by: Pubkey,
}

#[event]
pub struct ConfigChanged {
    pub timelock_delay_s: i64,
    pub sorl_hop_s: i64,
    pub sorl_max_change_bps: u16,
    /// The pending admin before this change (a `TransferAdmin` replaces it).
    pub old_pending_admin: Pubkey,
    pub pending_admin: Pubkey,
    pub max_transfer_fee_bps: u16,
    pub by: Pubkey,
}

#[event]
pub struct PendingAdminCleared {
    pub old_pending_admin: Pubkey,
    /// Admin proposals with a smaller op id can no longer be executed.
    pub admin_ops_valid_from: u64,
    pub by: Pubkey,
}

#[event]
pub struct AdminAccepted {
    pub old_admin: Pubkey,
    pub new_admin: Pubkey,
    /// The signer: the new admin itself.
    pub by: Pubkey,
}

#[event]
pub struct ControllerCreated {
    pub controller: Pubkey,
    pub pau_id: u64,
    pub proxy: Pubkey,
}

#[event]
pub struct PauRegistered {
    pub controller: Pubkey,
}

#[event]
pub struct PauUnregistered {
    pub controller: Pubkey,
    /// `RegisterPau` ops with a smaller id can no longer be executed.
    pub register_ops_valid_from: u64,
    pub by: Pubkey,
}

#[event]
pub struct InitRateLimitAdded {
    pub init: Pubkey,
    pub key: [u8; 32],
    pub pau: Pubkey,
    pub max_amount: u64,
    pub slope: u64,
}

#[event]
pub struct InitRateLimitRemoved {
    pub init: Pubkey,
    pub key: [u8; 32],
    pub pau: Pubkey,
    pub by: Pubkey,
}

#[event]
pub struct GovOpsGranted {
    pub controller: Pubkey,
    pub member: Pubkey,
    /// Whoever sent the timelocked grant's execution.
    pub by: Pubkey,
}

#[event]
pub struct GovOpsRevoked {
    pub controller: Pubkey,
    pub member: Pubkey,
    pub by: Pubkey,
}

#[event]
pub struct RateLimitCreated {
    pub controller: Pubkey,
    pub key: [u8; 32],
    pub mint: Pubkey,
    pub counterparty: Pubkey,
    pub state: RateLimitSnapshot,
}

#[event]
pub struct RateLimitSet {
    pub controller: Pubkey,
    pub key: [u8; 32],
    pub old_max_amount: u64,
    pub old_slope: u64,
    pub increase: bool,
    pub by: Pubkey,
    pub state: RateLimitSnapshot,
}

#[event]
pub struct RateLimitRemoved {
    pub controller: Pubkey,
    pub key: [u8; 32],
    pub old_max_amount: u64,
    pub old_slope: u64,
    pub by: Pubkey,
    pub state: RateLimitSnapshot,
}

#[event]
pub struct RelayerSet {
    pub controller: Pubkey,
    pub old_relayer: Pubkey,
    pub new_relayer: Pubkey,
    pub by: Pubkey,
}

#[event]
pub struct FreezerSet {
    pub controller: Pubkey,
    pub old_freezer: Pubkey,
    pub new_freezer: Pubkey,
    pub by: Pubkey,
}

#[event]
pub struct ControllerFrozen {
    pub controller: Pubkey,
    pub by: Pubkey,
}

#[event]
pub struct ControllerUnfrozen {
    pub controller: Pubkey,
    pub by: Pubkey,
}

#[event]
pub struct IntegrationKeyAdded {
    pub controller: Pubkey,
    pub signer: Pubkey,
    pub key: [u8; 32],
    /// Keys the integration may use after this one was added.
    pub key_count: u8,
    /// Whoever sent the timelocked addition's execution.
    pub by: Pubkey,
}

#[event]
pub struct IntegrationRemoved {
    pub controller: Pubkey,
    pub signer: Pubkey,
    pub by: Pubkey,
}

/// Relayer `transfer`: custody -> route counterparty.
#[event]
pub struct Transferred {
    pub controller: Pubkey,
    pub key: [u8; 32],
    pub mint: Pubkey,
    pub destination: Pubkey,
    /// precision: base units that left custody (what the rate limit counts).
    pub amount: u64,
    /// precision: base units that arrived (less any Token-2022 transfer fee).
    pub received: u64,
    pub state: RateLimitSnapshot,
}

/// Integration `draw`: custody -> integration's account.
#[event]
pub struct Drawn {
    pub controller: Pubkey,
    pub integration: Pubkey,
    pub key: [u8; 32],
    pub amount: u64,
    pub received: u64,
    pub state: RateLimitSnapshot,
}

/// Integration `repay`: integration's account -> custody, given back to the route.
#[event]
pub struct Repaid {
    pub controller: Pubkey,
    pub integration: Pubkey,
    pub key: [u8; 32],
    pub amount: u64,
    /// precision: base units that arrived in custody (what the rate limit is given back).
    pub received: u64,
    pub state: RateLimitSnapshot,
}
