use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{OpExecuted, PauRegistered},
    state::*,
};

/// Executes a scheduled `RegisterPau` once its timelock has elapsed. Anyone may sign.
#[derive(Accounts)]
pub struct ExecuteRegisterPau<'info> {
    pub executor: Signer<'info>,
    #[account(
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
    #[account(
        mut,
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
}

pub fn handler(ctx: Context<ExecuteRegisterPau>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let op = &mut ctx.accounts.op;
    op.check_executable(now)?;
    let TimelockAction::RegisterPau { controller } = op.action else {
        return err!(PauError::WrongOpKind);
    };
    require_keys_eq!(
        controller,
        ctx.accounts.controller.key(),
        PauError::OpTargetMismatch
    );
    require!(
        !ctx.accounts.controller.registered,
        PauError::PauAlreadyRegistered
    );
    // an `unregister_pau` withdrew every registration scheduled before it
    require!(
        op.op_id >= ctx.accounts.controller.register_ops_valid_from,
        PauError::OpInvalidatedByRemoval
    );
    ctx.accounts.controller.registered = true;
    op.mark_executed(now);
    emit!(OpExecuted {
        op: op.key(),
        op_id: op.op_id,
        action: op.action,
    });
    emit!(PauRegistered { controller });
    Ok(())
}
