use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::ClassRolesSet, state::*};

/// Replaces the beacon and the freezer. Signed by governance.
#[derive(Accounts)]
pub struct SetClassRoles<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
}

pub fn handler(ctx: Context<SetClassRoles>, beacon: Pubkey, freezer: Pubkey) -> Result<()> {
    require!(
        beacon != Pubkey::default() && freezer != Pubkey::default(),
        TradingError::DefaultKey
    );
    let c = &mut ctx.accounts.class;
    c.beacon = beacon;
    c.freezer = freezer;
    emit!(ClassRolesSet {
        class: c.key(),
        beacon,
        freezer,
    });
    Ok(())
}
