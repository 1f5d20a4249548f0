use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::InitRateLimitRemoved, state::*};

/// Deletes a route approval at once (a removal). Signed by the admin; rent returns to it.
/// Existing rate limits keep working but can no longer be raised (rule 3).
#[derive(Accounts)]
pub struct RemoveInitRateLimit<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump, has_one = admin @ PauError::NotAdmin)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        mut,
        close = admin,
        seeds = [SEED_INIT, configurator.key().as_ref(), init_rate_limit.key.as_ref(), init_rate_limit.pau.as_ref()],
        bump = init_rate_limit.bump,
    )]
    pub init_rate_limit: Box<Account<'info, InitRateLimit>>,
}

pub fn handler(ctx: Context<RemoveInitRateLimit>) -> Result<()> {
    let i = &ctx.accounts.init_rate_limit;
    emit!(InitRateLimitRemoved {
        init: i.key(),
        key: i.key,
        pau: i.pau,
    });
    Ok(())
}
