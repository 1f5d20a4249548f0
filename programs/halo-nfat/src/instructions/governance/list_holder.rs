use anchor_lang::prelude::*;

use crate::{constants::*, errors::NfatError, events::HolderListed, state::*};

/// Puts `owner` on the facility's allow-list (`["holder", facility, owner]`, read by the
/// transfer hook). Signed by governance. Refused: not governance, the default key, an
/// owner already listed.
#[derive(Accounts)]
pub struct ListHolder<'info> {
    #[account(mut)]
    pub governance: Signer<'info>,
    #[account(has_one = governance @ NfatError::NotGovernance)]
    pub facility: Box<Account<'info, Facility>>,
    /// CHECK: the wallet allowed to receive the facility's NFTs.
    pub owner: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked; refused if it exists).
    #[account(mut, seeds = [SEED_HOLDER, facility.key().as_ref(), owner.key().as_ref()], bump)]
    pub holder: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<ListHolder>) -> Result<()> {
    let bump = ctx.bumps.holder;
    let a = ctx.accounts;
    require!(a.owner.key() != Pubkey::default(), NfatError::DefaultKey);
    require!(a.holder.owner != &crate::ID, NfatError::HolderAlreadyListed);
    let (facility, owner) = (a.facility.key(), a.owner.key());
    let record = HolderEntry {
        version: ACCOUNT_VERSION,
        bump,
        facility,
        owner,
        added_at: Clock::get()?.unix_timestamp,
        reserved: [0; 16],
    };
    halo_accounts::create_program_account(
        &a.governance.to_account_info(),
        &a.holder,
        &a.system_program.to_account_info(),
        &[SEED_HOLDER, facility.as_ref(), owner.as_ref(), &[bump]],
        &crate::ID,
        &record,
    )?;
    halo_math::emit_event!(HolderListed {
        facility,
        by: a.governance.key(),
        owner,
    });
    Ok(())
}
