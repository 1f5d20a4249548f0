//! What several instructions share: one `Accounts` struct used by several handlers
//! (`GovOpsOnController`), and the checks of the `execute_*` family as a value over their
//! accounts (`ExecuteOp`). Neither is an embedded Anchor composite, which would add a
//! duplicate-mutable-account HashSet (~800 CU) to every instruction using it.
use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, state::*};

/// A GovOps member acting on one controller: the signer, its membership of that
/// controller, and the controller. The accounts of `set_relayer`, `set_freezer` and
/// `unfreeze` (one struct, several handlers, as Squads' `program_config.rs`).
#[derive(Accounts)]
pub struct GovOpsOnController<'info> {
    pub member: Signer<'info>,
    #[account(
        has_one = member @ PauError::NotGovOpsMember,
        has_one = controller @ PauError::NotGovOpsOfThisPau,
    )]
    pub membership: Box<Account<'info, GovOpsMembership>>,
    #[account(
        mut,
        seeds = [SEED_CONTROLLER, controller.configurator.as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
}

impl GovOpsOnController<'_> {
    /// Naming a role key (not the default key, which removes it) needs a registered PAU.
    pub fn validate_role(&self, role: &Pubkey) -> Result<()> {
        if *role != Pubkey::default() {
            require!(self.controller.registered, PauError::PauNotRegistered);
        }
        Ok(())
    }
}

/// A scheduled operation taken for execution: the configurator it belongs to and the op.
/// The `execute_*` instructions list both accounts themselves (flat: an embedded Anchor
/// composite adds a duplicate-mutable-account HashSet, ~800 CU); their shared checks are
/// this value's.
pub struct ExecuteOp<'a> {
    pub configurator: &'a Configurator,
    pub op: &'a TimelockOp,
}

impl<'a> ExecuteOp<'a> {
    /// Nothing executes while the timelock is paused, and only a scheduled op. Returns the
    /// op, for the instruction's own checks of its kind and target. Whether it is due
    /// (timelock elapsed, within its grace period) is `TimelockOp::take_ready(now)`'s check
    /// in the handler, which reads the clock once for both.
    pub fn validate(&self) -> Result<&'a TimelockOp> {
        self.check_not_paused()?;
        self.op.check_scheduled()?;
        Ok(self.op)
    }

    /// Nothing executes while the timelock is paused.
    pub fn check_not_paused(&self) -> Result<()> {
        require!(!self.configurator.paused, PauError::TimelockPaused);
        Ok(())
    }
}
