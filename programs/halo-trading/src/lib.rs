//! # halo_trading: the Trading Halo
//!
//! An AMM priced at oracle NAV ± spread (not a constant-product curve). Users sell an RWA
//! token for USDS instantly at NAV − bid (widened by inventory skew) and buy it at
//! NAV + ask. The pool's inventory goes back to the issuer for redemption (T+1..T+N) and
//! the USDS comes back. Primes (and the class's PAU, through a `halo_pau` CPI) provide the
//! USDS and hold LP shares whose value grows with the spread; withdrawals go through a
//! generation queue settled as free USDS allows.
//!
//! Who signs what:
//! * anyone (becomes governance): `create_class`;
//! * governance: `create_pool`, `set_pool_params`, `set_sides`, `set_class_roles`,
//!   `clear_redemption_failure`, `write_off_redemption`, `propose_class_governance`,
//!   `set_rfq_domain`, `propose_price_source`, `apply_price_source`; unpausing the class; the proposed governance: `accept_class_governance`;
//! * governance / beacon / freezer: `pause_pool`, `set_class_paused(true)`;
//! * governance / beacon: `resume_pool`;
//! * beacon (lpha-amm): `fund_from_pau`, `return_to_pau`, `start_redemption`,
//!   `settle_redemption`, `roll_withdrawals`, `settle_withdrawals`;
//! * beacon / freezer: `fail_redemption`;
//! * anyone: `poke`, `open_position`; users: `swap`, `swap_with_quote` (a beacon-signed
//!   RFQ quote); LP owners: `deposit`,
//!   `request_withdrawal`, `claim_withdrawal`.
//!
//! Every instruction is O(1) in the number of users, LPs and redemptions.
#![allow(unexpected_cfgs)]
#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod manager;
pub mod math;
pub mod oracle;
pub mod rfq;
pub mod state;
pub mod token;

use instructions::*;
use state::{PoolParams, PriceSource};

declare_id!("5CuihaoJqLSMJCL6NvhKjB7xvyhdPBnuc8EuGSFfZRFT");

#[program]
pub mod halo_trading {
    use super::*;

    // ---- governance ---------------------------------------------------------------

