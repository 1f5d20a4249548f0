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

pub fn handler(ctx: Context<WriteOffRedemption>) -> Result<()> {
    let p = &mut ctx.accounts.pool;
    let rd = &mut ctx.accounts.redemption;
    require!(
        rd.status == RedemptionStatus::Failed,
        TradingError::RedemptionNotFailed
    );
    // what partial recoveries already brought was released then
    let outstanding = rd.expected_quote.saturating_sub(rd.received);
    p.failed_expected = p.failed_expected.saturating_sub(outstanding);
    rd.status = RedemptionStatus::WrittenOff;
    emit!(RedemptionWrittenOff {
        pool: p.key(),
        redemption: rd.key(),
        id: rd.id,
        expected_quote: outstanding,
        failed_expected_after: p.failed_expected,
        by: ctx.accounts.governance.key(),
    });
    Ok(())
}
