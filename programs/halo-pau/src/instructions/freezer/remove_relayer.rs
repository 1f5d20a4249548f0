use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, events::RelayerSet, state::*};

/// Removes the PAU's relayer at once. Signed by the PAU's freezer. Naming a new one is
/// GovOps' (`set_relayer`).
#[derive(Accounts)]
pub struct RemoveRelayer<'info> {
    pub freezer: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONTROLLER, controller.configurator.as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
        has_one = freezer @ PauError::NotFreezer,
    )]
    pub controller: Box<Account<'info, Controller>>,
}

impl RemoveRelayer<'_> {
    /// Only when there is a relayer.
    pub fn validate(&self) -> Result<()> {
        require_keys_neq!(
            self.controller.relayer,
            Pubkey::default(),
            PauError::NoRelayer
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<RemoveRelayer>) -> Result<()> {
    let RemoveRelayer {
        freezer,
        controller,
    } = ctx.accounts;
    let old_relayer = controller.replace_relayer(Pubkey::default());
    controller.invariant()?;
    halo_math::emit_event!(RelayerSet {
        controller: controller.key(),
        old_relayer,
        new_relayer: Pubkey::default(),
        by: freezer.key(),
    });
    Ok(())
}
