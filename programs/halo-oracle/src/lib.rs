//! # halo_oracle: NAV feeds
//!
//! A feed carries an asset's NAV (`value / 10^decimals` quote tokens per token), published
//! by approved reporters (the issuer, an administrator). Publish times only go forward,
//! and one reporter update may move the value at most `max_move_bps`; a larger move needs
//! the feed's governance (`governance_publish`). Readers (the Trading Halo) pin the feed's
//! address and check the owner is this program.
//!
//! Who signs what:
//! * anyone (becomes governance): `create_feed`;
//! * governance: `add_reporter`, `remove_reporter`, `set_max_move`, `propose_governance`,
//!   `governance_publish`; the proposed governance: `accept_governance`;
//! * an approved reporter: `publish`.
//!
//! Each instruction: Anchor constraints (`has_one = governance`), then `validate()` on its
//! `Accounts` struct, run by `#[access_control]`, then a handler that changes the feed
//! through `Feed`'s methods and checks `Feed::invariant` before it returns.
#![allow(unexpected_cfgs)]
#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod state;

use instructions::*;

declare_id!("DW3JRQJqcmiQRHaLcvP5d2mSw4bAR62jpAnGtdsiaDDr");

#[program]
pub mod halo_oracle {
    use super::*;

    /// Creates a feed with its first NAV. Signer: the creator (governance). Refused:
    /// decimals > 18, move guard outside 1..=10,000 bps, zero value, an existing feed id.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn create_feed(ctx: Context<CreateFeed>, args: CreateFeedArgs) -> Result<()> {
        instructions::governance::create_feed::handler(ctx, args)
    }

    /// Approves a reporter. Signer: governance. Refused: default key, duplicate, full.
    #[access_control(ctx.accounts.validate(&reporter))]
    pub fn add_reporter(ctx: Context<AddReporter>, reporter: Pubkey) -> Result<()> {
        instructions::governance::add_reporter::handler(ctx, reporter)
    }

    /// Removes a reporter at once. Signer: governance. Refused: unknown reporter.
    pub fn remove_reporter(ctx: Context<RemoveReporter>, reporter: Pubkey) -> Result<()> {
        instructions::governance::remove_reporter::handler(ctx, reporter)
    }

    /// Sets the move guard. Signer: governance. Refused: outside 1..=10,000 bps.
    #[access_control(ctx.accounts.validate(max_move_bps))]
    pub fn set_max_move(ctx: Context<SetMaxMove>, max_move_bps: u16) -> Result<()> {
        instructions::governance::set_max_move::handler(ctx, max_move_bps)
    }

    /// Proposes a new governance (default key: withdraw the proposal). Signer: governance.
    #[access_control(ctx.accounts.validate())]
    pub fn propose_governance(
        ctx: Context<ProposeGovernance>,
        new_governance: Pubkey,
    ) -> Result<()> {
        instructions::governance::propose_governance::handler(ctx, new_governance)
    }

    /// Takes the governance proposed to the signer. Signer: the proposed key.
    #[access_control(ctx.accounts.validate())]
    pub fn accept_governance(ctx: Context<AcceptGovernance>) -> Result<()> {
        instructions::governance::accept_governance::handler(ctx)
    }

    /// Publishes a NAV of any move. Signer: governance. Refused: zero, time not forward.
    #[access_control(ctx.accounts.validate(value, publish_ts))]
    pub fn governance_publish(
        ctx: Context<GovernancePublish>,
        value: u64,
        publish_ts: i64,
    ) -> Result<()> {
        instructions::governance::governance_publish::handler(ctx, value, publish_ts)
    }

    /// Publishes a NAV within the move guard. Signer: an approved reporter.
    #[access_control(ctx.accounts.validate(value, publish_ts))]
    pub fn publish(ctx: Context<Publish>, value: u64, publish_ts: i64) -> Result<()> {
        instructions::reporter::publish::handler(ctx, value, publish_ts)
    }
}
