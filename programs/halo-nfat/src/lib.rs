//! # halo_nfat: the Structuring Halo (NFATS)
//!
//! Bespoke deals at scale. A Prime parks capital in a facility's queue; when a deal is
//! struck, lpha-nfat checks its terms against the facility's on-chain **buybox**, takes
//! the capital from that Prime's queue into a **book**, records the **deal** (the Halo
//! Unit) with its terms and their hash on chain, and mints the Prime one Token-2022 NFT for
//! it. The book's capital is deployed through the facility's PAU (`halo_pau::draw`, the
//! facility PDA a registered integration) only after the attestor (lpha-attest) has
//! vouched for it, and comes back through the PAU into the redeem vault, from which the
//! beacon funds the book's deals (pari passu when short). Whoever holds a deal's NFT
//! redeems what is funded, at their own pace; the last redemption burns the NFT and closes
//! the mint and the deal. Late payments record their days and penalty; an unpaid deal can
//! be marked defaulted after its grace period, and written off.
//!
//! Who signs what:
//! * anyone (becomes governance): `create_facility`;
//! * governance: `set_buybox`, `set_roles`, `set_routes`, `approve_prime`,
//!   `revoke_prime`, `set_allow_list`, `list_holder`, `delist_holder`, `write_off`,
//!   `propose_governance`, lifting a halt; the proposed governance: `accept_governance`;
//! * warden (or governance): `set_halted(true)`, `mark_default`;
//! * attestor (lpha-attest): `attest`;
//! * beacon (lpha-nfat): `create_book`, `claim`, `move_book`, `deploy`, `return_funds`,
//!   `release`, `fund`;
//! * approved Primes: `deposit`; a Prime: `withdraw` (also while halted);
//! * the NFT's holder: `redeem` (also while halted);
//! * anyone: `pay` (a direct payment to a deal, a gift to its holder's claim), the view
//!   `deal_view`.
#![allow(unexpected_cfgs)]
#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod math;
pub mod state;
pub mod token;

use halo_math::nfat::Terms;
use instructions::*;
use state::{AttestationKind, BookStatus, Buybox, Roles};

declare_id!("BzLW6TpTW9nH6dpsvZTnxdzd2QXTAduuL5S1pw6kUQZg");

#[program]
pub mod halo_nfat {
    use super::*;

    // ---- governance ---------------------------------------------------------------

