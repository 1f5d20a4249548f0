//! # halo_pau: the Parallelized Allocation Unit
//!
//! A PAU is a **controller** (roles), an **ALM proxy** (the PDA that owns custody token
//! accounts) and **rate limits** (how fast capital may move along each route). Above the
//! PAUs sits the **configurator**: additions wait out a timelock, removals are instant, and
//! rate-limit increases are bounded by the second-order rate limit (SORL).
//!
//! Who signs what:
//! * the program's upgrade authority: `initialize_configurator`;
//! * configurator admin (Core Council): `schedule_op`, `cancel_op`, `set_timelock_paused`,
//!   `initialize_controller`, `unregister_pau`, `remove_init_rate_limit`, `revoke_govops`,
//!   `clear_pending_admin`;
//! * anyone, once the timelock elapsed and before its grace period ends: `execute_*`
//!   (integrations too are timelocked additions); the proposed admin: `accept_admin`;
//! * GovOps member of a PAU: `create_rate_limit`, `set_rate_limit`, `remove_rate_limit`,
//!   `set_relayer`, `set_freezer`, `unfreeze`, `remove_integration`;
//! * freezer of a PAU: `freeze`, `remove_relayer`, `cut_rate_limit`;
//! * relayer of a PAU: `transfer`;
//! * a registered integration's signer: `draw`, `repay`.
//!
//! Every instruction is O(1): no loop runs over an unbounded collection.
//!
//! Each instruction checks in three layers: Anchor constraints (structure: seeds, owners,
//! `has_one`), then `validate()` on its `Accounts` struct, run by `#[access_control]`
//! (permissions, status, time), then its handler, which changes state through the
//! accounts' methods and checks each changed account's `invariant()` before it returns.
#![allow(unexpected_cfgs)]
#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod keys;
pub mod limits;
pub mod manager;
pub mod math;
pub mod mint_extensions;
pub mod state;
pub mod token;

use instructions::*;
use state::TimelockAction;

declare_id!("BqjH6VQHrP1Cbk6QdNfGF4T2a1sCL8gsjhmAkEKyLnSu");

#[program]
pub mod halo_pau {
    use super::*;

    // ---- configurator admin -------------------------------------------------------

