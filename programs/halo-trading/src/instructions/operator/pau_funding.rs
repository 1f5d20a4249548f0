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
