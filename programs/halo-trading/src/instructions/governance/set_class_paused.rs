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

pub fn handler(ctx: Context<SetClassPaused>, paused: bool) -> Result<()> {
    let by = ctx.accounts.signer.key();
    let c = &mut ctx.accounts.class;
    require!(
        paused || by == c.governance,
        TradingError::OnlyGovernanceUnpauses
    );
    c.paused = paused;
    emit!(ClassPauseSet {
        class: c.key(),
        paused,
        by,
    });
    Ok(())
}
