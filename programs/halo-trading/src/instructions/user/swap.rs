use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};
use halo_math::pricing::{Fill, Mode, Side, Skew};

use crate::{
    errors::TradingError,
    events::SwapExecuted,
    price,
    state::*,
    token::{pay_from_vault, pull_into_vault, MintRef},
};

/// Which way the user trades.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwapSide {
    /// The user sells the asset for USDS (the pool buys at NAV − bid spread).
    SellAsset,
    /// The user buys the asset with USDS (the pool sells at NAV + ask spread).
    BuyAsset,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapArgs {
    pub side: SwapSide,
    /// true: `amount` is what the user gives and `limit` is `min_out`; false: `amount` is
    /// what the user receives and `limit` is `max_in`.
    pub exact_in: bool,
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
    /// CHECK: validated by `price::accept` against the pool's price source.
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

pub fn handler(ctx: Context<Swap>, args: SwapArgs) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    require!(now <= args.expiry, TradingError::Expired);
    require!(args.amount > 0, TradingError::ZeroAmount);
    let a = ctx.accounts;
    let side = a.check_open(args.side)?;
    let mode = if args.exact_in {
        Mode::ExactIn
    } else {
        Mode::ExactOut
    };
    let p = &mut a.pool;
    let r = price::accept(p, &a.price_account, now, price::Use::Swap)?;
    let (fill, spread_bps) = a.price_fill(side, mode, args.amount, &r)?;
    require!(
        fill.asset_amount > 0 && fill.quote_amount > 0,
        TradingError::ZeroAmount
    );
    // the user's bound
    let ok = match (side, mode) {
        (Side::SellAsset, Mode::ExactIn) => fill.quote_amount >= args.limit,
        (Side::SellAsset, Mode::ExactOut) => fill.asset_amount <= args.limit,
        (Side::BuyAsset, Mode::ExactIn) => fill.asset_amount >= args.limit,
        (Side::BuyAsset, Mode::ExactOut) => fill.quote_amount <= args.limit,
    };
    require!(ok, TradingError::SlippageExceeded);
    a.execute(side, fill, spread_bps, r.price_wad, args.exact_in, now)
}

impl<'info> Swap<'info> {
    /// Prices a swap at the reading: the bid widened by the exact average inventory skew
    /// over the trade (`Market::quote_sale`), the ask as set; both widened by the price's
    /// confidence interval (Pyth). Returns the fill and its effective spread in bps.
    pub fn price_fill(
        &self,
        side: Side,
        mode: Mode,
        amount: u64,
        r: &price::Reading,
    ) -> Result<(Fill, u32)> {
        let p = &self.pool;
        let market = p.market(r.price_wad);
        let widen = |bps: u16| {
            u32::from(bps)
                .checked_add(r.conf_bps)
                .ok_or(TradingError::MathOverflow)
        };
        match side {
            Side::SellAsset => {
                let bid = widen(p.params.bid_spread_bps)?;
                let skew = Skew {
                    start_bps: u32::from(p.params.skew_start_bps),
                    max_bps: u32::from(p.params.skew_max_bps),
                    position_limit: p.params.position_limit,
                };
                require!(
                    bid.saturating_add(skew.max_bps) <= halo_math::pricing::MAX_SPREAD_BPS,
                    TradingError::ConfidenceTooWide
                );
                market
                    .quote_sale(mode, amount, bid, &skew, p.inventory)
                    .map_err(|_| TradingError::MathOverflow.into())
            }
            Side::BuyAsset => {
                let ask = widen(p.params.ask_spread_bps)?;
                require!(
                    ask <= halo_math::pricing::MAX_SPREAD_BPS,
                    TradingError::ConfidenceTooWide
                );
                let fill = market
                    .quote(side, mode, amount, ask)
                    .map_err(|_| TradingError::MathOverflow)?;
                Ok((fill, ask))
            }
        }
    }

    /// The refusals every swap path shares: class or pool paused, side disabled, buys
    /// paused by a failed redemption.
    pub fn check_open(&self, side: SwapSide) -> Result<Side> {
        require!(!self.class.paused, TradingError::ClassPaused);
        let p = &self.pool;
        require!(!p.paused, TradingError::PoolPaused);
        Ok(match side {
            SwapSide::SellAsset => {
                require!(p.buy_enabled, TradingError::BuysDisabled);
                require!(
                    !p.redemption_failed,
                    TradingError::BuysPausedRedemptionFailed
                );
                Side::SellAsset
            }
            SwapSide::BuyAsset => {
                require!(p.sell_enabled, TradingError::SellsDisabled);
                Side::BuyAsset
            }
        })
    }

