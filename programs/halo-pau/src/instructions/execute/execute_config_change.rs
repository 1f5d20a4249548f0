use anchor_lang::prelude::*;

use crate::instructions::groups::ExecuteOp;

use crate::{
    constants::*,
    events::{ConfigChanged, OpExecuted},
    state::*,
};

/// Executes a scheduled change of the configurator itself: timelock delay, SORL hop,
/// SORL max change, the largest transfer fee, or a proposed admin. Anyone may sign.
/// It writes the configurator, so it carries its own writable copy of the
/// [`crate::instructions::ExecuteOp`] pair.
#[derive(Accounts)]
pub struct ExecuteConfigChange<'info> {
    pub executor: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIGURATOR], bump = configurator.bump)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        mut,
        seeds = [SEED_OP, configurator.key().as_ref(), &op.op_id.to_le_bytes()],
        bump = op.bump,
    )]
    pub op: Box<Account<'info, TimelockOp>>,
}

impl ExecuteConfigChange<'_> {
    /// Not paused. Whether the op is executable now is `take_ready(now)`'s check in the
    /// handler, which reads the clock once; its kind is checked as it applies.
    pub fn validate(&self) -> Result<()> {
        ExecuteOp {
            configurator: &self.configurator,
            op: &self.op,
        }
        .validate()
        .map(|_| ())
    }
}

pub fn handler(ctx: Context<ExecuteConfigChange>) -> Result<()> {
    let ExecuteConfigChange {
        executor,
        configurator,
        op,
    } = ctx.accounts;
    let old_pending_admin = configurator.pending_admin;
    let action = op.take_ready(Clock::get()?.unix_timestamp)?;
    configurator.apply_change(op.op_id, &action)?;
    configurator.invariant()?;
    halo_math::emit_event!(OpExecuted {
        op: op.key(),
        op_id: op.op_id,
        action,
        by: executor.key(),
    });
    halo_math::emit_event!(ConfigChanged {
        timelock_delay_s: configurator.timelock_delay_s,
        sorl_hop_s: configurator.sorl_hop_s,
        sorl_max_change_bps: configurator.sorl_max_change_bps,
        old_pending_admin,
        pending_admin: configurator.pending_admin,
        max_transfer_fee_bps: configurator.max_transfer_fee_bps,
        by: executor.key(),
    });
    Ok(())
}
