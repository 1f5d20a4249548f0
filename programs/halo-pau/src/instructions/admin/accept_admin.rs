use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::AdminAccepted, state::*};

/// Completes an admin transfer that went through the timelock (`TransferAdmin`).
/// Signed by the proposed admin, so a mistyped key can never take the role.
#[derive(Accounts)]
pub struct AcceptAdmin<'info> {
    pub new_admin: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONFIGURATOR],
        bump = configurator.bump,
        constraint = configurator.pending_admin == new_admin.key() @ PauError::NotPendingAdmin,
    )]
    pub configurator: Box<Account<'info, Configurator>>,
}

pub fn handler(ctx: Context<AcceptAdmin>) -> Result<()> {
    let c = &mut ctx.accounts.configurator;
    let old_admin = c.admin;
    c.admin = ctx.accounts.new_admin.key();
    c.pending_admin = Pubkey::default();
    // proposals scheduled before the hand-over cannot make another key admin afterwards
    c.admin_ops_valid_from = c.next_op_id;
    emit!(AdminAccepted {
        old_admin,
        new_admin: c.admin,
    });
    Ok(())
}
