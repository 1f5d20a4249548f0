use crate::{constants::*, errors::PauError, events::RateLimitSet, state::*};
use anchor_lang::prelude::*;

/// Sets a route's `max_amount` and `slope`. Signed by a GovOps member of the PAU.
/// * A decrease (neither value goes up) is instant, even on a frozen or unregistered PAU.
/// * An increase needs a registered PAU, the route's InitRateLimit to still exist (the
///   PAU-specific one when it exists, else the global one), one full
///   SORL hop since the last increase, and each raised value within +`sorl_max_change_bps`
///   (a value at zero, after a cut or a removal, may be reopened up to the init's value).
///
/// The bucket is accrued, then clamped to the new max: a set never refills it.
#[derive(Accounts)]
pub struct SetRateLimit<'info> {
    pub member: Signer<'info>,
    #[account(
        has_one = member @ PauError::NotGovOpsMember,
        has_one = controller @ PauError::NotGovOpsOfThisPau,
    )]
    pub membership: Box<Account<'info, GovOpsMembership>>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: the PAU-specific init PDA (seeds checked; it may not exist); read only for
    /// an increase, by `InitRateLimit::resolve`.
    #[account(
        seeds = [SEED_INIT, configurator.key().as_ref(), rate_limit.key.as_ref(), controller.key().as_ref()],
        bump,
    )]
    pub pau_init: UncheckedAccount<'info>,
    /// CHECK: the removal record of the PAU-specific init (seeds checked; it may not
    /// exist); read by `InitRateLimit::resolve`.
    #[account(
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::Init, &rate_limit.key, &controller.key().to_bytes())],
        bump,
    )]
    pub pau_init_removal: UncheckedAccount<'info>,
    /// CHECK: the global init PDA (seeds checked; it may not exist); read only for an
    /// increase when no PAU-specific init exists.
    #[account(
        seeds = [SEED_INIT, configurator.key().as_ref(), rate_limit.key.as_ref(), Pubkey::default().as_ref()],
        bump,
    )]
    pub global_init: UncheckedAccount<'info>,
    #[account(
        mut,
        seeds = [SEED_RATE_LIMIT, controller.key().as_ref(), rate_limit.key.as_ref()],
        bump = rate_limit.bump,
    )]
    pub rate_limit: Box<Account<'info, RateLimit>>,
}

impl SetRateLimit<'_> {
    /// An increase (either value goes up) needs a registered PAU.
    pub fn validate(&self, max_amount: u64, slope: u64) -> Result<()> {
        if self.is_increase(max_amount, slope) {
            require!(self.controller.registered, PauError::PauNotRegistered);
        }
        Ok(())
    }

    fn is_increase(&self, max_amount: u64, slope: u64) -> bool {
        let limit = &self.rate_limit.limit;
        max_amount > limit.max_amount || slope > limit.slope
    }

    /// What a value at zero may be reopened to: the route's init's bounds for an
    /// increase (the init must still exist), nothing for a decrease.
    fn reopen_cap(&self, increase: bool) -> Result<(u64, u64)> {
        if !increase {
            return Ok((0, 0));
        }
        let init = InitRateLimit::resolve(
            &self.pau_init,
            &self.pau_init_removal,
            &self.global_init,
            &self.rate_limit.key,
            &self.controller.key(),
        )?;
        Ok(init.bounds())
    }
}

pub fn handler(ctx: Context<SetRateLimit>, max_amount: u64, slope: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let accounts = ctx.accounts;
    let increase = accounts.is_increase(max_amount, slope);
    let reopen_cap = accounts.reopen_cap(increase)?;
    let sorl = accounts.configurator.sorl();
    let SetRateLimit {
        member, rate_limit, ..
    } = accounts;
    let old = rate_limit.limit;
    rate_limit.set_limits(sorl, now, (max_amount, slope), reopen_cap)?;
    rate_limit.invariant()?;
    halo_math::emit_event!(RateLimitSet {
        controller: rate_limit.controller,
        key: rate_limit.key,
        old_max_amount: old.max_amount,
        old_slope: old.slope,
        increase,
        by: member.key(),
        state: rate_limit.snapshot(now),
    });
    Ok(())
}
