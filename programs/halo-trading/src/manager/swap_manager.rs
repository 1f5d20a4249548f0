//! Pricing a swap and computing what it changes on the pool (`PostSwapUpdate`), before
//! any token moves. `swap` and `swap_with_quote` share all of it.
use anchor_lang::prelude::*;
use halo_math::pricing::{Fill, Mode, Side, Skew, MAX_SPREAD_BPS};
use halo_math::{RateLimitState, Rounding};

use crate::{
    errors::TradingError,
    math::{OrOverflow, SafeMath},
    oracle::Reading,
    rfq::RfqQuote,
    state::Pool,
};

/// What a swap changes on the pool, checked against every bound of the pool (trade size,
/// position limit, liquidity or inventory, the side's rate limit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PostSwapUpdate {
    pub side: Side,
    pub fill: Fill,
    /// precision: quote base units; |quote − mid| of this fill (the spread earned).
    pub spread_quote: u64,
    /// precision: asset base units.
    pub inventory: u64,
    /// precision: quote base units; cost basis of `inventory`.
    pub inventory_cost: u64,
    /// precision: quote base units.
    pub quote_liquidity: u64,
    /// precision: quote base units.
    pub realised_pnl: i128,
    /// The traded side's rate limit after this fill.
    pub limit: RateLimitState,
}

/// Prices an AMM swap at the reading: the bid widened by the exact average inventory skew
/// over the trade (`Market::quote_sale`), the ask as set; both widened by the price's
/// confidence interval (Pyth). Returns the fill and its effective spread in bps.
pub fn price_fill(
    pool: &Pool,
    side: Side,
    mode: Mode,
    amount: u64,
    reading: &Reading,
) -> Result<(Fill, u32)> {
    let market = pool.market(reading.price_wad);
    let params = &pool.params;
    match side {
        Side::SellAsset => {
            let bid = u32::from(params.bid_spread_bps).safe_add(reading.conf_bps)?;
            let skew = Skew {
                start_bps: u32::from(params.skew_start_bps),
                max_bps: u32::from(params.skew_max_bps),
                position_limit: params.position_limit,
            };
            require!(
                bid.saturating_add(skew.max_bps) <= MAX_SPREAD_BPS,
                TradingError::ConfidenceTooWide
            );
            market
                .quote_sale(mode, amount, bid, &skew, pool.inventory)
                .or_overflow()
        }
        Side::BuyAsset => {
            let ask = u32::from(params.ask_spread_bps).safe_add(reading.conf_bps)?;
            require!(ask <= MAX_SPREAD_BPS, TradingError::ConfidenceTooWide);
            let fill = market.quote(side, mode, amount, ask).or_overflow()?;
            Ok((fill, ask))
        }
    }
}

/// Prices a beacon-signed RFQ quote: refused when it gives the user more than the AMM
/// would at `rfq_min_spread_bps` (widened by the confidence interval like the AMM's).
/// Returns the fill and its effective spread in bps of mid (rounded down).
pub fn rfq_fill(pool: &Pool, quote: &RfqQuote, reading: &Reading) -> Result<(Fill, u32)> {
    let market = pool.market(reading.price_wad);
    let side = quote.side;
    let min_spread = u32::from(pool.params.rfq_min_spread_bps).safe_add(reading.conf_bps)?;
    // the governance bound: what the AMM would do at the minimum spread
    let mode = match side {
        Side::SellAsset => Mode::ExactIn,
        Side::BuyAsset => Mode::ExactOut,
    };
    let bound = market
        .quote(side, mode, quote.asset_amount, min_spread)
        .or_overflow()?;
    let inside = match side {
        Side::SellAsset => quote.quote_amount <= bound.quote_amount,
        Side::BuyAsset => quote.quote_amount >= bound.quote_amount,
    };
    require!(inside, TradingError::QuoteOutsideBounds);
    let rounding = match side {
        Side::SellAsset => Rounding::Down,
        Side::BuyAsset => Rounding::Up,
    };
    let mid_quote = market.value(quote.asset_amount, rounding).or_overflow()?;
    let spread_bps = halo_math::mul_div_u64(
        quote.quote_amount.abs_diff(mid_quote),
        10_000,
        mid_quote.max(1),
        Rounding::Down,
    )
    .or_overflow()?;
    let fill = Fill {
        asset_amount: quote.asset_amount,
        quote_amount: quote.quote_amount,
        mid_quote,
    };
    Ok((fill, u32::try_from(spread_bps).or_overflow()?))
}

/// Checks a priced fill against the pool's bounds and returns what it changes. Refused:
/// trade size, position limit (inventory + what is out for redemption), not enough USDS
/// (user sells) or inventory (user buys), the side's rate limit. Changes nothing.
#[inline(always)]
pub fn post_swap_update(pool: &Pool, side: Side, fill: &Fill, now: i64) -> Result<PostSwapUpdate> {
    let params = &pool.params;
    require!(
        fill.quote_amount >= params.min_trade,
        TradingError::TradeTooSmall
    );
    require!(
        fill.quote_amount <= params.max_trade,
        TradingError::TradeTooLarge
    );
    let spread_quote = fill.quote_amount.abs_diff(fill.mid_quote);
    match side {
        Side::SellAsset => {
            let inventory = pool.inventory.safe_add(fill.asset_amount)?;
            let exposure = inventory.safe_add(pool.pending_asset)?;
            require!(
                exposure <= params.position_limit,
                TradingError::PositionLimitExceeded
            );
            require!(
                fill.quote_amount <= pool.quote_liquidity,
                TradingError::InsufficientLiquidity
            );
            let mut limit = pool.bid_limit;
            limit
                .consume(now, fill.quote_amount)
                .map_err(|_| TradingError::SwapRateLimitExceeded)?;
            Ok(PostSwapUpdate {
                side,
                fill: *fill,
                spread_quote,
                inventory,
                inventory_cost: pool.inventory_cost.safe_add(fill.quote_amount)?,
                quote_liquidity: pool.quote_liquidity.saturating_sub(fill.quote_amount),
                realised_pnl: pool.realised_pnl,
                limit,
            })
        }
        Side::BuyAsset => {
            require!(
                fill.asset_amount <= pool.inventory,
                TradingError::InsufficientInventory
            );
            let mut limit = pool.ask_limit;
            limit
                .consume(now, fill.quote_amount)
                .map_err(|_| TradingError::SwapRateLimitExceeded)?;
            let cost = pool.inventory_cost_of(fill.asset_amount)?;
            let pnl = i128::from(fill.quote_amount).safe_sub(i128::from(cost))?;
            Ok(PostSwapUpdate {
                side,
                fill: *fill,
                spread_quote,
                inventory: pool.inventory.saturating_sub(fill.asset_amount),
                inventory_cost: pool.inventory_cost.saturating_sub(cost),
                quote_liquidity: pool.quote_liquidity.safe_add(fill.quote_amount)?,
                realised_pnl: pool.realised_pnl.safe_add(pnl)?,
                limit,
            })
        }
    }
}
