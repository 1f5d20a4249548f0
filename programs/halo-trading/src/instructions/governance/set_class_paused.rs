use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::ClassPauseSet, state::*};

/// Freezes or unfreezes every pool of the class. Governance, the beacon or the freezer
/// may pause; only governance may unpause.
#[derive(Accounts)]
pub struct SetClassPaused<'info> {
    pub signer: Signer<'info>,
    #[account(mut, constraint = class.is_pauser(&signer.key()) @ TradingError::NotPauser)]
    pub class: Box<Account<'info, TradingClass>>,
}

impl SetClassPaused<'_> {
    pub fn validate(&self, paused: bool) -> Result<()> {
        require!(
            paused || self.signer.key() == self.class.governance,
            TradingError::OnlyGovernanceUnpauses
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<SetClassPaused>, paused: bool) -> Result<()> {
    let SetClassPaused { signer, class } = ctx.accounts;
    class.paused = paused;
    halo_math::emit_event!(ClassPauseSet {
        class: class.key(),
        paused,
        by: signer.key(),
    });
    Ok(())
}
