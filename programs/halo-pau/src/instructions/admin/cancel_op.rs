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

impl CancelOp<'_> {
    /// Only a scheduled op (neither executed nor cancelled).
    pub fn validate(&self) -> Result<()> {
        self.op.check_scheduled()
    }
}

pub fn handler(ctx: Context<CancelOp>) -> Result<()> {
    let CancelOp { admin, op, .. } = ctx.accounts;
    op.cancel(Clock::get()?.unix_timestamp)?;
    halo_math::emit_event!(OpCancelled {
        op: op.key(),
        op_id: op.op_id,
        by: admin.key(),
    });
    Ok(())
}
