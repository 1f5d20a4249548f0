//! Accounts several instructions share (as Squads' `program_config.rs`: one struct,
//! several handlers, each with its own `validate_*`). A struct used as the instruction's
//! own `Accounts` keeps its flat account list (and costs nothing: an embedded composite
//! would add Anchor's duplicate-mutable-account HashSet, ~800 CU per instruction).
use anchor_lang::prelude::*;

use crate::{errors::TradingError, state::*};

/// A pool acted on by its class's governance: `governance` signs, `class` is governed by
/// it, `pool` belongs to the class. The accounts of `set_pool_params`, `set_sides`,
/// `clear_redemption_failure` and `propose_price_source`.
#[derive(Accounts)]
pub struct GovernedPool<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ TradingError::NotGovernance)]
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
}
