use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{ConfigChanged, OpExecuted},
    state::*,
};

/// Executes a scheduled change of the configurator itself: timelock delay, SORL hop,
/// SORL max change, the largest transfer fee, or a proposed admin. Anyone may sign.
#[derive(Accounts)]
pub struct ExecuteConfigChange<'info> {
    pub executor: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONFIGURATOR],
        bump = configurator.bump,
        constraint = !configurator.paused @ PauError::TimelockPaused,
    )]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        mut,
        seeds = [SEED_OP, configurator.key().as_ref(), &op.op_id.to_le_bytes()],
        bump = op.bump,
    )]
    pub op: Box<Account<'info, TimelockOp>>,
}

pub fn handler(ctx: Context<ExecuteConfigChange>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let op = &mut ctx.accounts.op;
    op.check_executable(now)?;
    let c = &mut ctx.accounts.configurator;
    match op.action {
        TimelockAction::SetTimelockDelay { seconds } => c.timelock_delay_s = seconds,
        TimelockAction::SetSorlHop { seconds } => c.sorl_hop_s = seconds,
        TimelockAction::SetSorlMaxChange { bps } => c.sorl_max_change_bps = bps,
        TimelockAction::SetMaxTransferFee { bps } => c.max_transfer_fee_bps = bps,
        TimelockAction::TransferAdmin { new_admin } => {
            // a `clear_pending_admin` withdrew every admin proposal scheduled before it
            require!(
                op.op_id >= c.admin_ops_valid_from,
                PauError::OpInvalidatedByRemoval
            );
            c.pending_admin = new_admin;
        }
        TimelockAction::RegisterPau { .. }
        | TimelockAction::AddInitRateLimit { .. }
        | TimelockAction::GrantGovOps { .. }
        | TimelockAction::AddIntegration { .. } => return err!(PauError::WrongOpKind),
    }
    op.mark_executed(now);
    emit!(OpExecuted {
        op: op.key(),
        op_id: op.op_id,
        action: op.action,
    });
    emit!(ConfigChanged {
        timelock_delay_s: c.timelock_delay_s,
        sorl_hop_s: c.sorl_hop_s,
        sorl_max_change_bps: c.sorl_max_change_bps,
        pending_admin: c.pending_admin,
        max_transfer_fee_bps: c.max_transfer_fee_bps,
    });
    Ok(())
}
