use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{
    constants::*,
    errors::TradingError,
    events::RedemptionStarted,
    manager::redemption_manager,
    oracle,
    state::*,
    token::{amount_of, pay_from_vault, MintRef},
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

impl StartRedemption<'_> {
    pub fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, TradingError::ZeroAmount);
        require!(
            amount <= self.pool.inventory,
            TradingError::InsufficientInventory
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<StartRedemption>, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let accounts = ctx.accounts;
    let pool = &mut accounts.pool;
    let reading = oracle::accept(pool, &accounts.price_account, now, oracle::Use::Lp)?;
    let bump = ctx.bumps.redemption;
    let record = redemption_manager::start(pool, amount, reading.price_wad, bump, now)?;
    record.invariant()?;
    let (pool_key, id_le, bump_seed) = (pool.key(), record.id.to_le_bytes(), [bump]);
    halo_accounts::create_program_account(
        &accounts.beacon,
        &accounts.redemption,
        &accounts.system_program,
        &Redemption::signer_seeds(&pool_key, &id_le, &bump_seed),
        &crate::ID,
        &record,
    )?;
    pay_from_vault(
        &accounts.token_program,
        &accounts.asset_vault.to_account_info(),
        MintRef {
            info: &accounts.asset_mint.to_account_info(),
            decimals: accounts.asset_mint.decimals,
        },
        &accounts.redemption_account.to_account_info(),
        pool,
        amount,
    )?;
    pool.check_books(
        None,
        Some(amount_of(&accounts.asset_vault.to_account_info())?),
    )?;
    halo_math::emit_event!(RedemptionStarted {
        pool: pool_key,
        redemption: accounts.redemption.key(),
        id: record.id,
        amount,
        nav_wad: record.nav_wad,
        expected_quote: record.expected_quote,
        cost_basis: record.cost_basis,
        expected_by: record.expected_by,
    });
    Ok(())
}
