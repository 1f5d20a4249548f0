use anchor_lang::prelude::*;

use crate::{errors::OracleError, events::GovernanceTransferred, state::*};

/// Completes a governance hand-over proposed by `propose_governance`. Signed by the
/// proposed key.
#[derive(Accounts)]
pub struct AcceptGovernance<'info> {
    pub new_governance: Signer<'info>,
    #[account(mut)]
    pub feed: Box<Account<'info, Feed>>,
}

impl AcceptGovernance<'_> {
    /// Only the proposed key (never the default key).
    pub fn validate(&self) -> Result<()> {
        let pending = self.feed.pending_governance;
        require!(
            pending == self.new_governance.key() && pending != Pubkey::default(),
            OracleError::NotPendingGovernance
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<AcceptGovernance>) -> Result<()> {
    let AcceptGovernance {
        new_governance,
        feed,
    } = ctx.accounts;
    let old_governance = core::mem::replace(&mut feed.governance, new_governance.key());
    feed.pending_governance = Pubkey::default();
    feed.invariant()?;
    halo_math::emit_event!(GovernanceTransferred {
        feed: feed.key(),
        old_governance,
        new_governance: feed.governance,
        by: new_governance.key(),
    });
    Ok(())
}
