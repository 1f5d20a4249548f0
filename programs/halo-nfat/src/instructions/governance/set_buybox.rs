use anchor_lang::prelude::*;

use crate::{events::BuyboxSet, instructions::governance::Governed, state::Buybox};

/// Replaces the buybox (deals already struck keep their terms). Signed by governance.
pub fn handler(ctx: Context<Governed>, buybox: Buybox) -> Result<()> {
    let f = &mut ctx.accounts.facility;
    let old = f.buybox;
    f.buybox = buybox;
    f.invariant(None, None)?;
    halo_math::emit_event!(BuyboxSet {
        facility: f.key(),
        by: ctx.accounts.governance.key(),
        old,
        new: buybox,
    });
    Ok(())
}
