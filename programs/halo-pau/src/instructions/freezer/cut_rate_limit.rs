use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::RateLimitSet, state::*};

/// Decreases a route's rate limit at once, down to zero. Signed by the PAU's freezer.
/// Refused if either value would go up. Keeps the consumed gap (no refill).
#[derive(Accounts)]
pub struct CutRateLimit<'info> {
    pub freezer: Signer<'info>,
    #[account(
        seeds = [SEED_CONTROLLER, controller.configurator.as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
        has_one = freezer @ PauError::NotFreezer,
    )]
    pub controller: Box<Account<'info, Controller>>,
    #[account(
        mut,
        seeds = [SEED_RATE_LIMIT, controller.key().as_ref(), rate_limit.key.as_ref()],
        bump = rate_limit.bump,
    )]
    pub rate_limit: Box<Account<'info, RateLimit>>,
}

pub fn handler(ctx: Context<CutRateLimit>, max_amount: u64, slope: u64) -> Result<()> {
    let rl = &mut ctx.accounts.rate_limit;
    let old = (rl.max_amount, rl.slope);
    require!(
        max_amount <= old.0 && slope <= old.1,
        PauError::NotADecrease
    );
    let now = Clock::get()?.unix_timestamp;
    rl.set_params(now, max_amount, slope);
    emit!(RateLimitSet {
        controller: rl.controller,
        key: rl.key,
        old_max_amount: old.0,
        old_slope: old.1,
        increase: false,
        by: ctx.accounts.freezer.key(),
        state: rl.snapshot(now),
    });
    Ok(())
}
