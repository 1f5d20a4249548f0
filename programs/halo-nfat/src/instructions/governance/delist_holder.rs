use anchor_lang::prelude::*;

use crate::{constants::*, errors::NfatError, events::HolderDelisted, state::*};

/// Takes an owner off the allow-list (rent to governance). NFTs it already holds stay
/// its own and redeemable; it can no longer receive while the list is on. Signed by
/// governance.
#[derive(Accounts)]
pub struct DelistHolder<'info> {
    #[account(mut)]
    pub governance: Signer<'info>,
    #[account(has_one = governance @ NfatError::NotGovernance)]
    pub facility: Box<Account<'info, Facility>>,
    #[account(
        mut,
        close = governance,
        seeds = [SEED_HOLDER, facility.key().as_ref(), holder.owner.as_ref()],
        bump = holder.bump,
    )]
    pub holder: Box<Account<'info, HolderEntry>>,
}

pub fn handler(ctx: Context<DelistHolder>) -> Result<()> {
    halo_math::emit_event!(HolderDelisted {
        facility: ctx.accounts.facility.key(),
        by: ctx.accounts.governance.key(),
        owner: ctx.accounts.holder.owner,
    });
    Ok(())
}
