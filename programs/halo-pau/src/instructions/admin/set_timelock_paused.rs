use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::TimelockPauseSet, state::*};

/// Pauses (or resumes) the timelock: while paused, nothing can be scheduled or executed.
/// Instant, signed by the admin.
#[derive(Accounts)]
pub struct SetTimelockPaused<'info> {
    pub admin: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIGURATOR], bump = configurator.bump, has_one = admin @ PauError::NotAdmin)]
    pub configurator: Box<Account<'info, Configurator>>,
}

impl SetTimelockPaused<'_> {
    /// The admin check is the `has_one` above; either value is accepted.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

pub fn handler(ctx: Context<SetTimelockPaused>, paused: bool) -> Result<()> {
    let SetTimelockPaused {
        admin,
        configurator,
    } = ctx.accounts;
    configurator.paused = paused;
    // a brake never waits on an invariant; lifting it does
    if !paused {
        configurator.invariant()?;
    }
    halo_math::emit_event!(TimelockPauseSet {
        paused,
        by: admin.key(),
    });
    Ok(())
}
