use anchor_lang::prelude::*;

use crate::{constants::*, errors::NfatError, events::PrimeRevoked, state::*};

/// Revokes a Prime: closes its approval (rent to governance). Its queued capital stays
/// withdrawable; no new deposit or deal. Signed by governance.
#[derive(Accounts)]
pub struct RevokePrime<'info> {
    #[account(mut)]
    pub governance: Signer<'info>,
    #[account(has_one = governance @ NfatError::NotGovernance)]
    pub facility: Box<Account<'info, Facility>>,
    #[account(
        mut,
        close = governance,
        seeds = [SEED_PRIME, facility.key().as_ref(), approved_prime.prime.as_ref()],
        bump = approved_prime.bump,
    )]
    pub approved_prime: Box<Account<'info, ApprovedPrime>>,
}

pub fn handler(ctx: Context<RevokePrime>) -> Result<()> {
    halo_math::emit_event!(PrimeRevoked {
        facility: ctx.accounts.facility.key(),
        by: ctx.accounts.governance.key(),
        prime: ctx.accounts.approved_prime.prime,
    });
    Ok(())
}
