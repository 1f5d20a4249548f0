use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{GovOpsGranted, OpExecuted},
    state::*,
};

/// Executes a scheduled `GrantGovOps`, creating the membership. Anyone may sign and pay;
/// `member` must repeat the operation's (it seeds the new account).
#[derive(Accounts)]
#[instruction(member: Pubkey)]
pub struct ExecuteGrantGovOps<'info> {
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
    )]
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_GOVOPS, controller.key().as_ref(), member.as_ref()], bump)]
    pub membership: UncheckedAccount<'info>,
    /// CHECK: the removal record of this membership (seeds checked); read by
    /// `Removal::check_op`.
    #[account(
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::GovOps, &controller.key().to_bytes(), &member.to_bytes())],
        bump,
    )]
    pub removal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<ExecuteGrantGovOps>, member: Pubkey) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let op = &mut ctx.accounts.op;
    op.check_executable(now)?;
    let TimelockAction::GrantGovOps {
        controller,
        member: op_member,
    } = op.action
    else {
        return err!(PauError::WrongOpKind);
    };
    require!(
        controller == ctx.accounts.controller.key() && member == op_member,
        PauError::OpTargetMismatch
    );
    Removal::check_op(&ctx.accounts.removal, op.op_id)?;
    op.mark_executed(now);
    let value = GovOpsMembership {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.membership,
        controller,
        member,
        granted_at: now,
        op_id: op.op_id,
        reserved: [0; 64],
    };
    halo_accounts::create_program_account(
        &ctx.accounts.payer,
        &ctx.accounts.membership,
        &ctx.accounts.system_program,
        &[
            SEED_GOVOPS,
            controller.as_ref(),
            member.as_ref(),
            &[ctx.bumps.membership],
        ],
        &crate::ID,
        &value,
    )?;
    emit!(OpExecuted {
        op: op.key(),
        op_id: op.op_id,
        action: op.action,
    });
    emit!(GovOpsGranted { controller, member });
    Ok(())
}
