use anchor_lang::prelude::*;

use crate::{events::AllowListSet, instructions::governance::Governed};

/// Turns the NFT transfer allow-list on or off (the hook reads the flag on every
/// transfer, so it applies to every NFT of the facility at once). Signed by governance.
pub fn handler(ctx: Context<Governed>, on: bool) -> Result<()> {
    let f = &mut ctx.accounts.facility;
    let old = f.allow_list;
    f.allow_list = on;
    f.invariant(None, None)?;
    halo_math::emit_event!(AllowListSet {
        facility: f.key(),
        by: ctx.accounts.governance.key(),
        old,
        new: on,
    });
    Ok(())
}
