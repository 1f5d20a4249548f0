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

impl<'info> CreatePool<'info> {
    pub fn validate(&self, args: &CreatePoolArgs) -> Result<()> {
        args.params.validate()?;
        require_keys_neq!(
            self.asset_mint.key(),
            self.quote_mint.key(),
            TradingError::SameMint
        );
        check_mint(&self.asset_mint)?;
        require!(
            !matches!(args.price_source, PriceSource::Fixed { .. }),
            TradingError::WindDownPrice
        );
        Ok(())
    }

    /// The pool account: parameters, full rate limits, and the first price read and
    /// anchored (the reference of the first deviation window).
    fn create_pool_account(&self, args: &CreatePoolArgs, bump: u8, now: i64) -> Result<()> {
        let class = self.class.key();
        let unit_id = args.unit_id.to_le_bytes();
        let bump_seed = [bump];
        let mut pool: Pool = halo_accounts::create_zeroed_account(
            &self.governance,
            &self.pool,
            &self.system_program,
            &Pool::signer_seeds(&class, &unit_id, &bump_seed),
            &crate::ID,
        )?;
        pool.bump = bump;
        pool.class = class;
        pool.unit_id = args.unit_id;
        pool.book = self.book.key();
        pool.asset_mint = self.asset_mint.key();
        pool.asset_decimals = self.asset_mint.decimals;
        pool.quote_decimals = self.quote_mint.decimals;
        pool.asset_vault = self.asset_vault.key();
        pool.quote_vault = self.quote_vault.key();
        pool.open(args.price_source, args.params, now);
        let reading = oracle::read(&pool, &self.price_account, now, oracle::Use::Lp)?;
        oracle::anchor_on(&mut pool, &reading, now);
        pool.invariant()?;
        halo_accounts::persist(&self.pool, &pool)
    }

    /// The book (sleeve) recording the pool and its vaults.
    fn create_book(&self, book_id: u64, bump: u8) -> Result<()> {
        let class = self.class.key();
        let book_id_le = book_id.to_le_bytes();
        let bump_seed = [bump];
        let book = Book {
            version: ACCOUNT_VERSION,
            bump,
            class,
            pool: self.pool.key(),
            book_id,
            asset_vault: self.asset_vault.key(),
            quote_vault: self.quote_vault.key(),
            reserved: [0; 32],
        };
        halo_accounts::create_program_account(
            &self.governance,
            &self.book,
            &self.system_program,
            &Book::signer_seeds(&class, &book_id_le, &bump_seed),
            &crate::ID,
            &book,
        )
    }

    /// The book's two vaults, token accounts owned by the pool PDA.
    fn create_vaults(&self, asset_bump: u8, quote_bump: u8) -> Result<()> {
        let (pool, book) = (self.pool.key(), self.book.key());
        for (vault, mint, program, bump) in [
            (
                &self.asset_vault,
                &self.asset_mint,
                &self.asset_token_program,
                asset_bump,
            ),
            (
                &self.quote_vault,
                &self.quote_mint,
                &self.quote_token_program,
                quote_bump,
            ),
        ] {
            let mint_key = mint.key();
            let bump_seed = [bump];
            halo_accounts::create_token_account(
                &self.governance,
                vault,
                &self.system_program,
                program,
                &mint.to_account_info(),
                &pool,
                &Book::vault_signer_seeds(&book, &mint_key, &bump_seed),
            )?;
        }
        Ok(())
    }
}

pub fn handler(ctx: Context<CreatePool>, args: CreatePoolArgs) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let bumps = ctx.bumps;
    let accounts = ctx.accounts;
    accounts.create_pool_account(&args, bumps.pool, now)?;
    accounts.create_book(args.book_id, bumps.book)?;
    WithdrawGeneration::create(
        &accounts.governance,
        &accounts.generation,
        &accounts.system_program,
        accounts.pool.key(),
        0,
        bumps.generation,
        now,
    )?;
    accounts.create_vaults(bumps.asset_vault, bumps.quote_vault)?;
    accounts.class.pool_count = accounts.class.pool_count.saturating_add(1);
    halo_math::emit_event!(PoolCreated {
        class: accounts.class.key(),
        pool: accounts.pool.key(),
        book: accounts.book.key(),
        asset_mint: accounts.asset_mint.key(),
        price_source: args.price_source,
        params: args.params,
    });
    Ok(())
}
