use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::RateLimitRemoved, state::*};

/// Closes a route at once: max, slope and what is available all go to zero. Signed by a
/// GovOps member of the PAU. The account is kept (not closed), so that the route's SORL
/// history survives: reopening goes through `set_rate_limit`, after a full hop and up to the
/// init's bounds, and starts empty. Closing and re-creating the account would refill it.
/// (Not a [`crate::instructions::GovOpsOnController`]: the controller is read-only here.)
#[derive(Accounts)]
pub struct RemoveRateLimit<'info> {
    pub member: Signer<'info>,
    #[account(
        has_one = member @ PauError::NotGovOpsMember,
        has_one = controller @ PauError::NotGovOpsOfThisPau,
    )]
    pub membership: Box<Account<'info, GovOpsMembership>>,
    #[account(
        seeds = [SEED_CONTROLLER, controller.configurator.as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
    #[account(
        mut,
        seeds = [SEED_RATE_LIMIT, controller.key().as_ref(), rate_limit.key.as_ref()],
        bump = rate_limit.bump,
    )]
    pub rate_limit: Box<Account<'info, RateLimit>>,
}

impl RemoveRateLimit<'_> {
    /// The membership checks are the `has_one`s above; a removal is never refused
    /// otherwise (also on a frozen or unregistered PAU).
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

pub fn handler(ctx: Context<RemoveRateLimit>) -> Result<()> {
    let RemoveRateLimit {
        member, rate_limit, ..
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let old = rate_limit.limit;
    rate_limit.limit.set(now, 0, 0);
    halo_math::emit_event!(RateLimitRemoved {
        controller: rate_limit.controller,
        key: rate_limit.key,
        old_max_amount: old.max_amount,
        old_slope: old.slope,
        by: member.key(),
        state: rate_limit.snapshot(now),
    });
    Ok(())
}
