use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};
use halo_pau::program::HaloPau;

use crate::{constants::*, errors::TradingError, state::*};

/// The accounts of `fund_from_pau` and `return_to_pau`: the pool, the PAU's LP position
/// (owned by its ALM proxy), and the `halo_pau` accounts passed through to `draw` /
/// `repay`, which validate them (the pool PDA signs as the registered integration).
/// Signed by the beacon.
#[derive(Accounts)]
pub struct PauFunding<'info> {
    pub beacon: Signer<'info>,
    #[account(
        has_one = beacon @ TradingError::NotBeacon,
        has_one = pau_controller @ TradingError::WrongPauController,
        has_one = quote_mint @ TradingError::WrongQuoteMint,
    )]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(
        mut,
        has_one = class @ TradingError::PoolOfAnotherClass,
        has_one = quote_vault @ TradingError::WrongVault,
    )]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        mut,
        seeds = [SEED_LP, pool.key().as_ref(), pau_proxy.key().as_ref()],
        bump = pau_position.bump,
    )]
    pub pau_position: Box<Account<'info, LpPosition>>,
    /// CHECK: the PAU's Integration account for the pool PDA; validated by `halo_pau`.
    pub pau_integration: UncheckedAccount<'info>,
    /// CHECK: pinned to the class's controller by `has_one`; validated by `halo_pau`.
    pub pau_controller: UncheckedAccount<'info>,
    /// CHECK: the PAU's ALM proxy; its seeds are checked by `halo_pau`, which binds
    /// the `pau_position` seeds to the genuine proxy.
    pub pau_proxy: UncheckedAccount<'info>,
    /// CHECK: the PAU route's rate limit; validated and updated by `halo_pau`.
    #[account(mut)]
    pub pau_rate_limit: UncheckedAccount<'info>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: the PAU's custody; validated by `halo_pau`.
    #[account(mut)]
    pub pau_custody: UncheckedAccount<'info>,
    #[account(mut)]
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: validated by `oracle::accept` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub pau_program: Program<'info, HaloPau>,
}

impl<'info> PauFunding<'info> {
    /// `fund_from_pau`'s refusals before any price is read: zero, class paused, the pool
    /// closed to new money (wind-down price, overdue redemption).
    pub fn validate_fund(&self, amount: u64) -> Result<()> {
        require!(amount > 0, TradingError::ZeroAmount);
        let now = Clock::get()?.unix_timestamp;
        require!(!self.class.paused, TradingError::ClassPaused);
        self.pool.check_open_for_deposits(now)
    }

    /// `return_to_pau`'s refusals: zero, withdrawals waiting (LPs exit first), more than
    /// the free USDS, a failed redemption that may still recover, an overdue redemption.
    pub fn validate_return(&self, amount: u64) -> Result<()> {
        require!(amount > 0, TradingError::ZeroAmount);
        let now = Clock::get()?.unix_timestamp;
        let pool = &self.pool;
        require!(
            pool.queue_settling_gen == pool.queue_open_gen,
            TradingError::WithdrawalsWaiting
        );
        require!(
            amount <= pool.quote_liquidity,
            TradingError::InsufficientLiquidity
        );
        // the PAU may not exit at a value written down by a failure that may still recover
        require!(pool.failed_expected == 0, TradingError::RecoveryPending);
        require!(
            now <= pool.oldest_pending_due,
            TradingError::RedemptionOverdue
        );
        Ok(())
    }

    /// `halo_pau::draw`: `amount` from the PAU's custody into the quote vault, signed by
    /// the pool PDA (the registered integration). Returns what arrived.
    pub fn draw(&mut self, amount: u64) -> Result<u64> {
        let before = self.quote_vault.amount;
        let accounts = halo_pau::cpi::accounts::Draw {
            integration_signer: self.pool.to_account_info(),
            integration: self.pau_integration.to_account_info(),
            controller: self.pau_controller.to_account_info(),
            proxy: self.pau_proxy.to_account_info(),
            rate_limit: self.pau_rate_limit.to_account_info(),
            mint: self.quote_mint.to_account_info(),
            custody: self.pau_custody.to_account_info(),
            destination: self.quote_vault.to_account_info(),
            token_program: self.token_program.to_account_info(),
        };
        let program = self.pau_program.key();
        self.pool.with_signer(|signer| {
            halo_pau::cpi::draw(
                CpiContext::new_with_signer(program, accounts, signer),
                amount,
            )
        })?;
        self.quote_vault.reload()?;
        Ok(self.quote_vault.amount.saturating_sub(before))
    }

    /// `halo_pau::repay`: `amount` from the quote vault back to the PAU's custody, signed
    /// by the pool PDA.
    pub fn repay(&mut self, amount: u64) -> Result<()> {
        let accounts = halo_pau::cpi::accounts::Repay {
            integration_signer: self.pool.to_account_info(),
            integration: self.pau_integration.to_account_info(),
            controller: self.pau_controller.to_account_info(),
            proxy: self.pau_proxy.to_account_info(),
            rate_limit: self.pau_rate_limit.to_account_info(),
            mint: self.quote_mint.to_account_info(),
            source: self.quote_vault.to_account_info(),
            custody: self.pau_custody.to_account_info(),
            token_program: self.token_program.to_account_info(),
        };
        let program = self.pau_program.key();
        self.pool.with_signer(|signer| {
            halo_pau::cpi::repay(
                CpiContext::new_with_signer(program, accounts, signer),
                amount,
            )
        })
    }
}
