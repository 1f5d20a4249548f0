use crate::math::{OrOverflow, SafeMath};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::{
    errors::TradingError, events::RedemptionClosed, manager::redemption_manager, state::*,
};

/// Books the issuer's payment for a redemption: the USDS must already be in the pool's
/// quote vault, unbooked. Realised P&L = received − cost basis; the redemption rate limit
/// gets the asset amount back. Also books a late recovery of a redemption marked failed,
/// in parts if the issuer pays in parts: each part stops holding the withdrawal queue
/// back by what it brings; the redemption settles once 99 % has come. Signed by the beacon.
#[derive(Accounts)]
pub struct SettleRedemption<'info> {
    pub beacon: Signer<'info>,
    #[account(has_one = beacon @ TradingError::NotBeacon)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(
        mut,
        has_one = class @ TradingError::PoolOfAnotherClass,
        has_one = quote_vault @ TradingError::WrongVault,
    )]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = pool @ TradingError::RedemptionOfAnotherPool)]
    pub redemption: Box<Account<'info, Redemption>>,
    /// CHECK: the redemption after this one (seeds checked; it may not exist yet): its due
    /// time becomes the oldest pending one's when this one closes.
    #[account(
        seeds = [crate::constants::SEED_REDEMPTION, pool.key().as_ref(), &redemption.id.saturating_add(1).to_le_bytes()],
        bump,
    )]
    pub next_redemption: UncheckedAccount<'info>,
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
}

impl SettleRedemption<'_> {
    pub fn validate(&self) -> Result<()> {
        let status = self.redemption.status;
        require!(
            status != RedemptionStatus::Settled,
            TradingError::RedemptionAlreadySettled
        );
        require!(
            status != RedemptionStatus::WrittenOff,
            TradingError::RedemptionWrittenOff
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<SettleRedemption>, received: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let SettleRedemption {
        pool,
        redemption,
        next_redemption,
        quote_vault,
        ..
    } = ctx.accounts;
    let booked = pool.quote_liquidity.safe_add(pool.claims_reserved)?;
    let unbooked = quote_vault.amount.saturating_sub(booked);
    let pnl =
        redemption_manager::settle(pool, redemption, next_redemption, received, unbooked, now)?;
    pool.check_books(Some(quote_vault.amount), None)?;
    redemption.invariant()?;
    halo_math::emit_event!(RedemptionClosed {
        pool: pool.key(),
        redemption: redemption.key(),
        id: redemption.id,
        status: redemption.status,
        received,
        pnl: i64::try_from(pnl).or_overflow()?,
    });
    Ok(())
}
