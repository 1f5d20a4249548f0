use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{OpExecuted, PauRegistered},
    state::*,
};

// the group's generated client modules must be in scope for the derive
#[allow(unused_imports)]
use crate::instructions::groups::*;

/// Executes a scheduled `RegisterPau` once its timelock has elapsed. Anyone may sign.
#[derive(Accounts)]
pub struct ExecuteRegisterPau<'info> {
    pub executor: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump)]
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

impl ExecuteRegisterPau<'_> {
    fn execute_op(&self) -> ExecuteOp<'_> {
        ExecuteOp {
            configurator: &self.configurator,
            op: &self.op,
        }
    }

    /// Not paused, executable now, a `RegisterPau` of this controller, which is not
    /// registered, and not scheduled before its last `unregister_pau`.
    pub fn validate(&self) -> Result<()> {
        let op = self.execute_op().validate()?;
        let TimelockAction::RegisterPau { controller } = op.action else {
            return err!(PauError::WrongOpKind);
        };
        require_keys_eq!(
            controller,
            self.controller.key(),
            PauError::OpTargetMismatch
        );
        require!(!self.controller.registered, PauError::PauAlreadyRegistered);
        // an `unregister_pau` withdrew every registration scheduled before it
        require!(
            op.op_id >= self.controller.register_ops_valid_from,
            PauError::OpInvalidatedByRemoval
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<ExecuteRegisterPau>) -> Result<()> {
    let ExecuteRegisterPau {
        executor,
        op,
        controller,
        ..
    } = ctx.accounts;
    let action = op.take_ready(Clock::get()?.unix_timestamp)?;
    controller.registered = true;
    controller.invariant()?;
    halo_math::emit_event!(OpExecuted {
        op: op.key(),
        op_id: op.op_id,
        action,
        by: executor.key(),
    });
    halo_math::emit_event!(PauRegistered {
        controller: controller.key(),
    });
    Ok(())
}
