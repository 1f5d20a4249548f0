//! # halo_lcts: the Passthrough Halo (LCTS)
//!
//! Capacity to convert is scarce: a strategy can take only so much per day, and
//! redemptions need the asset manager to sell. Instead of first-come-first-served races,
//! every Prime waiting in the same **generation** of a unit's subscribe (USDS → Halo Unit
//! shares) or redeem (shares → USDS) queue shares each settlement's capacity pro rata,
//! through a reward-per-share accumulator: every instruction is O(1) in the number of
//! users. Conversion goes through the unit's PAU (`halo_pau::draw`, the unit PDA a
//! registered integration): converted USDS leaves custody along the deploy route, and
//! redemption USDS comes back along the return route, both rate-limited. Subscriptions
//! and redemptions waiting at the same time net inside the unit first.
//!
//! Who signs what:
//! * anyone (becomes governance): `create_class`;
//! * governance: `create_unit`, `create_queue`, `set_unit_routes`, `set_unit_params`, `set_unit_roles`,
//!   `set_exchange_rate`, `propose_class_governance`, lifting pauses, `unlock` at any time;
//!   the proposed governance: `accept_class_governance`;
//! * governance / freezer: `set_paused` (the freezer only adds flags);
//! * beacon (lpha-lcts): `lock`, `settle`, `settle_pair`, `update_exchange_rate`;
//! * anyone: `unlock` and a net-flow-only `settle_pair` after `max_lock_s`,
//!   `settle_finalized` (a keeper crank paying the owner), the views `exchange_rate` and
//!   `position_view`;
//! * owners: `subscribe`, `request_redeem`, `claim`, `exit`.
#![allow(unexpected_cfgs)]
#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod math;
pub mod positions;
pub mod settlement;
pub mod state;
pub mod token;

use instructions::*;
use state::{QueueSide, UnitParams};

declare_id!("3TXCzXVzfVmjhspvWUrVJcxhPrPTZXtUSMUNRfVxwC5n");

#[program]
pub mod halo_lcts {
    use super::*;

    // ---- governance ---------------------------------------------------------------

    /// Creates a class; the signer becomes its governance.
    pub fn create_class(ctx: Context<CreateClass>, class_id: u64) -> Result<()> {
        instructions::governance::create_class::handler(ctx, class_id)
    }

    /// Proposes a new class governance (default: withdraws the proposal). Signer: governance.
    #[access_control(ctx.accounts.validate_propose())]
    pub fn propose_class_governance(
        ctx: Context<ClassGovernance>,
        new_governance: Pubkey,
    ) -> Result<()> {
        instructions::governance::propose_class_governance::handler(ctx, new_governance)
    }

    /// The proposed governance takes over. Signer: the proposed key.
    #[access_control(ctx.accounts.validate_accept())]
    pub fn accept_class_governance(ctx: Context<ClassGovernance>) -> Result<()> {
        instructions::governance::accept_class_governance::handler(ctx)
    }

