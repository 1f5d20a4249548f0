use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::OpCancelled, state::*};

/// Cancels a scheduled operation. Signed by the admin; allowed while paused.
#[derive(Accounts)]
pub struct CancelOp<'info> {
    pub admin: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump, has_one = admin @ PauError::NotAdmin)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        mut,
        seeds = [SEED_OP, configurator.key().as_ref(), &op.op_id.to_le_bytes()],
        bump = op.bump,
    )]
    pub op: Box<Account<'info, TimelockOp>>,
}

pub fn handler(ctx: Context<CancelOp>) -> Result<()> {
    let op = &mut ctx.accounts.op;
    match op.status {
        OpStatus::Executed => return err!(PauError::OpAlreadyExecuted),
        OpStatus::Cancelled => return err!(PauError::OpCancelled),
        OpStatus::Scheduled => {}
    }
    op.status = OpStatus::Cancelled;
    op.resolved_at = Clock::get()?.unix_timestamp;
    emit!(OpCancelled {
        op: op.key(),
        op_id: op.op_id,
    });
    Ok(())
}
