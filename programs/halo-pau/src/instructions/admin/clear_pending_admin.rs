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

impl ClearPendingAdmin<'_> {
    /// Only when an admin is pending.
    pub fn validate(&self) -> Result<()> {
        require_keys_neq!(
            self.configurator.pending_admin,
            Pubkey::default(),
            PauError::NoPendingAdmin
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<ClearPendingAdmin>) -> Result<()> {
    let ClearPendingAdmin {
        admin,
        configurator,
    } = ctx.accounts;
    let old_pending_admin = configurator.clear_pending_admin();
    configurator.invariant()?;
    halo_math::emit_event!(PendingAdminCleared {
        old_pending_admin,
        admin_ops_valid_from: configurator.admin_ops_valid_from,
        by: admin.key(),
    });
    Ok(())
}
