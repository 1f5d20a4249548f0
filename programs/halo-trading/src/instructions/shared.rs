//! Account groups several instructions share (as Squads' `program_config.rs`): one
//! struct, embedded as the first field, so the preamble and its constraints are written
//! once. Each keeps the flattened account order of the instructions that embed it.
use anchor_lang::prelude::*;

use crate::{errors::TradingError, state::*};

/// A pool acted on by its class's governance: `governance` signs, `class` is governed by
/// it, `pool` belongs to the class. Embedded by `set_pool_params`, `set_sides`,
/// `clear_redemption_failure`, `propose_price_source`, `apply_price_source` and
/// `write_off_redemption`.
#[derive(Accounts)]
pub struct GovernedPool<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
}

/// An LP position acted on by its owner: class → pool → position, each pinned to the one
/// before. Embedded by `deposit` and `claim_withdrawal` (which pin the quote mint and
/// vault against `class` and `pool`).
#[derive(Accounts)]
pub struct OwnedPosition<'info> {
    pub owner: Signer<'info>,
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        mut,
        has_one = pool @ TradingError::PositionOfAnotherPool,
        has_one = owner @ TradingError::NotPositionOwner,
    )]
    pub position: Box<Account<'info, LpPosition>>,
}
