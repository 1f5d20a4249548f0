use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::PendingAdminCleared, state::*};

/// Withdraws an executed admin proposal before it is accepted (a removal, instant).
/// Signed by the admin. Every `TransferAdmin` op scheduled before this call can no longer
/// be executed either, so a duplicate proposal cannot bring the same key back.
#[derive(Accounts)]
pub struct ClearPendingAdmin<'info> {
    pub admin: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIGURATOR], bump = configurator.bump, has_one = admin @ PauError::NotAdmin)]
    pub configurator: Box<Account<'info, Configurator>>,
}

pub fn handler(ctx: Context<ClearPendingAdmin>) -> Result<()> {
    let c = &mut ctx.accounts.configurator;
    require_keys_neq!(c.pending_admin, Pubkey::default(), PauError::NoPendingAdmin);
    let old_pending_admin = c.pending_admin;
    c.pending_admin = Pubkey::default();
    c.admin_ops_valid_from = c.next_op_id;
    emit!(PendingAdminCleared {
        old_pending_admin,
        admin_ops_valid_from: c.admin_ops_valid_from,
        by: ctx.accounts.admin.key(),
    });
    Ok(())
}
