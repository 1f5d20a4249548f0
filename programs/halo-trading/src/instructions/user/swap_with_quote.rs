use anchor_lang::prelude::*;
use halo_math::pricing::{Fill, Mode, Side};
use halo_math::Rounding;

use crate::{
    constants::*,
    errors::TradingError,
    events::QuoteFilled,
    price,
    rfq::{require_signed, RfqQuote},
    state::*,
};

#[allow(unused_imports)]
use super::swap::*;

/// Fills an RFQ quote the beacon signed off-chain: the transaction carries an Ed25519
/// verification of the beacon's signature over the quote right before this instruction.
/// The quoted price must keep at least `rfq_min_spread_bps` against the current NAV on the
/// pool's side (tighter than the AMM is allowed, never inside governance's bound); every
/// check of `swap` applies (pauses, sides, price validity, size, position limit,
/// liquidity, rate limits). The nonce is single-use: a receipt PDA is created.
#[derive(Accounts)]
#[instruction(quote: RfqQuote)]
pub struct SwapWithQuote<'info> {
    pub swap: Swap<'info>,
    /// Pays the receipt's rent (usually the user).
    #[account(mut)]
    pub payer: Signer<'info>,
    /// CHECK: the quote's receipt PDA (seeds checked); created here, refused if it exists.
    #[account(
        mut,
        seeds = [SEED_QUOTE, swap.pool.key().as_ref(), &quote.nonce.to_le_bytes()],
        bump,
    )]
    pub quote_receipt: UncheckedAccount<'info>,
    /// CHECK: the instructions sysvar (address checked).
    #[account(address = solana_instructions_sysvar::ID)]
    pub instructions: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<SwapWithQuote>, quote: RfqQuote) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    require!(now <= quote.expiry, TradingError::Expired);
    require!(
        quote.asset_amount > 0 && quote.quote_amount > 0,
        TradingError::ZeroAmount
    );
    let a = ctx.accounts;
    require!(a.swap.pool.params.rfq_enabled, TradingError::RfqDisabled);
    require_keys_eq!(
        quote.pool,
        a.swap.pool.key(),
        TradingError::QuoteForAnotherPool
    );
    require_keys_eq!(
        quote.user,
        a.swap.user.key(),
        TradingError::QuoteForAnotherUser
    );
    let cluster = a.swap.class.rfq_domain;
    require!(cluster != [0u8; 32], TradingError::RfqDomainNotSet);
    require_signed(
        &a.instructions,
        &a.swap.class.beacon,
        &quote.message(&cluster),
    )?;
    require!(
        a.quote_receipt.owner != &crate::ID,
        TradingError::QuoteAlreadyUsed
    );
    let side = a.swap.check_open(quote.side)?;
    let p = &mut a.swap.pool;
    let r = price::accept(p, &a.swap.price_account, now, price::Use::Swap)?;
    let market = p.market(r.price_wad);
    // the governance bound, widened by the price's confidence interval like the AMM's
    let min_spread = u32::from(p.params.rfq_min_spread_bps)
        .checked_add(r.conf_bps)
        .ok_or(TradingError::MathOverflow)?;
    // the governance bound: what the AMM would do at the minimum spread
    let bound = match side {
        Side::SellAsset => market.quote(side, Mode::ExactIn, quote.asset_amount, min_spread),
        Side::BuyAsset => market.quote(side, Mode::ExactOut, quote.asset_amount, min_spread),
    }
    .map_err(|_| TradingError::MathOverflow)?;
    let inside = match side {
        Side::SellAsset => quote.quote_amount <= bound.quote_amount,
        Side::BuyAsset => quote.quote_amount >= bound.quote_amount,
    };
    require!(inside, TradingError::QuoteOutsideBounds);
    let mid_quote = market
        .value(
            quote.asset_amount,
            match side {
                Side::SellAsset => Rounding::Down,
                Side::BuyAsset => Rounding::Up,
            },
        )
        .map_err(|_| TradingError::MathOverflow)?;
    let fill = Fill {
        asset_amount: quote.asset_amount,
        quote_amount: quote.quote_amount,
        mid_quote,
    };
    // effective spread in bps of mid, for the event (rounded down)
    let spread_bps = halo_math::mul_div_u64(
        quote.quote_amount.abs_diff(mid_quote),
        10_000,
        mid_quote.max(1),
        Rounding::Down,
    )
    .map_err(|_| TradingError::MathOverflow)?;
    let spread_bps = u32::try_from(spread_bps).map_err(|_| TradingError::MathOverflow)?;
    a.swap
        .execute(side, fill, spread_bps, r.price_wad, true, now)?;
    create_receipt(a, ctx.bumps.quote_receipt, &quote, now)?;
    emit!(QuoteFilled {
        pool: quote.pool,
        user: quote.user,
        nonce: quote.nonce,
        user_sold: side == Side::SellAsset,
        asset_amount: quote.asset_amount,
        quote_amount: quote.quote_amount,
        nav_wad: r.price_wad,
    });
    Ok(())
}

/// Creates the receipt PDA, also when someone pre-funded its address (allocate + assign
/// instead of `create_account`, so a lamport transfer cannot block a quote).
fn create_receipt(a: &SwapWithQuote, bump: u8, quote: &RfqQuote, now: i64) -> Result<()> {
    let pool = a.swap.pool.key();
    let nonce = quote.nonce.to_le_bytes();
    let receipt = QuoteReceipt {
        version: ACCOUNT_VERSION,
        bump,
        pool,
        user: quote.user,
        nonce: quote.nonce,
        filled_at: now,
        reserved: [0; 16],
    };
    halo_accounts::create_program_account(
        &a.payer,
        &a.quote_receipt,
        &a.system_program,
        &[SEED_QUOTE, pool.as_ref(), &nonce, &[bump]],
        &crate::ID,
        &receipt,
    )
}
