use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};
use halo_math::pricing::{within_bound, Fill, Mode, Side};

use crate::{
    errors::TradingError,
    events::SwapExecuted,
    manager::swap_manager,
    oracle::{self, Use},
    state::*,
    token::{amount_of, pay_from_vault, pull_into_vault, MintRef},
};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapArgs {
    /// `SellAsset`: the user sells the asset for USDS (the pool buys at NAV − bid spread);
    /// `BuyAsset`: the user buys it with USDS (the pool sells at NAV + ask spread).
    pub side: Side,
    /// `ExactIn`: `amount` is what the user gives and `limit` is `min_out`; `ExactOut`:
    /// `amount` is what the user receives and `limit` is `max_in`.
    pub mode: Mode,
    pub amount: u64,
    pub limit: u64,
    /// precision: unix seconds; refused after this time.
    pub expiry: i64,
}

/// Swaps against the pool at oracle NAV ± spread (bid widened by the inventory skew).
/// Refused, with nothing moved: expired, zero, class / pool paused, side disabled, buys
/// paused after a failed redemption, any price check (stale, deviation, confidence, feed,
/// owner, time going back), slippage past the user's limit, trade size outside the
/// bounds, position limit, not enough USDS or inventory, the side's rate limit.
#[derive(Accounts)]
pub struct Swap<'info> {
    pub user: Signer<'info>,
    #[account(has_one = quote_mint @ TradingError::WrongQuoteMint)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(
        mut,
        has_one = class @ TradingError::PoolOfAnotherClass,
        has_one = asset_mint @ TradingError::WrongAssetMint,
        has_one = asset_vault @ TradingError::WrongVault,
        has_one = quote_vault @ TradingError::WrongVault,
    )]
    pub pool: Box<Account<'info, Pool>>,
    /// CHECK: validated by `oracle::accept` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
    /// CHECK: pinned by the pool's `has_one`; the token program checks it against both
    /// token accounts and the decimals the pool recorded (`transfer_checked`).
    pub asset_mint: UncheckedAccount<'info>,
    /// CHECK: pinned by the class's `has_one`; checked by the token program likewise.
    pub quote_mint: UncheckedAccount<'info>,
    #[account(
        mut,
        constraint = user_asset.mint == asset_mint.key() @ TradingError::WrongAssetMint,
        constraint = user_asset.key() != pool.asset_vault @ TradingError::VaultAsUserAccount,
    )]
    pub user_asset: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        constraint = user_quote.mint == quote_mint.key() @ TradingError::WrongQuoteMint,
        constraint = user_quote.key() != pool.quote_vault @ TradingError::VaultAsUserAccount,
    )]
    pub user_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: pinned by the pool's `has_one` (created by `create_pool`, owned by the pool
    /// PDA); read and written only by the token program.
    #[account(mut)]
    pub asset_vault: UncheckedAccount<'info>,
    /// CHECK: pinned by the pool's `has_one`, as above.
    #[account(mut)]
    pub quote_vault: UncheckedAccount<'info>,
    #[account(address = *asset_mint.owner @ TradingError::WrongAssetMint)]
    pub asset_token_program: Interface<'info, TokenInterface>,
    #[account(address = *quote_mint.owner @ TradingError::WrongQuoteMint)]
    pub quote_token_program: Interface<'info, TokenInterface>,
}

impl<'info> Swap<'info> {
    /// The swap's refusals before any price is read. Called first by the handler with its
    /// one clock read (not through `#[access_control]`: a second sysvar read would cost
    /// every swap ~100 CU); nothing has changed when it refuses.
    pub fn validate(&self, args: &SwapArgs, now: i64) -> Result<()> {
        require!(now <= args.expiry, TradingError::Expired);
        require!(args.amount > 0, TradingError::ZeroAmount);
        self.pool.check_swap_open(self.class.paused, args.side)
    }

    /// Executes a priced fill: the pool's bounds (`swap_manager::post_swap_update`), both
    /// transfers, the books, the invariant and the event.
    pub fn execute(
        &mut self,
        side: Side,
        fill: Fill,
        spread_bps: u32,
        price_wad: u128,
        mode: Mode,
        now: i64,
    ) -> Result<()> {
        let update = swap_manager::post_swap_update(&self.pool, side, &fill, now)?;
        self.move_tokens(side, &fill)?;
        self.pool.update_after_swap(&update);
        self.pool.check_books(
            Some(amount_of(&self.quote_vault)?),
            Some(amount_of(&self.asset_vault)?),
        )?;
        halo_math::emit_event!(SwapExecuted {
            pool: self.pool.key(),
            user: self.user.key(),
            user_sold: side == Side::SellAsset,
            exact_in: mode == Mode::ExactIn,
            asset_amount: fill.asset_amount,
            quote_amount: fill.quote_amount,
            price_used_wad: price_wad,
            spread_bps,
            spread_quote: update.spread_quote,
            inventory_after: self.pool.inventory,
            quote_liquidity_after: self.pool.quote_liquidity,
        });
        Ok(())
    }

    /// The user's side of the fill into its vault, the pool's side out of the other.
    fn move_tokens(&self, side: Side, fill: &Fill) -> Result<()> {
        let pool = &self.pool;
        let asset = (
            &self.asset_token_program,
            MintRef {
                info: &self.asset_mint,
                decimals: pool.asset_decimals,
            },
            &self.asset_vault,
            self.user_asset.to_account_info(),
            fill.asset_amount,
        );
        let quote = (
            &self.quote_token_program,
            MintRef {
                info: &self.quote_mint,
                decimals: pool.quote_decimals,
            },
            &self.quote_vault,
            self.user_quote.to_account_info(),
            fill.quote_amount,
        );
        let (into_pool, out_of_pool) = match side {
            Side::SellAsset => (asset, quote),
            Side::BuyAsset => (quote, asset),
        };
        let (program, mint, vault, user_account, amount) = into_pool;
        pull_into_vault(program, &user_account, mint, vault, &self.user, amount)?;
        let (program, mint, vault, user_account, amount) = out_of_pool;
        pay_from_vault(program, vault, mint, &user_account, pool, amount)
    }
}

pub fn handler(ctx: Context<Swap>, args: SwapArgs) -> Result<()> {
    let clock = Clock::get()?;
    let now = clock.unix_timestamp;
    let accounts = ctx.accounts;
    accounts.validate(&args, now)?;
    let reading = oracle::accept_at(
        &mut accounts.pool,
        &accounts.price_account,
        now,
        clock.slot,
        Use::Swap,
    )?;
    let (fill, spread_bps) =
        swap_manager::price_fill(&accounts.pool, args.side, args.mode, args.amount, &reading)?;
    require!(
        fill.asset_amount > 0 && fill.quote_amount > 0,
        TradingError::ZeroAmount
    );
    require!(
        within_bound(args.side, args.mode, &fill, args.limit),
        TradingError::SlippageExceeded
    );
    accounts.execute(
        args.side,
        fill,
        spread_bps,
        reading.price_wad,
        args.mode,
        now,
    )
}