    /// Creates a facility, its queue and redeem vaults; the signer becomes governance.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn create_facility(ctx: Context<CreateFacility>, args: CreateFacilityArgs) -> Result<()> {
        instructions::governance::create_facility::handler(ctx, args)
    }

    /// Proposes a new governance (default: withdraws the proposal). Signer: governance.
    #[access_control(ctx.accounts.validate_propose())]
    pub fn propose_governance(
        ctx: Context<FacilityGovernance>,
        new_governance: Pubkey,
    ) -> Result<()> {
        instructions::governance::propose_governance::handler(ctx, new_governance)
    }

    /// The proposed governance takes over. Signer: the proposed key.
    #[access_control(ctx.accounts.validate_accept())]
    pub fn accept_governance(ctx: Context<FacilityGovernance>) -> Result<()> {
        instructions::governance::accept_governance::handler(ctx)
    }

    /// Replaces the buybox. Signer: governance.
    #[access_control(buybox.validate())]
    pub fn set_buybox(ctx: Context<Governed>, buybox: Buybox) -> Result<()> {
        instructions::governance::set_buybox::handler(ctx, buybox)
    }

    /// Replaces the beacon, attestor and warden keys. Signer: governance.
    #[access_control(roles.validate())]
    pub fn set_roles(ctx: Context<Governed>, roles: Roles) -> Result<()> {
        instructions::governance::set_roles::handler(ctx, roles)
    }

    /// Sets the facility's deploy and return PAU routes. Signer: governance.
    pub fn set_routes(ctx: Context<SetRoutes>) -> Result<()> {
        instructions::governance::set_routes::handler(ctx)
    }

    /// Approves a Prime (depositor and counterparty). Signer: governance.
    pub fn approve_prime(ctx: Context<ApprovePrime>) -> Result<()> {
        instructions::governance::approve_prime::handler(ctx)
    }

    /// Revokes a Prime's approval (its queued capital stays withdrawable). Signer: governance.
    pub fn revoke_prime(ctx: Context<RevokePrime>) -> Result<()> {
        instructions::governance::revoke_prime::handler(ctx)
    }

    /// Turns the NFT transfer allow-list on or off. Signer: governance.
    pub fn set_allow_list(ctx: Context<Governed>, on: bool) -> Result<()> {
        instructions::governance::set_allow_list::handler(ctx, on)
    }

    /// Adds an owner to the allow-list. Signer: governance.
    pub fn list_holder(ctx: Context<ListHolder>) -> Result<()> {
        instructions::governance::list_holder::handler(ctx)
    }

    /// Removes an owner from the allow-list. Signer: governance.
    pub fn delist_holder(ctx: Context<DelistHolder>) -> Result<()> {
        instructions::governance::delist_holder::handler(ctx)
    }

    /// Writes a defaulted deal off (nothing funded left unclaimed). Signer: governance.
    #[access_control(ctx.accounts.validate())]
    pub fn write_off(ctx: Context<WriteOff>) -> Result<()> {
        instructions::governance::write_off::handler(ctx)
    }

    // ---- warden -------------------------------------------------------------------

    /// Halts (warden or governance) or lifts the halt (governance).
    #[access_control(ctx.accounts.validate(halted))]
    pub fn set_halted(ctx: Context<SetHalted>, halted: bool) -> Result<()> {
        instructions::warden::set_halted::handler(ctx, halted)
    }

    /// Marks an unpaid deal defaulted after maturity plus the grace period (warden or
    /// governance).
    #[access_control(ctx.accounts.validate())]
    pub fn mark_default(ctx: Context<MarkDefault>) -> Result<()> {
        instructions::warden::mark_default::handler(ctx)
    }

    // ---- attestor -----------------------------------------------------------------

    /// Posts a pre-deployment or at-rest attestation hash for a book. Signer: attestor.
    pub fn attest(ctx: Context<Attest>, kind: AttestationKind, hash: [u8; 32]) -> Result<()> {
        instructions::attestor::attest::handler(ctx, kind, hash)
    }

    // ---- beacon -------------------------------------------------------------------

    /// Creates the next book and its vault. Signer: beacon.
    pub fn create_book(ctx: Context<CreateBook>) -> Result<()> {
        instructions::beacon::create_book::handler(ctx)
    }

    /// Strikes a deal: `amount` (= the terms' principal) from the Prime's queue into the
    /// book, the deal recorded with its terms, the NFT minted to the Prime. Signer: beacon.
    #[access_control(ctx.accounts.validate(amount, &terms))]
    pub fn claim(ctx: Context<ClaimDeal>, amount: u64, terms: Terms) -> Result<()> {
        instructions::beacon::claim::handler(ctx, amount, terms)
    }

    /// Moves a book along its lifecycle (the attestation gate). Signer: beacon.
    pub fn move_book(ctx: Context<MoveBook>, to: BookStatus) -> Result<()> {
        instructions::beacon::move_book::handler(ctx, to)
    }

    /// Deploys `amount` of a Deploying book's capital to the RWA endpoint through the
    /// PAU. Signer: beacon.
    #[access_control(ctx.accounts.validate())]
    pub fn deploy(ctx: Context<Deploy>, amount: u64) -> Result<()> {
        instructions::beacon::deploy::handler(ctx, amount)
    }

    /// Brings `amount` of a book's returned capital from PAU custody into the redeem
    /// vault along the return route. Signer: beacon.
    pub fn return_funds(ctx: Context<ReturnFunds>, amount: u64) -> Result<()> {
        instructions::beacon::return_funds::handler(ctx, amount)
    }

    /// Moves `amount` of an Unwinding book's undeployed capital to the redeem vault.
    /// Signer: beacon.
    pub fn release(ctx: Context<Release>, amount: u64) -> Result<()> {
        instructions::beacon::release::handler(ctx, amount)
    }

    /// Funds a deal from its book's returned capital. Signer: beacon.
    #[access_control(ctx.accounts.validate())]
    pub fn fund(ctx: Context<Fund>, principal: u64, interest: u64, penalty: u64) -> Result<()> {
        instructions::beacon::fund::handler(ctx, principal, interest, penalty)
    }

    // ---- Primes and holders -------------------------------------------------------

    /// Queues `amount` of the deposit mint. Signer: an approved Prime.
    #[access_control(ctx.accounts.validate())]
    pub fn deposit(ctx: Context<Deposit>, amount: u64) -> Result<()> {
        instructions::prime::deposit::handler(ctx, amount)
    }

    /// Takes `amount` of the Prime's queued capital back (also while halted). Signer: the Prime.
    pub fn withdraw(ctx: Context<Withdraw>, amount: u64) -> Result<()> {
        instructions::prime::withdraw::handler(ctx, amount)
    }

    /// Pays the holder up to `max` of the deal's funded, unclaimed amounts; the last
    /// redemption burns the NFT and closes it and the deal. Signer: the NFT's holder.
    pub fn redeem(ctx: Context<Redeem>, max: u64) -> Result<()> {
        instructions::holder::redeem::handler(ctx, max)
    }

    // ---- anyone -------------------------------------------------------------------

    /// Pays a deal directly (a gift to its holder's claim). Signer: the payer.
    #[access_control(ctx.accounts.validate())]
    pub fn pay(ctx: Context<Pay>, principal: u64, interest: u64, penalty: u64) -> Result<()> {
        instructions::anyone::pay::handler(ctx, principal, interest, penalty)
    }

    /// Mints a struck deal's NFT to its depositor's associated account and drops the mint
    /// authority; once per deal. Signer: none beyond the fee payer (anyone).
    #[access_control(ctx.accounts.validate())]
    pub fn deliver_nft(ctx: Context<DeliverNft>) -> Result<()> {
        instructions::anyone::deliver_nft::handler(ctx)
    }

    /// Return data: what the deal owes, what is overdue and what its holder can redeem now.
    pub fn deal_view(ctx: Context<ViewDeal>) -> Result<DealView> {
        instructions::anyone::deal_view::handler(ctx)
    }
}
