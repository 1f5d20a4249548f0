use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::GovernanceProposed, state::*};

/// Proposes handing the feed's governance to another key (a multisig, typically); it
/// takes the role when that key calls `accept_governance`, so a mistyped key can never
/// take it. The default key withdraws a proposal. Signed by the current governance.
#[derive(Accounts)]
pub struct ProposeGovernance<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ OracleError::NotGovernance)]
    pub feed: Box<Account<'info, Feed>>,
}

impl ProposeGovernance<'_> {
    /// The governance check is the `has_one` above; any key may be proposed.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

pub fn handler(ctx: Context<ProposeGovernance>, new_governance: Pubkey) -> Result<()> {
    let ProposeGovernance { governance, feed } = ctx.accounts;
    let old_pending_governance = core::mem::replace(&mut feed.pending_governance, new_governance);
    feed.invariant()?;
    halo_math::emit_event!(GovernanceProposed {
        feed: feed.key(),
        governance: feed.governance,
        old_pending_governance,
        pending_governance: new_governance,
        by: governance.key(),
    });
    Ok(())
}
