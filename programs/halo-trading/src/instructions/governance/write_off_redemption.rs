use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::RedemptionWrittenOff, state::*};

/// Writes off a failed redemption after review: it stops holding the withdrawal queue
/// back (`failed_expected` falls by its expected USDS), so LPs exit at the written-down
/// value; a late payment for it stays unbooked for governance. Signed by governance.
#[derive(Accounts)]
pub struct WriteOffRedemption<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = pool @ TradingError::RedemptionOfAnotherPool)]
    pub redemption: Box<Account<'info, Redemption>>,
}

impl WriteOffRedemption<'_> {
    pub fn validate(&self) -> Result<()> {
        require!(
            self.redemption.status == RedemptionStatus::Failed,
            TradingError::RedemptionNotFailed
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<WriteOffRedemption>) -> Result<()> {
    let WriteOffRedemption {
        governance,
        pool,
        redemption,
        ..
    } = ctx.accounts;
    let outstanding = pool.write_off(redemption);
    pool.invariant()?;
    redemption.invariant()?;
    halo_math::emit_event!(RedemptionWrittenOff {
        pool: pool.key(),
        redemption: redemption.key(),
        id: redemption.id,
        expected_quote: outstanding,
        failed_expected_after: pool.failed_expected,
        by: governance.key(),
    });
    Ok(())
}
