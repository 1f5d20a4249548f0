use anchor_lang::prelude::*;
use halo_math::SorlOutcome;

use crate::{constants::*, errors::PauError, events::RateLimitSet, route::check_sorl, state::*};

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

pub fn handler(ctx: Context<SetRateLimit>, max_amount: u64, slope: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let rl = &mut ctx.accounts.rate_limit;
    let old = (rl.max_amount, rl.slope);
    let increase = max_amount > old.0 || slope > old.1;
    // An increase needs a registered PAU and the route's init, whose bounds cap the
    // reopening of a value that was cut to zero.
    let reopen_cap = if increase {
        require!(
            ctx.accounts.controller.registered,
            PauError::PauNotRegistered
        );
        let init = InitRateLimit::resolve(
            &ctx.accounts.pau_init,
            &ctx.accounts.pau_init_removal,
            &ctx.accounts.global_init,
            &rl.key,
            &ctx.accounts.controller.key(),
        )?;
        (init.max_amount, init.slope)
    } else {
        (0, 0)
    };
    let outcome = check_sorl(
        ctx.accounts.configurator.sorl(),
        now,
        rl.last_increase_ts,
        old,
        (max_amount, slope),
        reopen_cap,
    )?;
    if outcome == SorlOutcome::Increase {
        rl.last_increase_ts = now;
    }
    rl.set_params(now, max_amount, slope);
    emit!(RateLimitSet {
        controller: rl.controller,
        key: rl.key,
        old_max_amount: old.0,
        old_slope: old.1,
        increase,
        by: ctx.accounts.member.key(),
        state: rl.snapshot(now),
    });
    Ok(())
}
