use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::AdminAccepted, state::*};

/// Completes an admin transfer that went through the timelock (`TransferAdmin`).
/// Signed by the proposed admin, so a mistyped key can never take the role.
#[derive(Accounts)]
pub struct AcceptAdmin<'info> {
    pub new_admin: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIGURATOR], bump = configurator.bump)]
    pub configurator: Box<Account<'info, Configurator>>,
}

impl AcceptAdmin<'_> {
    /// Only the proposed admin.
    pub fn validate(&self) -> Result<()> {
        require_keys_eq!(
            self.configurator.pending_admin,
            self.new_admin.key(),
            PauError::NotPendingAdmin
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<AcceptAdmin>) -> Result<()> {
    let AcceptAdmin {
        new_admin,
        configurator,
    } = ctx.accounts;
    let old_admin = configurator.accept_admin(new_admin.key());
    configurator.invariant()?;
    halo_math::emit_event!(AdminAccepted {
        old_admin,
        new_admin: configurator.admin,
        by: new_admin.key(),
    });
    Ok(())
}
