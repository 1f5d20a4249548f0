use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::Deposited, oracle};

use super::PauFunding;

/// Draws `amount` USDS from the class's PAU custody into the pool's quote vault through a
/// `halo_pau::draw` CPI (the pool PDA is the registered integration; the PAU's `amm_fund`
/// route rate-limits it) and mints LP shares to the PAU's position at the current share
/// value (rounded down). Signed by the beacon. Refused: not the beacon, zero, class
/// paused, a bad oracle, a pool that cannot price shares, any PAU refusal (route closed,
/// rate limit, frozen PAU...).
pub fn handler(ctx: Context<PauFunding>, amount: u64) -> Result<()> {
    require!(amount > 0, TradingError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    require!(!a.class.paused, TradingError::ClassPaused);
    a.pool.check_open_for_deposits(now)?;
    let r = oracle::accept(&mut a.pool, &a.price_account, now, oracle::Use::Lp)?;
    let value_before = a.pool.value_for_deposit(r.price_wad)?;
    a.pool.check_priceable(value_before)?;
    let before = a.quote_vault.amount;
    let pool_info = a.pool.to_account_info();
    a.pool.with_signer(|signer| {
        halo_pau::cpi::draw(
            CpiContext::new_with_signer(
                a.pau_program.key(),
                halo_pau::cpi::accounts::Draw {
                    integration_signer: pool_info,
                    integration: a.pau_integration.to_account_info(),
                    controller: a.pau_controller.to_account_info(),
                    proxy: a.pau_proxy.to_account_info(),
                    rate_limit: a.pau_rate_limit.to_account_info(),
                    mint: a.quote_mint.to_account_info(),
                    custody: a.pau_custody.to_account_info(),
                    destination: a.quote_vault.to_account_info(),
                    token_program: a.token_program.to_account_info(),
                },
                signer,
            ),
            amount,
        )
    })?;
    a.quote_vault.reload()?;
    let received = a.quote_vault.amount.saturating_sub(before);
    let p = &mut a.pool;
    let shares = p.book_deposit(&mut a.pau_position, received, value_before)?;
    let pos = &a.pau_position;
    emit!(Deposited {
        pool: p.key(),
        owner: pos.owner,
        quote_amount: received,
        shares,
        pool_value_before: value_before,
        total_shares_after: p.total_shares,
        from_pau: true,
    });
    Ok(())
}
