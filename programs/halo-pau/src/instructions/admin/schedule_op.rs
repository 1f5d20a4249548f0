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
        constraint = !configurator.paused @ PauError::TimelockPaused,
    )]
    pub configurator: Box<Account<'info, Configurator>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_OP, configurator.key().as_ref(), &configurator.next_op_id.to_le_bytes()], bump)]
    pub op: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<ScheduleOp>, action: TimelockAction) -> Result<()> {
    match action {
        TimelockAction::SetTimelockDelay { seconds } => validate_timelock_delay(seconds)?,
        TimelockAction::SetSorlHop { seconds } => validate_sorl_hop(seconds)?,
        TimelockAction::SetSorlMaxChange { bps } => validate_sorl_max_change(bps)?,
        TimelockAction::TransferAdmin { new_admin } => {
            require!(
                new_admin != Pubkey::default() && new_admin != ctx.accounts.configurator.admin,
                PauError::InvalidAdmin
            );
        }
        TimelockAction::GrantGovOps { member, .. } => {
            require_keys_neq!(member, Pubkey::default(), PauError::InvalidRoleKey);
        }
        TimelockAction::SetMaxTransferFee { bps } => validate_max_transfer_fee(bps)?,
        TimelockAction::AddIntegration { signer, key, .. } => {
            require_keys_neq!(signer, Pubkey::default(), PauError::InvalidRoleKey);
            require!(key != [0u8; 32], PauError::InvalidIntegrationKeys);
        }
        TimelockAction::RegisterPau { .. } | TimelockAction::AddInitRateLimit { .. } => {}
    }
    let now = Clock::get()?.unix_timestamp;
    let configurator = &mut ctx.accounts.configurator;
    let op_id = configurator.next_op_id;
    let eta = now
        .checked_add(configurator.timelock_delay_s)
        .ok_or(PauError::MathOverflow)?;
    configurator.next_op_id = op_id.checked_add(1).ok_or(PauError::MathOverflow)?;
    let configurator_key = configurator.key();
    let id = op_id.to_le_bytes();
    let seeds: &[&[u8]] = &[SEED_OP, configurator_key.as_ref(), &id, &[ctx.bumps.op]];
    let value = TimelockOp {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.op,
        configurator: configurator_key,
        op_id,
        action,
        proposer: ctx.accounts.admin.key(),
        scheduled_at: now,
        eta,
        status: OpStatus::Scheduled,
        resolved_at: 0,
        reserved: [0; 64],
    };
    halo_accounts::create_program_account(
        &ctx.accounts.admin,
        &ctx.accounts.op,
        &ctx.accounts.system_program,
        seeds,
        &crate::ID,
        &value,
    )?;
    emit!(OpScheduled {
        op: ctx.accounts.op.key(),
        op_id,
        action,
        eta,
    });
    Ok(())
}
