use anchor_lang::prelude::*;

use crate::{events::Deposited, oracle};

use super::PauFunding;

/// Draws `amount` USDS from the class's PAU custody into the pool's quote vault through a
/// `halo_pau::draw` CPI (the pool PDA is the registered integration; the PAU's `amm_fund`
/// route rate-limits it) and mints LP shares to the PAU's position at the current share
/// value (rounded down). Signed by the beacon. Refused: not the beacon, zero, class
/// paused, a bad oracle, a pool that cannot price shares, any PAU refusal (route closed,
/// rate limit, frozen PAU...).
pub fn handler(ctx: Context<PauFunding>, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let accounts = ctx.accounts;
    let reading = oracle::accept(
        &mut accounts.pool,
        &accounts.price_account,
        now,
        oracle::Use::Lp,
    )?;
    let value_before = accounts.pool.value_for_deposit(reading.price_wad)?;
    accounts.pool.check_priceable(value_before)?;
    let received = accounts.draw(amount)?;
    let pool = &mut accounts.pool;
    let shares = pool.book_deposit(&mut accounts.pau_position, received, value_before)?;
    pool.check_books(Some(accounts.quote_vault.amount), None)?;
    accounts.pau_position.invariant()?;
    halo_math::emit_event!(Deposited {
        pool: pool.key(),
        owner: accounts.pau_position.owner,
        quote_amount: received,
        shares,
        pool_value_before: value_before,
        total_shares_after: pool.total_shares,
        from_pau: true,
    });
    Ok(())
}