    /// Creates the configurator. Signers: payer and the program's upgrade authority.
    /// Refused: not the upgrade authority, bad parameter bounds, default admin, second call.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn initialize_configurator(
        ctx: Context<InitializeConfigurator>,
        args: InitializeConfiguratorArgs,
    ) -> Result<()> {
        instructions::admin::initialize_configurator::handler(ctx, args)
    }

    /// Schedules an addition behind the timelock. Signer: admin. Refused: not admin,
    /// paused, out-of-bounds parameter changes.
    #[access_control(ctx.accounts.validate(&action))]
    pub fn schedule_op(ctx: Context<ScheduleOp>, action: TimelockAction) -> Result<()> {
        instructions::admin::schedule_op::handler(ctx, action)
    }

    /// Cancels a scheduled operation. Signer: admin. Refused: executed or cancelled already.
    #[access_control(ctx.accounts.validate())]
    pub fn cancel_op(ctx: Context<CancelOp>) -> Result<()> {
        instructions::admin::cancel_op::handler(ctx)
    }

    /// Pauses or resumes the timelock. Signer: admin.
    #[access_control(ctx.accounts.validate())]
    pub fn set_timelock_paused(ctx: Context<SetTimelockPaused>, paused: bool) -> Result<()> {
        instructions::admin::set_timelock_paused::handler(ctx, paused)
    }

    /// Accepts the admin role proposed by an executed `TransferAdmin`. Signer: the new admin.
    #[access_control(ctx.accounts.validate())]
    pub fn accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
        instructions::admin::accept_admin::handler(ctx)
    }

    /// Withdraws an executed, not yet accepted admin proposal (and every admin proposal
    /// scheduled so far). Signer: admin. Refused: no pending admin.
    #[access_control(ctx.accounts.validate())]
    pub fn clear_pending_admin(ctx: Context<ClearPendingAdmin>) -> Result<()> {
        instructions::admin::clear_pending_admin::handler(ctx)
    }

    /// Creates an inert, unregistered controller with its ALM proxy. Signer: admin.
    /// Refused: not admin, an existing controller at that id.
    #[access_control(ctx.accounts.validate())]
    pub fn initialize_controller(ctx: Context<InitializeController>, pau_id: u64) -> Result<()> {
        instructions::admin::initialize_controller::handler(ctx, pau_id)
    }

    /// Unregisters a PAU at once. Signer: admin.
    #[access_control(ctx.accounts.validate())]
    pub fn unregister_pau(ctx: Context<UnregisterPau>) -> Result<()> {
        instructions::admin::unregister_pau::handler(ctx)
    }

    /// Deletes an InitRateLimit at once. Signer: admin.
    #[access_control(ctx.accounts.validate())]
    pub fn remove_init_rate_limit(ctx: Context<RemoveInitRateLimit>) -> Result<()> {
        instructions::admin::remove_init_rate_limit::handler(ctx)
    }

    /// Revokes a GovOps membership at once. Signer: admin.
    #[access_control(ctx.accounts.validate())]
    pub fn revoke_govops(ctx: Context<RevokeGovOps>) -> Result<()> {
        instructions::admin::revoke_govops::handler(ctx)
    }

    // ---- timelock execution (anyone) ----------------------------------------------

    /// Executes `RegisterPau`. Refused: paused, too early, executed, cancelled, wrong kind,
    /// wrong controller, already registered.
    #[access_control(ctx.accounts.validate())]
    pub fn execute_register_pau(ctx: Context<ExecuteRegisterPau>) -> Result<()> {
        instructions::execute::execute_register_pau::handler(ctx)
    }

    /// Executes `AddInitRateLimit`. Same refusals; `key` / `pau` must match the op.
    #[access_control(ctx.accounts.validate(&key, &pau))]
    pub fn execute_add_init_rate_limit(
        ctx: Context<ExecuteAddInitRateLimit>,
        key: [u8; 32],
        pau: Pubkey,
    ) -> Result<()> {
        instructions::execute::execute_add_init_rate_limit::handler(ctx, key, pau)
    }

    /// Executes `GrantGovOps`. Same refusals; `member` must match the op.
    #[access_control(ctx.accounts.validate(&member))]
    pub fn execute_grant_govops(ctx: Context<ExecuteGrantGovOps>, member: Pubkey) -> Result<()> {
        instructions::execute::execute_grant_govops::handler(ctx, member)
    }

    /// Executes `AddIntegration`: creates the integration or adds the key to it. Same
    /// refusals, plus an unregistered PAU, a key it already has, a ninth key, and an op
    /// scheduled before the integration's last removal.
    #[access_control(ctx.accounts.validate(&signer))]
    pub fn execute_add_integration(
        ctx: Context<ExecuteAddIntegration>,
        signer: Pubkey,
    ) -> Result<()> {
        instructions::execute::execute_add_integration::handler(ctx, signer)
    }

    /// Executes `SetTimelockDelay`, `SetSorlHop`, `SetSorlMaxChange`, `SetMaxTransferFee`
    /// or `TransferAdmin`.
    #[access_control(ctx.accounts.validate())]
    pub fn execute_config_change(ctx: Context<ExecuteConfigChange>) -> Result<()> {
        instructions::execute::execute_config_change::handler(ctx)
    }

    // ---- GovOps -------------------------------------------------------------------

    /// Opens a route from an init. Signer: GovOps member of the PAU.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn create_rate_limit(
        ctx: Context<CreateRateLimit>,
        args: CreateRateLimitArgs,
    ) -> Result<()> {
        instructions::govops::create_rate_limit::handler(ctx, args)
    }

    /// Sets a route's limit: decreases instant, increases SORL-bounded. Signer: GovOps member.
    #[access_control(ctx.accounts.validate(max_amount, slope))]
    pub fn set_rate_limit(ctx: Context<SetRateLimit>, max_amount: u64, slope: u64) -> Result<()> {
        instructions::govops::set_rate_limit::handler(ctx, max_amount, slope)
    }

    /// Closes a route. Signer: GovOps member.
    #[access_control(ctx.accounts.validate())]
    pub fn remove_rate_limit(ctx: Context<RemoveRateLimit>) -> Result<()> {
        instructions::govops::remove_rate_limit::handler(ctx)
    }

    /// Sets or removes the relayer. Signer: GovOps member.
    #[access_control(ctx.accounts.validate_set_relayer(&relayer))]
    pub fn set_relayer(ctx: Context<GovOpsOnController>, relayer: Pubkey) -> Result<()> {
        instructions::govops::set_relayer::handler(ctx, relayer)
    }

    /// Sets or removes the freezer. Signer: GovOps member.
    #[access_control(ctx.accounts.validate_set_freezer(&freezer))]
    pub fn set_freezer(ctx: Context<GovOpsOnController>, freezer: Pubkey) -> Result<()> {
        instructions::govops::set_freezer::handler(ctx, freezer)
    }

    /// Lifts a freeze. Signer: GovOps member.
    #[access_control(ctx.accounts.validate_unfreeze())]
    pub fn unfreeze(ctx: Context<GovOpsOnController>) -> Result<()> {
        instructions::govops::unfreeze::handler(ctx)
    }

    /// Removes an integration with all its keys. Signer: GovOps member.
    #[access_control(ctx.accounts.validate())]
    pub fn remove_integration(ctx: Context<RemoveIntegration>) -> Result<()> {
        instructions::govops::remove_integration::handler(ctx)
    }

    // ---- freezer ------------------------------------------------------------------

    /// Freezes every outflow of the PAU. Signer: freezer.
    #[access_control(ctx.accounts.validate())]
    pub fn freeze(ctx: Context<Freeze>) -> Result<()> {
        instructions::freezer::freeze::handler(ctx)
    }

    /// Removes the relayer. Signer: freezer.
    #[access_control(ctx.accounts.validate())]
    pub fn remove_relayer(ctx: Context<RemoveRelayer>) -> Result<()> {
        instructions::freezer::remove_relayer::handler(ctx)
    }

    /// Decreases a route's limit at once. Signer: freezer.
    #[access_control(ctx.accounts.validate(max_amount, slope))]
    pub fn cut_rate_limit(ctx: Context<CutRateLimit>, max_amount: u64, slope: u64) -> Result<()> {
        instructions::freezer::cut_rate_limit::handler(ctx, max_amount, slope)
    }

    // ---- relayer / integrations ---------------------------------------------------

    /// Custody -> route counterparty along a `transfer` route. Signer: relayer.
    #[access_control(ctx.accounts.validate(amount))]
    pub fn transfer(ctx: Context<Transfer>, amount: u64) -> Result<()> {
        instructions::relayer::transfer::handler(ctx, amount)
    }

    /// Custody -> integration account. Signer: integration signer.
    #[access_control(ctx.accounts.validate(amount))]
    pub fn draw(ctx: Context<Draw>, amount: u64) -> Result<()> {
        instructions::integration::draw::handler(ctx, amount)
    }

    /// Integration account -> custody, given back to the route. Signer: integration signer.
    #[access_control(ctx.accounts.validate(amount))]
    pub fn repay(ctx: Context<Repay>, amount: u64) -> Result<()> {
        instructions::integration::repay::handler(ctx, amount)
    }
}