    /// Creates a class. Signer: its governance. Refused: default role keys, a quote mint
    /// with unsupported extensions, a controller that is not a `halo_pau` controller.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn create_class(ctx: Context<CreateClass>, args: CreateClassArgs) -> Result<()> {
        instructions::governance::create_class::handler(ctx, args)
    }

    /// Replaces the beacon and freezer. Signer: governance.
    #[access_control(ctx.accounts.validate(beacon, freezer))]
    pub fn set_class_roles(
        ctx: Context<SetClassRoles>,
        beacon: Pubkey,
        freezer: Pubkey,
    ) -> Result<()> {
        instructions::governance::set_class_roles::handler(ctx, beacon, freezer)
    }

    /// Pauses (governance, beacon, freezer) or unpauses (governance) the whole class.
    #[access_control(ctx.accounts.validate(paused))]
    pub fn set_class_paused(ctx: Context<SetClassPaused>, paused: bool) -> Result<()> {
        instructions::governance::set_class_paused::handler(ctx, paused)
    }

    /// Adds a pool with its book, vaults and first withdrawal generation. Signer:
    /// governance. Refused: bad parameters, same mint twice, unsupported mint, bad price.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn create_pool(ctx: Context<CreatePool>, args: CreatePoolArgs) -> Result<()> {
        instructions::governance::create_pool::handler(ctx, args)
    }

    /// Replaces a pool's parameters. Signer: governance (never the beacon).
    #[access_control(ctx.accounts.validate_set_pool_params(&params))]
    pub fn set_pool_params(ctx: Context<GovernedPool>, params: PoolParams) -> Result<()> {
        instructions::governance::set_pool_params::handler(ctx, params)
    }

    /// Enables / disables each side. Signer: governance.
    pub fn set_sides(
        ctx: Context<GovernedPool>,
        buy_enabled: bool,
        sell_enabled: bool,
    ) -> Result<()> {
        instructions::governance::set_sides::handler(ctx, buy_enabled, sell_enabled)
    }

    /// Lifts the buy pause of a failed redemption. Signer: governance.
    #[access_control(ctx.accounts.validate_clear_redemption_failure())]
    pub fn clear_redemption_failure(ctx: Context<GovernedPool>) -> Result<()> {
        instructions::governance::clear_redemption_failure::handler(ctx)
    }

    /// Proposes a new class governance (default key: withdraw). Signer: governance.
    pub fn propose_class_governance(
        ctx: Context<ProposeClassGovernance>,
        new_governance: Pubkey,
    ) -> Result<()> {
        instructions::governance::propose_class_governance::handler(ctx, new_governance)
    }

    /// Takes the class governance proposed to the signer. Signer: the proposed key.
    pub fn accept_class_governance(ctx: Context<AcceptClassGovernance>) -> Result<()> {
        instructions::governance::accept_class_governance::handler(ctx)
    }

    /// Sets the cluster domain RFQ quotes are signed for. Signer: governance.
    #[access_control(ctx.accounts.validate(domain))]
    pub fn set_rfq_domain(ctx: Context<SetRfqDomain>, domain: [u8; 32]) -> Result<()> {
        instructions::governance::set_rfq_domain::handler(ctx, domain)
    }

    /// Proposes a new price source (another feed, or a fixed wind-down price); it applies
    /// after `PRICE_SOURCE_DELAY_S`. Signer: governance.
    #[access_control(ctx.accounts.validate_propose_price_source(&source))]
    pub fn propose_price_source(ctx: Context<GovernedPool>, source: PriceSource) -> Result<()> {
        instructions::governance::propose_price_source::handler(ctx, source)
    }

    /// Applies the proposed price source after its delay, re-anchoring on its price.
    /// Signer: governance. Refused: nothing pending, too early, an invalid price.
    #[access_control(ctx.accounts.validate())]
    pub fn apply_price_source(ctx: Context<ApplyPriceSource>) -> Result<()> {
        instructions::governance::apply_price_source::handler(ctx)
    }

    /// Writes off a failed redemption: withdrawals stop waiting for its recovery.
    /// Signer: governance. Refused: not failed (pending, settled, written off).
    #[access_control(ctx.accounts.validate())]
    pub fn write_off_redemption(ctx: Context<WriteOffRedemption>) -> Result<()> {
        instructions::governance::write_off_redemption::handler(ctx)
    }

    // ---- operators ----------------------------------------------------------------

    /// Pauses a pool. Signer: governance, beacon or freezer.
    pub fn pause_pool(ctx: Context<PausePool>) -> Result<()> {
        instructions::operator::pause_pool::handler(ctx)
    }

    /// Lifts a pool pause and re-anchors the reference price. Signer: governance or beacon.
    #[access_control(ctx.accounts.validate())]
    pub fn resume_pool(ctx: Context<ResumePool>) -> Result<()> {
        instructions::operator::resume_pool::handler(ctx)
    }

    /// Permissionless price check; a deviating price pauses the pool persistently.
    pub fn poke(ctx: Context<Poke>) -> Result<()> {
        instructions::operator::poke::handler(ctx)
    }

    /// Draws USDS from the class's PAU (CPI) and mints the PAU's LP shares. Signer: beacon.
    #[access_control(ctx.accounts.validate_fund(amount))]
    pub fn fund_from_pau(ctx: Context<PauFunding>, amount: u64) -> Result<()> {
        instructions::operator::fund_from_pau::handler(ctx, amount)
    }

    /// Repays free USDS to the PAU (CPI) and burns the PAU's shares. Signer: beacon.
    #[access_control(ctx.accounts.validate_return(amount))]
    pub fn return_to_pau(ctx: Context<PauFunding>, amount: u64) -> Result<()> {
        instructions::operator::return_to_pau::handler(ctx, amount)
    }

    /// Sends inventory to the issuer for redemption. Signer: beacon.
    #[access_control(ctx.accounts.validate(amount))]
    pub fn start_redemption(ctx: Context<StartRedemption>, amount: u64) -> Result<()> {
        instructions::operator::start_redemption::handler(ctx, amount)
    }

    /// Books the issuer's payment of a redemption. Signer: beacon.
    #[access_control(ctx.accounts.validate())]
    pub fn settle_redemption(ctx: Context<SettleRedemption>, received: u64) -> Result<()> {
        instructions::operator::settle_redemption::handler(ctx, received)
    }

    /// Marks a redemption failed and pauses buys. Signer: beacon or freezer.
    #[access_control(ctx.accounts.validate())]
    pub fn fail_redemption(ctx: Context<FailRedemption>) -> Result<()> {
        instructions::operator::fail_redemption::handler(ctx)
    }

    /// Closes the open withdrawal generation and opens the next. Signer: beacon.
    #[access_control(ctx.accounts.validate())]
    pub fn roll_withdrawals(ctx: Context<RollWithdrawals>) -> Result<()> {
        instructions::operator::roll_withdrawals::handler(ctx)
    }

    /// Fills the oldest closed generation with free USDS, pro rata. Signer: beacon.
    #[access_control(ctx.accounts.validate(max_quote))]
    pub fn settle_withdrawals(ctx: Context<SettleWithdrawals>, max_quote: u64) -> Result<()> {
        instructions::operator::settle_withdrawals::handler(ctx, max_quote)
    }

    // ---- users and LPs ------------------------------------------------------------

    /// Swaps at NAV ± spread, exact in or exact out, with a bound and an expiry.
    pub fn swap(ctx: Context<Swap>, args: SwapArgs) -> Result<()> {
        instructions::user::swap::handler(ctx, args)
    }

    /// Fills an RFQ quote signed by the beacon (Ed25519 verification in the previous
    /// instruction), within governance's bound around NAV. Signer: the quote's user.
    pub fn swap_with_quote(ctx: Context<SwapWithQuote>, quote: rfq::RfqQuote) -> Result<()> {
        instructions::user::swap_with_quote::handler(ctx, quote)
    }

    /// Opens an LP position for `owner`. Signer: the payer (anyone).
    pub fn open_position(ctx: Context<OpenPosition>, owner: Pubkey) -> Result<()> {
        instructions::lp::open_position::handler(ctx, owner)
    }

    /// Deposits USDS for LP shares. Signer: the position's owner.
    #[access_control(ctx.accounts.validate(amount))]
    pub fn deposit(ctx: Context<Deposit>, amount: u64, min_shares: u64) -> Result<()> {
        instructions::lp::deposit::handler(ctx, amount, min_shares)
    }

    /// Queues shares for withdrawal. Signer: the position's owner.
    #[access_control(ctx.accounts.validate(shares))]
    pub fn request_withdrawal(ctx: Context<RequestWithdrawal>, shares: u64) -> Result<()> {
        instructions::lp::request_withdrawal::handler(ctx, shares)
    }

    /// Claims the USDS filled so far. Signer: the position's owner.
    pub fn claim_withdrawal(ctx: Context<ClaimWithdrawal>) -> Result<()> {
        instructions::lp::claim_withdrawal::handler(ctx)
    }
}
