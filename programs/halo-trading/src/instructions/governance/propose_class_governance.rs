use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::ClassGovernanceProposed, state::*};

/// Proposes a new governance for the class (a multisig, typically); it takes the role
/// when that key calls `accept_class_governance`, so a mistyped key can never take it.
/// The default key withdraws a proposal. Signed by the current governance.
#[derive(Accounts)]
pub struct ProposeClassGovernance<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
}

pub fn handler(ctx: Context<ProposeClassGovernance>, new_governance: Pubkey) -> Result<()> {
    let ProposeClassGovernance { governance, class } = ctx.accounts;
    let old_pending = class.pending_governance;
    class.pending_governance = new_governance;
    halo_math::emit_event!(ClassGovernanceProposed {
        class: class.key(),
        by: governance.key(),
        old_pending,
        new_pending: new_governance,
    });
    Ok(())
}
