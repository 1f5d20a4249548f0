use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{InitRateLimitAdded, OpExecuted},
    state::*,
};

/// Executes a scheduled `AddInitRateLimit`, creating the InitRateLimit account. Anyone may
/// sign and pay; `key` and `pau` must repeat the operation's (they seed the new account).
#[derive(Accounts)]
#[instruction(key: [u8; 32], pau: Pubkey)]
pub struct ExecuteAddInitRateLimit<'info> {
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
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_INIT, configurator.key().as_ref(), key.as_ref(), pau.as_ref()], bump)]
    pub init_rate_limit: UncheckedAccount<'info>,
    /// CHECK: the removal record of this init (seeds checked); read by `Removal::check_op`.
    #[account(
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::Init, &key, &pau.to_bytes())],
        bump,
    )]
    pub removal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<ExecuteAddInitRateLimit>, key: [u8; 32], pau: Pubkey) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let op = &mut ctx.accounts.op;
    op.check_executable(now)?;
    let TimelockAction::AddInitRateLimit {
        key: op_key,
        pau: op_pau,
        max_amount,
        slope,
    } = op.action
    else {
        return err!(PauError::WrongOpKind);
    };
    require!(key == op_key && pau == op_pau, PauError::OpTargetMismatch);
    Removal::check_op(&ctx.accounts.removal, op.op_id)?;
    op.mark_executed(now);
    let configurator = ctx.accounts.configurator.key();
    let value = InitRateLimit {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.init_rate_limit,
        configurator,
        key,
        pau,
        max_amount,
        slope,
        added_at: now,
        op_id: op.op_id,
        reserved: [0; 64],
    };
    halo_accounts::create_program_account(
        &ctx.accounts.payer,
        &ctx.accounts.init_rate_limit,
        &ctx.accounts.system_program,
        &[
            SEED_INIT,
            configurator.as_ref(),
            key.as_ref(),
            pau.as_ref(),
            &[ctx.bumps.init_rate_limit],
        ],
        &crate::ID,
        &value,
    )?;
    emit!(OpExecuted {
        op: op.key(),
        op_id: op.op_id,
        action: op.action,
    });
    emit!(InitRateLimitAdded {
        init: ctx.accounts.init_rate_limit.key(),
        key,
        pau,
        max_amount,
        slope,
    });
    Ok(())
}
