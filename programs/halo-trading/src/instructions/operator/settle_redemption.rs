use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::{constants::SETTLE_MIN_BPS, errors::TradingError, events::RedemptionClosed, state::*};

/// Books the issuer's payment for a redemption: the USDS must already be in the pool's
/// quote vault, unbooked. Realised P&L = received − cost basis; the redemption rate limit
/// gets the asset amount back. Also settles a redemption marked failed that the issuer
/// later paid (late recovery). Signed by the beacon.
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
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
}

pub fn handler(ctx: Context<SettleRedemption>, received: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    let p = &mut a.pool;
    let rd = &mut a.redemption;
    require!(
        rd.status != RedemptionStatus::Settled,
        TradingError::RedemptionAlreadySettled
    );
    require!(
        rd.status != RedemptionStatus::WrittenOff,
        TradingError::RedemptionWrittenOff
    );
    let booked = p
        .quote_liquidity
        .checked_add(p.claims_reserved)
        .ok_or(TradingError::MathOverflow)?;
    let unbooked = a.quote_vault.amount.saturating_sub(booked);
    require!(received <= unbooked, TradingError::UnaccountedFundsMissing);
    // what this settlement adds to realised P&L (a recovery's cost was counted when it
    // failed, so all of its receipt is P&L)
    let pnl = if rd.status == RedemptionStatus::Pending {
        i128::from(received)
            .checked_sub(i128::from(rd.cost_basis))
            .ok_or(TradingError::MathOverflow)?
    } else {
        i128::from(received)
    };
    if rd.status == RedemptionStatus::Pending {
        // an under-reported receipt would leave USDS unbooked for later misuse
        let floor = halo_math::mul_div_u64(
            rd.expected_quote,
            SETTLE_MIN_BPS,
            10_000,
            halo_math::Rounding::Up,
        )
        .map_err(|_| TradingError::MathOverflow)?;
        require!(received >= floor, TradingError::ReceiptBelowExpected);
        p.pending_expected = p.pending_expected.saturating_sub(rd.expected_quote);
        p.pending_cost = p.pending_cost.saturating_sub(rd.cost_basis);
        p.realised_pnl = p
            .realised_pnl
            .checked_add(pnl)
            .ok_or(TradingError::MathOverflow)?;
    } else {
        // failed earlier: its cost was written off then; the receipt is all recovery
        p.realised_pnl = p
            .realised_pnl
            .checked_add(pnl)
            .ok_or(TradingError::MathOverflow)?;
        p.redemptions_failed = p.redemptions_failed.saturating_sub(1);
        p.failed_expected = p.failed_expected.saturating_sub(rd.expected_quote);
    }
    p.quote_liquidity = p
        .quote_liquidity
        .checked_add(received)
        .ok_or(TradingError::MathOverflow)?;
    p.redeem_limit.give_back(now, rd.amount);
    p.redemptions_settled = p.redemptions_settled.saturating_add(1);
    rd.status = RedemptionStatus::Settled;
    rd.received = received;
    emit!(RedemptionClosed {
        pool: p.key(),
        redemption: rd.key(),
        id: rd.id,
        status: RedemptionStatus::Settled,
        received,
        pnl: i64::try_from(pnl).map_err(|_| TradingError::MathOverflow)?,
    });
    Ok(())
}
