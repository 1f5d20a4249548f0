use anchor_lang::prelude::*;
use halo_pau::state::RateLimit;

use crate::{constants::*, errors::NfatError, events::RoutesSet, state::Facility};

/// Sets the facility's two PAU routes: `deploy_rate_limit` (tag `nfat_deploy`: custody →
/// the RWA endpoint) and `return_rate_limit` (tag `nfat_return`: custody → the facility's
/// redeem vault), both on the facility's controller and for its deposit mint. The routes,
/// and the facility PDA as their integration, go through the PAU's timelock. Signed by
/// governance. Refused: not governance, a route of another PAU or mint, with the wrong
/// tag, or a return route not paying the redeem vault.
#[derive(Accounts)]
pub struct SetRoutes<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ NfatError::NotGovernance)]
    pub facility: Box<Account<'info, Facility>>,
    #[account(
        constraint = deploy_rate_limit.controller == facility.pau_controller @ NfatError::WrongRateLimit,
        constraint = deploy_rate_limit.mint == facility.deposit_mint @ NfatError::WrongRateLimit,
        constraint = deploy_rate_limit.tag() == TAG_NFAT_DEPLOY @ NfatError::WrongRateLimit,
    )]
    pub deploy_rate_limit: Box<Account<'info, RateLimit>>,
    #[account(
        constraint = return_rate_limit.controller == facility.pau_controller @ NfatError::WrongRateLimit,
        constraint = return_rate_limit.mint == facility.deposit_mint @ NfatError::WrongRateLimit,
        constraint = return_rate_limit.tag() == TAG_NFAT_RETURN @ NfatError::WrongRateLimit,
        constraint = return_rate_limit.counterparty == facility.redeem_vault @ NfatError::WrongRateLimit,
        constraint = return_rate_limit.counterparty_owner == facility.key() @ NfatError::WrongRateLimit,
    )]
    pub return_rate_limit: Box<Account<'info, RateLimit>>,
}

pub fn handler(ctx: Context<SetRoutes>) -> Result<()> {
    let a = ctx.accounts;
    let f = &mut a.facility;
    let old = (f.deploy_rate_limit, f.return_rate_limit);
    f.deploy_rate_limit = a.deploy_rate_limit.key();
    f.return_rate_limit = a.return_rate_limit.key();
    f.invariant(None, None)?;
    halo_math::emit_event!(RoutesSet {
        facility: f.key(),
        by: a.governance.key(),
        old_deploy_rate_limit: old.0,
        new_deploy_rate_limit: f.deploy_rate_limit,
        old_return_rate_limit: old.1,
        new_return_rate_limit: f.return_rate_limit,
    });
    Ok(())
}
