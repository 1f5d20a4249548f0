use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::RateLimitRemoved, state::*};

/// Closes a route at once: max, slope and what is available all go to zero. Signed by a
/// GovOps member of the PAU. The account is kept (not closed), so that the route's SORL
/// history survives: reopening goes through `set_rate_limit`, after a full hop and up to the
/// init's bounds, and starts empty. Closing and re-creating the account would refill it.
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

pub fn handler(ctx: Context<RemoveRateLimit>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let rl = &mut ctx.accounts.rate_limit;
    let (old_max_amount, old_slope) = (rl.max_amount, rl.slope);
    rl.set_params(now, 0, 0);
    emit!(RateLimitRemoved {
        controller: rl.controller,
        key: rl.key,
        old_max_amount,
        old_slope,
        by: ctx.accounts.member.key(),
        state: rl.snapshot(now),
    });
    Ok(())
}
