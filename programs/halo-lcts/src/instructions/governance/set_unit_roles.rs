use anchor_lang::prelude::*;

use crate::events::UnitRolesSet;

use super::GovernedUnit;

/// Replaces the unit's beacon and freezer. Signed by governance. Refused: not governance,
/// a default key.
pub fn handler(ctx: Context<GovernedUnit>, beacon: Pubkey, freezer: Pubkey) -> Result<()> {
    let GovernedUnit {
        governance, unit, ..
    } = ctx.accounts;
    let (old_beacon, old_freezer) = (unit.beacon, unit.freezer);
    unit.beacon = beacon;
    unit.freezer = freezer;
    halo_math::emit_event!(UnitRolesSet {
        unit: unit.key(),
        by: governance.key(),
        old_beacon,
        new_beacon: beacon,
        old_freezer,
        new_freezer: freezer,
    });
    Ok(())
}