    /// Executes a priced fill: trade size, position limit, liquidity or inventory and the
    /// side's rate limit, then both transfers, the books, the counters and the event.
    pub fn execute(
        &mut self,
        side: Side,
        fill: Fill,
        spread_bps: u32,
        price_wad: u128,
        exact_in: bool,
        now: i64,
    ) -> Result<()> {
        let a = self;
        let p = &mut a.pool;
        require!(
            fill.quote_amount >= p.params.min_trade,
            TradingError::TradeTooSmall
        );
        require!(
            fill.quote_amount <= p.params.max_trade,
            TradingError::TradeTooLarge
        );
        let spread_quote = fill.quote_amount.abs_diff(fill.mid_quote);
        let asset_mint = MintRef {
            info: &a.asset_mint,
            decimals: p.asset_decimals,
        };
        let quote_mint = MintRef {
            info: &a.quote_mint,
            decimals: p.quote_decimals,
        };
        match side {
            Side::SellAsset => {
                let inv = p
                    .inventory
                    .checked_add(fill.asset_amount)
                    .ok_or(TradingError::MathOverflow)?;
                // the exposure the limit bounds: inventory and what is out for redemption
                let exposure = inv
                    .checked_add(p.pending_asset)
                    .ok_or(TradingError::MathOverflow)?;
                require!(
                    exposure <= p.params.position_limit,
                    TradingError::PositionLimitExceeded
                );
                require!(
                    fill.quote_amount <= p.quote_liquidity,
                    TradingError::InsufficientLiquidity
                );
                p.bid_limit
                    .consume(now, fill.quote_amount, TradingError::SwapRateLimitExceeded)?;
                pull_into_vault(
                    &a.asset_token_program,
                    &a.user_asset.to_account_info(),
                    asset_mint,
                    &a.asset_vault,
                    &a.user,
                    fill.asset_amount,
                )?;
                pay_from_vault(
                    &a.quote_token_program,
                    &a.quote_vault,
                    quote_mint,
                    &a.user_quote.to_account_info(),
                    p,
                    fill.quote_amount,
                )?;
                p.inventory = inv;
                p.inventory_cost = p
                    .inventory_cost
                    .checked_add(fill.quote_amount)
                    .ok_or(TradingError::MathOverflow)?;
                p.quote_liquidity = p.quote_liquidity.saturating_sub(fill.quote_amount);
                p.bought_asset = p.bought_asset.saturating_add(u128::from(fill.asset_amount));
                p.bought_quote = p.bought_quote.saturating_add(u128::from(fill.quote_amount));
            }
            Side::BuyAsset => {
                require!(
                    fill.asset_amount <= p.inventory,
                    TradingError::InsufficientInventory
                );
                p.ask_limit
                    .consume(now, fill.quote_amount, TradingError::SwapRateLimitExceeded)?;
                pull_into_vault(
                    &a.quote_token_program,
                    &a.user_quote.to_account_info(),
                    quote_mint,
                    &a.quote_vault,
                    &a.user,
                    fill.quote_amount,
                )?;
                pay_from_vault(
                    &a.asset_token_program,
                    &a.asset_vault,
                    asset_mint,
                    &a.user_asset.to_account_info(),
                    p,
                    fill.asset_amount,
                )?;
                let cost = p.remove_inventory(fill.asset_amount)?;
                let pnl = i128::from(fill.quote_amount)
                    .checked_sub(i128::from(cost))
                    .ok_or(TradingError::MathOverflow)?;
                p.realised_pnl = p
                    .realised_pnl
                    .checked_add(pnl)
                    .ok_or(TradingError::MathOverflow)?;
                p.quote_liquidity = p
                    .quote_liquidity
                    .checked_add(fill.quote_amount)
                    .ok_or(TradingError::MathOverflow)?;
                p.sold_asset = p.sold_asset.saturating_add(u128::from(fill.asset_amount));
                p.sold_quote = p.sold_quote.saturating_add(u128::from(fill.quote_amount));
            }
        }
        p.spread_earned = p.spread_earned.saturating_add(u128::from(spread_quote));
        p.swaps = p.swaps.saturating_add(1);
        emit!(SwapExecuted {
            pool: p.key(),
            user: a.user.key(),
            user_sold: side == Side::SellAsset,
            exact_in,
            asset_amount: fill.asset_amount,
            quote_amount: fill.quote_amount,
            price_used_wad: price_wad,
            spread_bps,
            spread_quote,
            inventory_after: p.inventory,
            quote_liquidity_after: p.quote_liquidity,
        });
        Ok(())
    }
}
