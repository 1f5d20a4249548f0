use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{IntegrationKeyAdded, OpExecuted},
    state::*,
};

// the group's generated client modules must be in scope for the derive
#[allow(unused_imports)]
use crate::instructions::groups::*;

/// Executes a scheduled `AddIntegration`: the integration (a Halo program's PDA that may
/// `draw` / `repay`) is created with the op's key, or the key is added to it. Anyone may
/// sign and pay; `signer` must repeat the operation's (it seeds the account). Integrations
/// are additions, so they wait out the timelock like routes and GovOps grants: a GovOps
/// key alone can never make its own wallet an integration.
#[derive(Accounts)]
#[instruction(signer: Pubkey)]
pub struct ExecuteAddIntegration<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        mut,
        seeds = [SEED_OP, configurator.key().as_ref(), &op.op_id.to_le_bytes()],
        bump = op.bump,
    )]
    pub op: Box<Account<'info, TimelockOp>>,
    #[account(
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: the integration PDA (seeds checked): created here, or loaded and checked by
    /// `Integration::add_key`.
    #[account(
        mut,
        seeds = [SEED_INTEGRATION, controller.key().as_ref(), signer.as_ref()],
        bump,
    )]
    pub integration: UncheckedAccount<'info>,
    /// CHECK: the removal record of this integration (seeds checked); read by
    /// `Removal::check_op`.
    #[account(
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::Integration, &controller.key().to_bytes(), &signer.to_bytes())],
        bump,
    )]
    pub removal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ExecuteAddIntegration<'_> {
    fn execute_op(&self) -> ExecuteOp<'_> {
        ExecuteOp {
            configurator: &self.configurator,
            op: &self.op,
        }
    }

    /// Not paused, a registered PAU, the op executable now, an `AddIntegration` of `signer` on
    /// this controller, not scheduled before a removal of that integration.
    pub fn validate(&self, signer: &Pubkey) -> Result<()> {
        // the timelock pause first, then the PAU, then the op (the order of the refusals)
        self.execute_op().check_not_paused()?;
        require!(self.controller.registered, PauError::PauNotRegistered);
        let op = &self.op;
        op.check_scheduled()?;
        let TimelockAction::AddIntegration {
            controller,
            signer: op_signer,
            ..
        } = op.action
        else {
            return err!(PauError::WrongOpKind);
        };
        require!(
            controller == self.controller.key() && *signer == op_signer,
            PauError::OpTargetMismatch
        );
        Removal::check_op(&self.removal, op.op_id)
    }
}

pub fn handler(ctx: Context<ExecuteAddIntegration>, signer: Pubkey) -> Result<()> {
    let ExecuteAddIntegration {
        payer,
        op,
        controller,
        integration,
        system_program,
        ..
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let action = op.take_ready(now)?;
    let TimelockAction::AddIntegration { key, .. } = action else {
        return err!(PauError::WrongOpKind);
    };
    let controller = controller.key();
    // add_key checks the integration's invariant before it writes
    let key_count = Integration::add_key(
        integration,
        payer,
        system_program,
        &controller,
        &signer,
        ctx.bumps.integration,
        key,
        op.op_id,
        now,
    )?;
    halo_math::emit_event!(OpExecuted {
        op: op.key(),
        op_id: op.op_id,
        action,
        by: payer.key(),
    });
    halo_math::emit_event!(IntegrationKeyAdded {
        controller,
        signer,
        key,
        key_count,
        by: payer.key(),
    });
    Ok(())
}
