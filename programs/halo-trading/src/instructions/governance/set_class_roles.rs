use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::ClassRolesSet, state::*};

/// Replaces the beacon and the freezer. Signed by governance.
#[derive(Accounts)]
pub struct SetClassRoles<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
}

impl SetClassRoles<'_> {
    pub fn validate(&self, beacon: Pubkey, freezer: Pubkey) -> Result<()> {
        use halo_accounts::keys::is_default;
        require!(
            !is_default(&beacon) && !is_default(&freezer),
            TradingError::DefaultKey
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<SetClassRoles>, beacon: Pubkey, freezer: Pubkey) -> Result<()> {
    let SetClassRoles { governance, class } = ctx.accounts;
    let (old_beacon, old_freezer) = (class.beacon, class.freezer);
    class.beacon = beacon;
    class.freezer = freezer;
    halo_math::emit_event!(ClassRolesSet {
        class: class.key(),
        by: governance.key(),
        old_beacon,
        new_beacon: beacon,
        old_freezer,
        new_freezer: freezer,
    });
    Ok(())
}