    /// Creates a unit and its share mint. Signer: governance.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn create_unit(ctx: Context<CreateUnit>, args: CreateUnitArgs) -> Result<()> {
        instructions::governance::create_unit::handler(ctx, args)
    }

    /// Creates the unit's subscribe or redeem queue and its vaults. Signer: governance.
    #[access_control(ctx.accounts.validate(side))]
    pub fn create_queue(ctx: Context<CreateQueue>, side: QueueSide) -> Result<()> {
        instructions::governance::create_queue::handler(ctx, side)
    }

    /// Sets (or rewires) the unit's deploy and return PAU routes. Signer: governance.
    pub fn set_unit_routes(ctx: Context<SetUnitRoutes>) -> Result<()> {
        instructions::governance::set_unit_routes::handler(ctx)
    }

    /// Replaces the unit's parameters. Signer: governance.
    #[access_control(ctx.accounts.validate_params(&params))]
    pub fn set_unit_params(ctx: Context<GovernedUnit>, params: UnitParams) -> Result<()> {
        instructions::governance::set_unit_params::handler(ctx, params)
    }

    /// Replaces the unit's beacon and freezer. Signer: governance.
    #[access_control(ctx.accounts.validate_roles(&beacon, &freezer))]
    pub fn set_unit_roles(
        ctx: Context<GovernedUnit>,
        beacon: Pubkey,
        freezer: Pubkey,
    ) -> Result<()> {
        instructions::governance::set_unit_roles::handler(ctx, beacon, freezer)
    }

    /// Sets the exchange rate outside the beacon's bounds. Signer: governance.
    #[access_control(ctx.accounts.validate_rate(rate_wad))]
    pub fn set_exchange_rate(ctx: Context<GovernedUnit>, rate_wad: u128) -> Result<()> {
        instructions::governance::set_exchange_rate::handler(ctx, rate_wad)
    }

    /// Sets the unit's pause flags. Signer: governance, or the freezer adding flags.
    #[access_control(ctx.accounts.validate(flags))]
    pub fn set_paused(ctx: Context<SetPaused>, flags: u8) -> Result<()> {
        instructions::freezer::set_paused::handler(ctx, flags)
    }

    // ---- beacon -------------------------------------------------------------------

    /// Locks the queue's ACTIVE generation for settlement (no-op when DORMANT).
    pub fn lock(ctx: Context<Lock>) -> Result<()> {
        instructions::beacon::lock::handler(ctx)
    }

    /// Settles one LOCKED queue with `capacity` through the PAU.
    pub fn settle(ctx: Context<Settle>, capacity: u64) -> Result<()> {
        instructions::beacon::settle::handler(ctx, capacity)
    }

    /// Nets both queues inside the unit, then settles the remaining capacities through
    /// the PAU. Anyone may send it with zero capacities after `max_lock_s`.
    pub fn settle_pair(
        ctx: Context<SettlePair>,
        subscribe_capacity: u64,
        redeem_capacity: u64,
    ) -> Result<()> {
        instructions::beacon::settle_pair::handler(ctx, subscribe_capacity, redeem_capacity)
    }

    /// Refreshes the exchange rate (once per epoch, within bounds).
    #[access_control(ctx.accounts.validate(rate_wad))]
    pub fn update_exchange_rate(ctx: Context<UpdateExchangeRate>, rate_wad: u128) -> Result<()> {
        instructions::beacon::update_exchange_rate::handler(ctx, rate_wad)
    }

    // ---- anyone -------------------------------------------------------------------

    /// Unlocks a generation LOCKED longer than `max_lock_s` (governance: any time).
    pub fn unlock(ctx: Context<Unlock>) -> Result<()> {
        instructions::anyone::unlock::handler(ctx)
    }

    /// Pays a finalized position's reward to its owner and closes it (keeper crank).
    #[access_control(ctx.accounts.validate())]
    pub fn settle_finalized(ctx: Context<SettleFinalized>) -> Result<()> {
        instructions::anyone::settle_finalized::handler(ctx)
    }

    /// Return data: the exchange rate, its update time and whether it is stale.
    pub fn exchange_rate(ctx: Context<ExchangeRate>) -> Result<ExchangeRateView> {
        instructions::anyone::exchange_rate::handler(ctx)
    }

    /// Return data: the position's pending underlying, claimable and finalized rewards,
    /// the queue's status and next lock time.
    pub fn position_view(ctx: Context<ViewPosition>) -> Result<PositionView> {
        instructions::anyone::position_view::handler(ctx)
    }

    // ---- owners -------------------------------------------------------------------

    /// Queues `amount` USDS for shares. Signer: the owner.
    #[access_control(ctx.accounts.validate(QueueSide::Subscribe, amount))]
    pub fn subscribe(ctx: Context<Enter>, amount: u64) -> Result<()> {
        instructions::user::enter::handler(ctx, amount)
    }

    /// Queues `amount` Halo Unit shares for USDS. Signer: the owner.
    #[access_control(ctx.accounts.validate(QueueSide::Redeem, amount))]
    pub fn request_redeem(ctx: Context<Enter>, amount: u64) -> Result<()> {
        instructions::user::enter::handler(ctx, amount)
    }

    /// Pays the position's earned reward. Signer: the owner.
    #[access_control(ctx.accounts.validate())]
    pub fn claim(ctx: Context<Claim>) -> Result<()> {
        instructions::user::claim::handler(ctx)
    }

    /// Full exit: unconverted underlying plus reward; closes the position. Signer: the owner.
    #[access_control(ctx.accounts.validate())]
    pub fn exit(ctx: Context<Exit>) -> Result<()> {
        instructions::user::exit::handler(ctx)
    }
}
