use anchor_lang::prelude::*;
use halo_math::pricing::{Mode, Side};

// the composite `Swap` needs its generated client modules and bumps in scope
use super::swap::{__client_accounts_swap, __cpi_client_accounts_swap, Swap, SwapBumps};
use crate::{
    constants::*,
    errors::TradingError,
    events::QuoteFilled,
    manager::swap_manager,
    oracle::{self, Use},
    rfq::{require_signed, RfqQuote},
    state::*,
};

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

impl<'info> SwapWithQuote<'info> {
    /// The fill's refusals before any price is read, called first by the handler with its
    /// one clock read (as `Swap::validate`).
    pub fn validate(&self, quote: &RfqQuote, now: i64) -> Result<()> {
        require!(now <= quote.expiry, TradingError::Expired);
        require!(
            quote.asset_amount > 0 && quote.quote_amount > 0,
            TradingError::ZeroAmount
        );
        let swap = &self.swap;
        require!(swap.pool.params.rfq_enabled, TradingError::RfqDisabled);
        require_keys_eq!(
            quote.pool,
            swap.pool.key(),
            TradingError::QuoteForAnotherPool
        );
        require_keys_eq!(
            quote.user,
            swap.user.key(),
            TradingError::QuoteForAnotherUser
        );
        let cluster = swap.class.rfq_domain;
        require!(cluster != [0u8; 32], TradingError::RfqDomainNotSet);
        require_signed(
            &self.instructions,
            &swap.class.beacon,
            &quote.message(&cluster),
        )?;
        require!(
            self.quote_receipt.owner != &crate::ID,
            TradingError::QuoteAlreadyUsed
        );
        swap.pool.check_swap_open(swap.class.paused, quote.side)
    }
}

pub fn handler(ctx: Context<SwapWithQuote>, quote: RfqQuote) -> Result<()> {
    let clock = Clock::get()?;
    let now = clock.unix_timestamp;
    let accounts = ctx.accounts;
    accounts.validate(&quote, now)?;
    let swap = &mut accounts.swap;
    let reading = oracle::accept_at(
        &mut swap.pool,
        &swap.price_account,
        now,
        clock.slot,
        Use::Swap,
    )?;
    let (fill, spread_bps) = swap_manager::rfq_fill(&swap.pool, &quote, &reading)?;
    swap.execute(
        quote.side,
        fill,
        spread_bps,
        reading.price_wad,
        Mode::ExactIn,
        now,
    )?;
    create_receipt(accounts, ctx.bumps.quote_receipt, &quote, now)?;
    halo_math::emit_event!(QuoteFilled {
        pool: quote.pool,
        user: quote.user,
        nonce: quote.nonce,
        user_sold: quote.side == Side::SellAsset,
        asset_amount: quote.asset_amount,
        quote_amount: quote.quote_amount,
        nav_wad: reading.price_wad,
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
        &QuoteReceipt::signer_seeds(&pool, &nonce, &[bump]),
        &crate::ID,
        &receipt,
    )
}
