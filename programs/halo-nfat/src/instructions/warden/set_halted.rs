use anchor_lang::prelude::*;

use crate::{errors::NfatError, events::HaltSet, state::Facility};

/// The warden's halt: stops claims, deployments and fundings at once (queue withdrawals
/// and redemptions keep working). The warden or governance may halt; only governance
/// lifts it. Refused: any other signer, the warden lifting.
#[derive(Accounts)]
pub struct SetHalted<'info> {
    pub signer: Signer<'info>,
    #[account(mut)]
    pub facility: Box<Account<'info, Facility>>,
}

impl SetHalted<'_> {
    pub fn validate(&self, halted: bool) -> Result<()> {
        let k = self.signer.key();
        let governance = k == self.facility.governance;
        require!(
            governance || k == self.facility.warden,
            NfatError::NotWarden
        );
        require!(halted || governance, NfatError::OnlyGovernanceLiftsHalt);
        Ok(())
    }
}

pub fn handler(ctx: Context<SetHalted>, halted: bool) -> Result<()> {
    let f = &mut ctx.accounts.facility;
    let old = f.halted;
    f.halted = halted;
    f.invariant(None, None)?;
    halo_math::emit_event!(HaltSet {
        facility: f.key(),
        by: ctx.accounts.signer.key(),
        old,
        new: halted,
    });
    Ok(())
}
