use crate::math::{OrOverflow, SafeMath};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};
use halo_math::Rounding;

use crate::{
    constants::*,
    errors::TradingError,
    events::RedemptionStarted,
    oracle,
    state::*,
    token::{pay_from_vault, MintRef},
};

/// Sends `amount` of inventory to the issuer's redemption account and records the USDS
/// expected at the current NAV. Signed by the beacon; bounded by the pool's
/// issuer-redemption rate limit.
#[derive(Accounts)]
pub struct StartRedemption<'info> {
    #[account(mut)]
    pub beacon: Signer<'info>,
    #[account(has_one = beacon @ TradingError::NotBeacon)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(
        mut,
        has_one = class @ TradingError::PoolOfAnotherClass,
        has_one = asset_vault @ TradingError::WrongVault,
        has_one = asset_mint @ TradingError::WrongAssetMint,
        constraint = pool.params.redemption_account == redemption_account.key()
            @ TradingError::WrongRedemptionAccount,
    )]
    pub pool: Box<Account<'info, Pool>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_REDEMPTION, pool.key().as_ref(), &pool.next_redemption_id.to_le_bytes()], bump)]
    pub redemption: UncheckedAccount<'info>,
    pub asset_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut)]
    pub asset_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut)]
    pub redemption_account: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: validated by `oracle::accept` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<StartRedemption>, amount: u64) -> Result<()> {
    require!(amount > 0, TradingError::ZeroAmount);
    let now = Clock::get()?.unix_timestamp;
    let a = ctx.accounts;
    let p = &mut a.pool;
    require!(amount <= p.inventory, TradingError::InsufficientInventory);
    let r = oracle::accept(p, &a.price_account, now, oracle::Use::Lp)?;
    p.redeem_limit
        .consume(now, amount)
        .map_err(|_| TradingError::RedeemRateLimitExceeded)?;
    let expected = p
        .market(r.price_wad)
        .value(amount, Rounding::Down)
        .or_overflow()?;
    let cost = p.remove_inventory(amount)?;
    let id = p.next_redemption_id;
    p.pending_expected = p.pending_expected.safe_add(expected)?;
    p.pending_cost = p.pending_cost.safe_add(cost)?;
    p.next_redemption_id = id.safe_add(1)?;
    let expected_by = now.saturating_add(i64::from(p.params.settlement_period_s));
    p.open_redemption(id, amount, expected_by)?;

    let pool = p.key();
    let id_le = id.to_le_bytes();
    let mut rd: Redemption = halo_accounts::create_zeroed_account(
        &a.beacon,
        &a.redemption,
        &a.system_program,
        &[
            SEED_REDEMPTION,
            pool.as_ref(),
            &id_le,
            &[ctx.bumps.redemption],
        ],
        &crate::ID,
    )?;
    rd.version = ACCOUNT_VERSION;
    rd.bump = ctx.bumps.redemption;
    rd.pool = pool;
    rd.id = id;
    rd.amount = amount;
    rd.nav_wad = r.price_wad;
    rd.expected_quote = expected;
    rd.cost_basis = cost;
    rd.sent_at = now;
    rd.expected_by = expected_by;
    rd.status = RedemptionStatus::Pending;
    halo_accounts::persist(&a.redemption, &rd)?;

    pay_from_vault(
        &a.token_program,
        &a.asset_vault.to_account_info(),
        MintRef {
            info: &a.asset_mint.to_account_info(),
            decimals: a.asset_mint.decimals,
        },
        &a.redemption_account.to_account_info(),
        p,
        amount,
    )?;
    emit!(RedemptionStarted {
        pool: p.key(),
        redemption: a.redemption.key(),
        id,
        amount,
        nav_wad: r.price_wad,
        expected_quote: expected,
        cost_basis: cost,
        expected_by,
    });
    Ok(())
}
