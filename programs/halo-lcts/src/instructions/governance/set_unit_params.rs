use anchor_lang::prelude::*;

use crate::{events::UnitParamsSet, state::UnitParams};

use super::GovernedUnit;

/// Replaces the unit's parameters (rate bounds and epoch, lock window, lock bound, dust,
/// minimum entry). Signed by governance. Refused: not governance, out-of-bounds values.
/// A new epoch applies to the rate's staleness from now on.
pub fn handler(ctx: Context<GovernedUnit>, params: UnitParams) -> Result<()> {
    let GovernedUnit {
        governance, unit, ..
    } = ctx.accounts;
    let old = unit.params;
    unit.params = params;
    unit.invariant()?;
    halo_math::emit_event!(UnitParamsSet {
        unit: unit.key(),
        by: governance.key(),
        old,
        new: params,
    });
    Ok(())
}
