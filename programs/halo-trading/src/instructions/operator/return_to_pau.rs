use crate::math::OrOverflow;
use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::ReturnedToPau, oracle};

use super::PauFunding;

/// Returns `amount` of free USDS to the PAU's custody through a `halo_pau::repay` CPI
/// (which gives the route's rate limit back) and burns the PAU position's shares worth it,
/// rounded up. Signed by the beacon. Allowed while the class is paused: it brings capital
/// home.
pub fn handler(ctx: Context<PauFunding>, amount: u64) -> Result<()> {
    require!(amount > 0, TradingError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    require!(
        a.pool.queue_settling_gen == a.pool.queue_open_gen,
        TradingError::WithdrawalsWaiting
    );
    require!(
        amount <= a.pool.quote_liquidity,
        TradingError::InsufficientLiquidity
    );
    // the PAU may not exit at a value written down by a failure that may still recover
    require!(a.pool.failed_expected == 0, TradingError::RecoveryPending);
    require!(
        now <= a.pool.oldest_pending_due,
        TradingError::RedemptionOverdue
    );
    let value_before = if a.pool.inventory == 0 {
        a.pool.value(a.pool.last_price_wad)?
    } else {
        let r = oracle::accept(&mut a.pool, &a.price_account, now, oracle::Use::Lp)?;
        a.pool.value(r.price_wad)?
    };
    require!(value_before > 0, TradingError::PoolValueZero);
    let burn =
        halo_math::shares::shares_to_burn_for_assets(amount, value_before, a.pool.total_shares)
            .or_overflow()?;
    require!(
        burn <= a.pau_position.shares,
        TradingError::InsufficientShares
    );
    let pool_info = a.pool.to_account_info();
    a.pool.with_signer(|signer| {
        halo_pau::cpi::repay(
            CpiContext::new_with_signer(
                a.pau_program.key(),
                halo_pau::cpi::accounts::Repay {
                    integration_signer: pool_info,
                    integration: a.pau_integration.to_account_info(),
                    controller: a.pau_controller.to_account_info(),
                    proxy: a.pau_proxy.to_account_info(),
                    rate_limit: a.pau_rate_limit.to_account_info(),
                    mint: a.quote_mint.to_account_info(),
                    source: a.quote_vault.to_account_info(),
                    custody: a.pau_custody.to_account_info(),
                    token_program: a.token_program.to_account_info(),
                },
                signer,
            ),
            amount,
        )
    })?;
    let p = &mut a.pool;
    p.quote_liquidity = p.quote_liquidity.saturating_sub(amount);
    p.total_shares = p.total_shares.saturating_sub(burn);
    let pos = &mut a.pau_position;
    pos.shares = pos.shares.saturating_sub(burn);
    pos.total_withdrawn = pos.total_withdrawn.saturating_add(u128::from(amount));
    emit!(ReturnedToPau {
        pool: p.key(),
        quote_amount: amount,
        shares_burned: burn,
        pool_value_before: value_before,
    });
    Ok(())
}
