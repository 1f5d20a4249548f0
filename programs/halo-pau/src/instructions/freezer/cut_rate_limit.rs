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

impl CutRateLimit<'_> {
    /// Neither value may go up.
    pub fn validate(&self, max_amount: u64, slope: u64) -> Result<()> {
        let limit = &self.rate_limit.limit;
        require!(
            max_amount <= limit.max_amount && slope <= limit.slope,
            PauError::NotADecrease
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<CutRateLimit>, max_amount: u64, slope: u64) -> Result<()> {
    let CutRateLimit {
        freezer,
        rate_limit,
        ..
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let old = rate_limit.limit;
    rate_limit.limit.set(now, max_amount, slope);
    halo_math::emit_event!(RateLimitSet {
        controller: rate_limit.controller,
        key: rate_limit.key,
        old_max_amount: old.max_amount,
        old_slope: old.slope,
        increase: false,
        by: freezer.key(),
        state: rate_limit.snapshot(now),
    });
    Ok(())
}
