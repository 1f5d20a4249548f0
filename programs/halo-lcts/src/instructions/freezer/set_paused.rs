use anchor_lang::prelude::*;

use crate::{constants::PAUSE_ALL, errors::LctsError, events::PauseSet, state::*};

/// Sets the unit's pause flags (`PAUSE_UNIT`, `PAUSE_SUBSCRIBE`, `PAUSE_REDEEM`). A pause
/// stops entries, locks and settlements of what it covers; claims, exits, finalized
/// settlements and unlocks keep working (no one is locked out of what is theirs). The
/// freezer may only add flags; governance may also lift them. Refused: neither signer,
/// the freezer lifting a flag, unknown flags.
#[derive(Accounts)]
pub struct SetPaused<'info> {
    pub signer: Signer<'info>,
    pub class: Box<Account<'info, LctsClass>>,
    #[account(mut, has_one = class @ LctsError::UnitOfAnotherClass)]
    pub unit: Box<Account<'info, LctsUnit>>,
}

impl SetPaused<'_> {
    pub fn validate(&self, flags: u8) -> Result<()> {
        require!(flags & !PAUSE_ALL == 0, LctsError::BadPauseFlags);
        let signer = self.signer.key();
        let governance = signer == self.class.governance;
        require!(
            governance || signer == self.unit.freezer,
            LctsError::NotPauser
        );
        let lifts = self.unit.paused & !flags != 0;
        require!(governance || !lifts, LctsError::OnlyGovernanceUnpauses);
        Ok(())
    }
}

pub fn handler(ctx: Context<SetPaused>, flags: u8) -> Result<()> {
    let SetPaused { signer, unit, .. } = ctx.accounts;
    let old = unit.paused;
    unit.paused = flags;
    halo_math::emit_event!(PauseSet {
        unit: unit.key(),
        by: signer.key(),
        old,
        new: flags,
    });
    Ok(())
}
