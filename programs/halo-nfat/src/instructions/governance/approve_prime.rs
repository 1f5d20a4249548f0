use anchor_lang::prelude::*;

use crate::{constants::*, errors::NfatError, events::PrimeApproved, state::*};

/// Approves `prime`: creates its `["prime", facility, prime]` entry. Signed by
/// governance. Refused: not governance, the default key, a Prime already approved.
#[derive(Accounts)]
pub struct ApprovePrime<'info> {
    #[account(mut)]
    pub governance: Signer<'info>,
    #[account(has_one = governance @ NfatError::NotGovernance)]
    pub facility: Box<Account<'info, Facility>>,
    /// CHECK: the Prime's wallet (any key but the default).
    pub prime: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked; refused if it exists).
    #[account(mut, seeds = [SEED_PRIME, facility.key().as_ref(), prime.key().as_ref()], bump)]
    pub approved_prime: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<ApprovePrime>) -> Result<()> {
    let bump = ctx.bumps.approved_prime;
    let a = ctx.accounts;
    require!(a.prime.key() != Pubkey::default(), NfatError::DefaultKey);
    require!(
        a.approved_prime.owner != &crate::ID,
        NfatError::PrimeAlreadyApproved
    );
    let (facility, prime) = (a.facility.key(), a.prime.key());
    let record = ApprovedPrime {
        version: ACCOUNT_VERSION,
        bump,
        facility,
        prime,
        approved_at: Clock::get()?.unix_timestamp,
        reserved: [0; 16],
    };
    halo_accounts::create_program_account(
        &a.governance.to_account_info(),
        &a.approved_prime,
        &a.system_program.to_account_info(),
        &[SEED_PRIME, facility.as_ref(), prime.as_ref(), &[bump]],
        &crate::ID,
        &record,
    )?;
    halo_math::emit_event!(PrimeApproved {
        facility,
        by: a.governance.key(),
        prime,
    });
    Ok(())
}
