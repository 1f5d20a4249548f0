use crate::math::{OrOverflow, SafeMath};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::{constants::SETTLE_MIN_BPS, errors::TradingError, events::RedemptionClosed, state::*};

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
    let booked = p.quote_liquidity.safe_add(p.claims_reserved)?;
    let unbooked = a.quote_vault.amount.saturating_sub(booked);
    require!(received <= unbooked, TradingError::UnaccountedFundsMissing);
    // what this settlement adds to realised P&L (a recovery's cost was counted when it
    // failed, so all of its receipt is P&L)
    let pnl = if rd.status == RedemptionStatus::Pending {
        i128::from(received).safe_sub(i128::from(rd.cost_basis))?
    } else {
        i128::from(received)
    };
    let floor = halo_math::mul_div_u64(
        rd.expected_quote,
        SETTLE_MIN_BPS,
        10_000,
        halo_math::Rounding::Up,
    )
    .or_overflow()?;
    let settled = if rd.status == RedemptionStatus::Pending {
        // an under-reported receipt would leave USDS unbooked for later misuse
        require!(received >= floor, TradingError::ReceiptBelowExpected);
        p.close_oldest_pending(rd, &a.next_redemption)?;
        p.pending_expected = p.pending_expected.saturating_sub(rd.expected_quote);
        p.pending_cost = p.pending_cost.saturating_sub(rd.cost_basis);
        rd.received = received;
        true
    } else {
        // failed earlier (its cost was written off then): a recovery, possibly in parts.
        // Only what arrives stops holding the queue back; the rest waits for more payments
        // or a governance write-off (a receipt of 0 cannot stand in for one).
        require!(received > 0, TradingError::ZeroAmount);
        let before = rd.received;
        let total = before.safe_add(received)?;
        let recovered = total
            .min(rd.expected_quote)
            .saturating_sub(before.min(rd.expected_quote));
        p.failed_expected = p.failed_expected.saturating_sub(recovered);
        rd.received = total;
        let done = total >= floor;
        if done {
            // the last part: whatever of the expected USDS did not come is let go
            let rest = rd.expected_quote.saturating_sub(total);
            p.failed_expected = p.failed_expected.saturating_sub(rest);
            p.redemptions_failed = p.redemptions_failed.saturating_sub(1);
        }
        done
    };
    p.realised_pnl = p.realised_pnl.safe_add(pnl)?;
    p.quote_liquidity = p.quote_liquidity.safe_add(received)?;
    if settled {
        p.redeem_limit.give_back(now, rd.amount);
        p.redemptions_settled = p.redemptions_settled.saturating_add(1);
        rd.status = RedemptionStatus::Settled;
    }
    emit!(RedemptionClosed {
        pool: p.key(),
        redemption: rd.key(),
        id: rd.id,
        status: rd.status,
        received,
        pnl: i64::try_from(pnl).or_overflow()?,
    });
    Ok(())
}
