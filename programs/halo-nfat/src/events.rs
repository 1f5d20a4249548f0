//! Past-tense facts, one per state change, with what the beacon and the report need.
use anchor_lang::prelude::*;
use halo_math::nfat::Terms;

use crate::state::{AttestationKind, BookStatus, Buybox, Roles};

#[event]
pub struct FacilityCreated {
    pub facility: Pubkey,
    pub governance: Pubkey,
    pub facility_id: u64,
    pub deposit_mint: Pubkey,
    pub pau_controller: Pubkey,
    pub buybox: Buybox,
    pub roles: Roles,
}

#[event]
pub struct GovernanceProposed {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub old_pending: Pubkey,
    pub new_pending: Pubkey,
}

#[event]
pub struct GovernanceAccepted {
    pub facility: Pubkey,
    pub old: Pubkey,
    pub new: Pubkey,
}

#[event]
pub struct BuyboxSet {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub old: Buybox,
    pub new: Buybox,
}

#[event]
pub struct RolesSet {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub old: Roles,
    pub new: Roles,
}

#[event]
pub struct RoutesSet {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub old_deploy_rate_limit: Pubkey,
    pub new_deploy_rate_limit: Pubkey,
    pub old_return_rate_limit: Pubkey,
    pub new_return_rate_limit: Pubkey,
}

#[event]
pub struct PrimeApproved {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub prime: Pubkey,
}

#[event]
pub struct PrimeRevoked {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub prime: Pubkey,
}

#[event]
pub struct AllowListSet {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub old: bool,
    pub new: bool,
}

#[event]
pub struct HolderListed {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub owner: Pubkey,
}

#[event]
pub struct HolderDelisted {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub owner: Pubkey,
}

#[event]
pub struct HaltSet {
    pub facility: Pubkey,
    pub by: Pubkey,
    pub old: bool,
    pub new: bool,
}

#[event]
pub struct Deposited {
    pub facility: Pubkey,
    pub prime: Pubkey,
    pub amount: u64,
    pub shares: u64,
    /// The Prime's queued capital after.
    pub balance: u64,
    pub queue_total: u64,
}

#[event]
pub struct Withdrawn {
    pub facility: Pubkey,
    pub prime: Pubkey,
    pub amount: u64,
    pub shares_burned: u64,
    pub balance: u64,
    pub queue_total: u64,
}

#[event]
pub struct BookCreated {
    pub facility: Pubkey,
    pub book: Pubkey,
    pub book_id: u64,
    pub vault: Pubkey,
}

#[event]
pub struct BookMoved {
    pub book: Pubkey,
    pub by: Pubkey,
    pub from: BookStatus,
    pub to: BookStatus,
    pub seq: u64,
}

#[event]
pub struct Attested {
    pub book: Pubkey,
    pub by: Pubkey,
    pub kind: AttestationKind,
    pub hash: [u8; 32],
    pub seq: u64,
}

#[event]
pub struct DealStruck {
    pub facility: Pubkey,
    pub deal: Pubkey,
    pub deal_id: u64,
    pub book: Pubkey,
    pub prime: Pubkey,
    pub nft_mint: Pubkey,
    pub terms: Terms,
    pub terms_hash: [u8; 32],
    pub maturity_ts: i64,
    pub total_interest: u64,
    pub shares_burned: u64,
    /// The Prime's queued capital after.
    pub queue_balance: u64,
}

/// The deal's NFT minted to its depositor; the mint authority dropped (supply 1 for good).
#[event]
pub struct NftDelivered {
    pub facility: Pubkey,
    pub deal: Pubkey,
    pub nft_mint: Pubkey,
    pub owner: Pubkey,
    pub nft_account: Pubkey,
}

#[event]
pub struct Deployed {
    pub book: Pubkey,
    pub amount: u64,
    pub deployed: u64,
    pub vault_booked: u64,
}

#[event]
pub struct Returned {
    pub book: Pubkey,
    pub amount: u64,
    /// Undeployed capital released from the book's vault (not through the PAU).
    pub released: bool,
    pub unallocated: u64,
}

#[event]
pub struct DealFunded {
    pub deal: Pubkey,
    pub by: Pubkey,
    /// The book's returned capital (the beacon), or a direct payment.
    pub from_book: bool,
    pub principal: u64,
    pub interest: u64,
    pub penalty: u64,
    pub recovery: bool,
    pub newly_covered: u32,
    pub paid_through: u32,
    pub days_late: u32,
    pub penalty_recorded: u64,
    pub penalty_owed: u64,
}

#[event]
pub struct Redeemed {
    pub deal: Pubkey,
    pub holder: Pubkey,
    pub principal: u64,
    pub interest: u64,
    pub penalty: u64,
    pub principal_outstanding: u64,
}

#[event]
pub struct DealClosed {
    pub deal: Pubkey,
    pub holder: Pubkey,
    pub nft_mint: Pubkey,
    pub written_off: bool,
}

#[event]
pub struct DealDefaulted {
    pub deal: Pubkey,
    pub by: Pubkey,
    pub unfunded_principal: u64,
    pub unfunded_interest: u64,
}

#[event]
pub struct DealWrittenOff {
    pub deal: Pubkey,
    pub by: Pubkey,
    pub principal_lost: u64,
}
