use crate::math::SafeMath;
use anchor_lang::prelude::*;

use crate::{
    constants::PRICE_SOURCE_DELAY_S, errors::TradingError, events::PriceSourceProposed, state::*,
};

/// Proposes a new price source for the pool: another halo feed or Pyth feed id when the
/// oracle is replaced, or a fixed wind-down price when it is gone for good. It applies
/// only `PRICE_SOURCE_DELAY_S` later (`apply_price_source`), so LPs see it coming.
/// Signed by governance. A new proposal replaces a pending one.
#[derive(Accounts)]
pub struct ProposePriceSource<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
}

pub fn handler(ctx: Context<ProposePriceSource>, source: PriceSource) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let p = &mut ctx.accounts.pool;
    if let PriceSource::Fixed { price_wad } = source {
        require!(price_wad > 0, TradingError::NonPositivePrice);
        // a wind-down price within 10x of the last accepted one, either way (a mistyped
        // one could make the pool's value overflow and block every exit)
        let last = p.last_price_wad;
        require!(
            price_wad <= last.saturating_mul(10) && price_wad.saturating_mul(10) >= last,
            TradingError::WindDownPriceOutOfRange
        );
    }
    let eta = now.safe_add(PRICE_SOURCE_DELAY_S)?;
    p.pending_price_source = Some(source);
    p.pending_price_source_eta = eta;
    emit!(PriceSourceProposed {
        pool: p.key(),
        current: p.price_source,
        proposed: source,
        eta,
        by: ctx.accounts.governance.key(),
    });
    Ok(())
}
