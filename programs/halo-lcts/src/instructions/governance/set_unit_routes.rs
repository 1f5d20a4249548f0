use anchor_lang::prelude::*;
use halo_pau::state::RateLimit;

use crate::{constants::*, errors::LctsError, events::UnitRoutesSet, state::*};

/// Sets the unit's two PAU routes (or rewires them): `deploy_rate_limit` (tag
/// `lcts_deploy`: custody → the strategy) and `return_rate_limit` (tag `lcts_return`:
/// custody → the redeem queue's USDS vault, owned by the unit), both on the unit's
/// controller and for its underlying mint. The routes themselves, and the unit PDA as
/// their integration, go through the PAU's timelock. Signed by governance.
///
/// Refused: not governance, the redeem queue not created yet, a route of another PAU or
/// mint, with the wrong tag, or a return route not paying the redeem queue's vault.
#[derive(Accounts)]
pub struct SetUnitRoutes<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ LctsError::NotGovernance)]
    pub class: Box<Account<'info, LctsClass>>,
    #[account(mut, has_one = class @ LctsError::UnitOfAnotherClass, has_one = redeem_queue @ LctsError::QueueOfAnotherUnit)]
    pub unit: Box<Account<'info, LctsUnit>>,
    pub redeem_queue: Box<Account<'info, Queue>>,
    #[account(
        constraint = deploy_rate_limit.controller == unit.pau_controller @ LctsError::WrongRateLimit,
        constraint = deploy_rate_limit.mint == unit.underlying_mint @ LctsError::WrongRateLimit,
        constraint = deploy_rate_limit.tag() == TAG_LCTS_DEPLOY @ LctsError::WrongRateLimit,
    )]
    pub deploy_rate_limit: Box<Account<'info, RateLimit>>,
    #[account(
        constraint = return_rate_limit.controller == unit.pau_controller @ LctsError::WrongRateLimit,
        constraint = return_rate_limit.mint == unit.underlying_mint @ LctsError::WrongRateLimit,
        constraint = return_rate_limit.tag() == TAG_LCTS_RETURN @ LctsError::WrongRateLimit,
        constraint = return_rate_limit.counterparty == redeem_queue.reward_vault @ LctsError::WrongRateLimit,
        constraint = return_rate_limit.counterparty_owner == unit.key() @ LctsError::WrongRateLimit,
    )]
    pub return_rate_limit: Box<Account<'info, RateLimit>>,
}

pub fn handler(ctx: Context<SetUnitRoutes>) -> Result<()> {
    let SetUnitRoutes {
        governance,
        unit,
        deploy_rate_limit,
        return_rate_limit,
        ..
    } = ctx.accounts;
    let old = (unit.deploy_rate_limit, unit.return_rate_limit);
    unit.deploy_rate_limit = deploy_rate_limit.key();
    unit.return_rate_limit = return_rate_limit.key();
    unit.invariant()?;
    halo_math::emit_event!(UnitRoutesSet {
        unit: unit.key(),
        by: governance.key(),
        old_deploy_rate_limit: old.0,
        new_deploy_rate_limit: unit.deploy_rate_limit,
        old_return_rate_limit: old.1,
        new_return_rate_limit: unit.return_rate_limit,
    });
    Ok(())
}
