use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::InitRateLimitRemoved, state::*};

/// Deletes a route approval at once (a removal). Signed by the admin; rent returns to it.
/// Existing rate limits keep working but can no longer be raised (rule 3). An
/// `AddInitRateLimit` for the same key and scope scheduled before this removal can no
/// longer be executed (the removal record says so).
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
    /// CHECK: the removal record of this init (seeds checked), created or updated here.
    #[account(
        mut,
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::Init, &init_rate_limit.key, &init_rate_limit.pau.to_bytes())],
        bump,
    )]
    pub removal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl RemoveInitRateLimit<'_> {
    /// The admin check is the `has_one` above; a removal is never refused otherwise.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

pub fn handler(ctx: Context<RemoveInitRateLimit>) -> Result<()> {
    let RemoveInitRateLimit {
        admin,
        configurator,
        init_rate_limit: init,
        removal,
        system_program,
    } = ctx.accounts;
    Removal::record(
        removal,
        admin,
        system_program,
        &configurator.key(),
        removal_target(RemovalKind::Init, &init.key, &init.pau.to_bytes()),
        ctx.bumps.removal,
        configurator.next_op_id,
        Clock::get()?.unix_timestamp,
    )?;
    halo_math::emit_event!(InitRateLimitRemoved {
        init: init.key(),
        key: init.key,
        pau: init.pau,
        by: admin.key(),
    });
    Ok(())
}
