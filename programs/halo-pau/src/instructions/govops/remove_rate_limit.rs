use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::RateLimitRemoved, state::*};

/// Closes a route at once (the account is closed, rent to the member). Signed by a GovOps
/// member of the PAU. Reopening needs `create_rate_limit` and an existing init again.
#[derive(Accounts)]
pub struct RemoveRateLimit<'info> {
    #[account(mut)]
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
        close = member,
        seeds = [SEED_RATE_LIMIT, controller.key().as_ref(), rate_limit.key.as_ref()],
        bump = rate_limit.bump,
    )]
    pub rate_limit: Box<Account<'info, RateLimit>>,
}

pub fn handler(ctx: Context<RemoveRateLimit>) -> Result<()> {
    emit!(RateLimitRemoved {
        controller: ctx.accounts.controller.key(),
        key: ctx.accounts.rate_limit.key,
    });
    Ok(())
}
