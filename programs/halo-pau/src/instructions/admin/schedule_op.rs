use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::OpScheduled, state::*};

/// Schedules an addition behind the timelock. Signed by the admin. Refused while paused.
/// Parameter changes are validated now, so that a bad value never waits 14 days to fail.
#[derive(Accounts)]
pub struct ScheduleOp<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONFIGURATOR],
        bump = configurator.bump,
        has_one = admin @ PauError::NotAdmin,
    )]
    pub configurator: Box<Account<'info, Configurator>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_OP, configurator.key().as_ref(), &configurator.next_op_id.to_le_bytes()], bump)]
    pub op: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ScheduleOp<'_> {
    /// Not while paused; the action's parameters within their bounds.
    pub fn validate(&self, action: &TimelockAction) -> Result<()> {
        require!(!self.configurator.paused, PauError::TimelockPaused);
        self.configurator.check_schedulable(action)
    }
}

pub fn handler(ctx: Context<ScheduleOp>, action: TimelockAction) -> Result<()> {
    let ScheduleOp {
        admin,
        configurator,
        op,
        system_program,
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let (op_id, eta) = configurator.take_op_id(now)?;
    let configurator_key = configurator.key();
    let value = TimelockOp {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.op,
        configurator: configurator_key,
        op_id,
        action,
        proposer: admin.key(),
        scheduled_at: now,
        eta,
        status: OpStatus::Scheduled,
        resolved_at: 0,
        reserved: [0; 64],
    };
    TimelockOp::with_seeds(&configurator_key, op_id, value.bump, |seeds| {
        halo_accounts::create_program_account(admin, op, system_program, seeds, &crate::ID, &value)
    })?;
    configurator.invariant()?;
    halo_math::emit_event!(OpScheduled {
        op: op.key(),
        op_id,
        action,
        eta,
        by: admin.key(),
    });
    Ok(())
}
