use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::{
    constants::*, errors::TradingError, events::PoolCreated, oracle, state::*, token::check_mint,
};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct CreatePoolArgs {
    pub unit_id: u64,
    pub book_id: u64,
    pub price_source: PriceSource,
    pub params: PoolParams,
}

/// Adds a trading pool (Unit) with its book (sleeve), both vaults and the first withdrawal
/// generation. The price account is read once so the pool starts with a checked
/// reference price. Signed by governance (the beacon cannot add pairs). Both sides start
/// enabled.
#[derive(Accounts)]
#[instruction(args: CreatePoolArgs)]
pub struct CreatePool<'info> {
    #[account(mut)]
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ TradingError::NotGovernance, has_one = quote_mint @ TradingError::WrongQuoteMint)]
    pub class: Box<Account<'info, TradingClass>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_UNIT, class.key().as_ref(), &args.unit_id.to_le_bytes()], bump)]
    pub pool: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_BOOK, class.key().as_ref(), &args.book_id.to_le_bytes()], bump)]
    pub book: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_WITHDRAW_GEN, pool.key().as_ref(), &0u64.to_le_bytes()], bump)]
    pub generation: UncheckedAccount<'info>,
    #[account(mint::token_program = asset_token_program)]
    pub asset_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mint::token_program = quote_token_program)]
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: the book's asset vault, a token account created by the handler at this PDA
    /// (seeds checked) with `halo_accounts`, owned by the pool PDA.
    #[account(
        mut,
        seeds = [SEED_BOOK_VAULT, book.key().as_ref(), asset_mint.key().as_ref()],
        bump,
    )]
    pub asset_vault: UncheckedAccount<'info>,
    /// CHECK: the book's quote vault, as above.
    #[account(
        mut,
        seeds = [SEED_BOOK_VAULT, book.key().as_ref(), quote_mint.key().as_ref()],
        bump,
    )]
    pub quote_vault: UncheckedAccount<'info>,
    /// CHECK: validated by `oracle::read` against the pool's price source (pinned address
    /// and owner for a halo feed; owner, layout, feed id and verification for Pyth).
    pub price_account: UncheckedAccount<'info>,
    pub asset_token_program: Interface<'info, TokenInterface>,
    pub quote_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<CreatePool>, args: CreatePoolArgs) -> Result<()> {
    args.params.validate()?;
    let a = ctx.accounts;
    require_keys_neq!(
        a.asset_mint.key(),
        a.quote_mint.key(),
        TradingError::SameMint
    );
    check_mint(&a.asset_mint)?;
    let now = Clock::get()?.unix_timestamp;
    let (class, pool_key, book_key) = (a.class.key(), a.pool.key(), a.book.key());

    let unit_id = args.unit_id.to_le_bytes();
    let mut p: Pool = halo_accounts::create_zeroed_account(
        &a.governance,
        &a.pool,
        &a.system_program,
        &[SEED_UNIT, class.as_ref(), &unit_id, &[ctx.bumps.pool]],
        &crate::ID,
    )?;
    p.version = ACCOUNT_VERSION;
    p.bump = ctx.bumps.pool;
    p.class = class;
    p.unit_id = args.unit_id;
    p.book = book_key;
    p.asset_mint = a.asset_mint.key();
    p.asset_decimals = a.asset_mint.decimals;
    p.quote_decimals = a.quote_mint.decimals;
    p.asset_vault = a.asset_vault.key();
    p.quote_vault = a.quote_vault.key();
    p.price_source = args.price_source;
    p.params = args.params;
    p.buy_enabled = true;
    p.sell_enabled = true;
    p.pause_reason = PauseReason::None;
    p.bid_limit = args.params.bid_limit.full_at(now);
    p.ask_limit = args.params.ask_limit.full_at(now);
    p.redeem_limit = args.params.redeem_limit.full_at(now);
    p.oldest_pending_due = i64::MAX;
    require!(
        !matches!(args.price_source, PriceSource::Fixed { .. }),
        TradingError::WindDownPrice
    );
    let r = oracle::read(&p, &a.price_account, now, oracle::Use::Lp)?;
    // the first price is the reference of the first deviation window
    oracle::anchor_on(&mut p, &r, now);
    halo_accounts::persist(&a.pool, &p)?;

    let book_id = args.book_id.to_le_bytes();
    let mut b: Book = halo_accounts::create_zeroed_account(
        &a.governance,
        &a.book,
        &a.system_program,
        &[SEED_BOOK, class.as_ref(), &book_id, &[ctx.bumps.book]],
        &crate::ID,
    )?;
    b.version = ACCOUNT_VERSION;
    b.bump = ctx.bumps.book;
    b.class = class;
    b.pool = pool_key;
    b.book_id = args.book_id;
    b.asset_vault = a.asset_vault.key();
    b.quote_vault = a.quote_vault.key();
    halo_accounts::persist(&a.book, &b)?;

    let gen0 = 0u64.to_le_bytes();
    let mut g: WithdrawGeneration = halo_accounts::create_zeroed_account(
        &a.governance,
        &a.generation,
        &a.system_program,
        &[
            SEED_WITHDRAW_GEN,
            pool_key.as_ref(),
            &gen0,
            &[ctx.bumps.generation],
        ],
        &crate::ID,
    )?;
    g.version = ACCOUNT_VERSION;
    g.bump = ctx.bumps.generation;
    g.pool = pool_key;
    g.opened_at = now;
    halo_accounts::persist(&a.generation, &g)?;

    // the book's vaults, owned by the pool PDA
    for (vault, mint, program, bump) in [
        (
            &a.asset_vault,
            &a.asset_mint,
            &a.asset_token_program,
            ctx.bumps.asset_vault,
        ),
        (
            &a.quote_vault,
            &a.quote_mint,
            &a.quote_token_program,
            ctx.bumps.quote_vault,
        ),
    ] {
        let mint_key = mint.key();
        halo_accounts::create_token_account(
            &a.governance,
            vault,
            &a.system_program,
            program,
            &mint.to_account_info(),
            &pool_key,
            &[
                SEED_BOOK_VAULT,
                book_key.as_ref(),
                mint_key.as_ref(),
                &[bump],
            ],
        )?;
    }

    a.class.pool_count = a.class.pool_count.saturating_add(1);
    emit!(PoolCreated {
        class,
        pool: pool_key,
        book: book_key,
        asset_mint: a.asset_mint.key(),
        price_source: args.price_source,
        params: args.params,
    });
    Ok(())
}
