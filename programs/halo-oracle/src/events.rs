//! Past-tense facts, one per state change.
use anchor_lang::prelude::*;

#[event]
pub struct FeedCreated {
    pub feed: Pubkey,
    pub governance: Pubkey,
    pub feed_id: u64,
    pub decimals: u8,
    pub max_move_bps: u16,
    pub value: u64,
    pub publish_ts: i64,
}

#[event]
pub struct ReporterAdded {
    pub feed: Pubkey,
    pub reporter: Pubkey,
    /// The governance that signed.
    pub by: Pubkey,
}

#[event]
pub struct ReporterRemoved {
    pub feed: Pubkey,
    pub reporter: Pubkey,
    /// The governance that signed.
    pub by: Pubkey,
}

#[event]
pub struct MaxMoveSet {
    pub feed: Pubkey,
    pub old_bps: u16,
    pub new_bps: u16,
    /// The governance that signed.
    pub by: Pubkey,
}

#[event]
pub struct GovernanceProposed {
    pub feed: Pubkey,
    pub governance: Pubkey,
    /// The proposal this one replaces (default: none).
    pub old_pending_governance: Pubkey,
    /// default: a proposal withdrawn.
    pub pending_governance: Pubkey,
    /// The governance that signed.
    pub by: Pubkey,
}

#[event]
pub struct GovernanceTransferred {
    pub feed: Pubkey,
    pub old_governance: Pubkey,
    pub new_governance: Pubkey,
    /// The signer: the new governance itself.
    pub by: Pubkey,
}

#[event]
pub struct NavPublished {
    pub feed: Pubkey,
    pub publisher: Pubkey,
    pub by_governance: bool,
    pub previous_value: u64,
    pub value: u64,
    pub previous_publish_ts: i64,
    pub publish_ts: i64,
}
