use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{IntegrationKeyAdded, OpExecuted},
    state::*,
};

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
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
        constraint = controller.registered @ PauError::PauNotRegistered,
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

pub fn handler(ctx: Context<ExecuteAddIntegration>, signer: Pubkey) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    a.op.check_executable(now)?;
    let TimelockAction::AddIntegration {
        controller,
        signer: op_signer,
        key,
    } = a.op.action
    else {
        return err!(PauError::WrongOpKind);
    };
    require!(
        controller == a.controller.key() && signer == op_signer,
        PauError::OpTargetMismatch
    );
    Removal::check_op(&a.removal, a.op.op_id)?;
    let key_count = Integration::add_key(
        &a.integration,
        &a.payer,
        &a.system_program,
        &controller,
        &signer,
        ctx.bumps.integration,
        key,
        a.op.op_id,
        now,
    )?;
    a.op.mark_executed(now);
    emit!(OpExecuted {
        op: a.op.key(),
        op_id: a.op.op_id,
        action: a.op.action,
    });
    emit!(IntegrationKeyAdded {
        controller,
        signer,
        key,
        key_count,
    });
    Ok(())
}
