use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::RfqDomainSet, state::*};

/// Sets the cluster domain of the class's RFQ quotes (the cluster's genesis hash). Signed
/// by governance. Quotes signed for another domain stop being valid at once.
#[derive(Accounts)]
pub struct SetRfqDomain<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
}

impl SetRfqDomain<'_> {
    pub fn validate(&self, domain: [u8; 32]) -> Result<()> {
        require!(domain != [0u8; 32], TradingError::RfqDomainNotSet);
        Ok(())
    }
}

pub fn handler(ctx: Context<SetRfqDomain>, domain: [u8; 32]) -> Result<()> {
    let SetRfqDomain { governance, class } = ctx.accounts;
    let old_domain = class.rfq_domain;
    class.rfq_domain = domain;
    halo_math::emit_event!(RfqDomainSet {
        class: class.key(),
        old_domain,
        new_domain: domain,
        by: governance.key(),
    });
    Ok(())
}
