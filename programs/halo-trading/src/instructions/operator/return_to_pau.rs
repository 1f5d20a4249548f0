use crate::math::OrOverflow;
use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::ReturnedToPau, oracle, token::amount_of};

use super::PauFunding;

/// Returns `amount` of free USDS to the PAU's custody through a `halo_pau::repay` CPI
/// (which gives the route's rate limit back) and burns the PAU position's shares worth it,
/// rounded up. Signed by the beacon. Allowed while the class is paused: it brings capital
/// home.
pub fn handler(ctx: Context<PauFunding>, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let accounts = ctx.accounts;
    let value_before = oracle::exit_value(&mut accounts.pool, &accounts.price_account, now)?;
    require!(value_before > 0, TradingError::PoolValueZero);
    let burn = halo_math::shares::shares_to_burn_for_assets(
        amount,
        value_before,
        accounts.pool.total_shares,
    )
    .or_overflow()?;
    require!(
        burn <= accounts.pau_position.shares,
        TradingError::InsufficientShares
    );
    accounts.repay(amount)?;
    let pool = &mut accounts.pool;
    pool.book_return(&mut accounts.pau_position, amount, burn);
    pool.check_books(
        Some(amount_of(&accounts.quote_vault.to_account_info())?),
        None,
    )?;
    accounts.pau_position.invariant()?;
    halo_math::emit_event!(ReturnedToPau {
        pool: pool.key(),
        quote_amount: amount,
        shares_burned: burn,
        pool_value_before: value_before,
    });
    Ok(())
}
