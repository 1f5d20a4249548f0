//! Account groups several instructions share, embedded as a field (an Anchor composite):
//! their accounts flatten in place, in the order listed here.
use anchor_lang::prelude::*;

use crate::{constants::*, errors::PauError, state::*};

/// A GovOps member acting on one controller: the signer, its membership of that
/// controller, and the controller (the `set_*` / `unfreeze` family).
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

/// A scheduled operation taken for execution: the configurator it belongs to and the op
/// (the `execute_*` family; `execute_config_change` writes the configurator and so keeps
/// its own, writable, copy of the pair).
#[derive(Accounts)]
pub struct ExecuteOp<'info> {
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        mut,
        seeds = [SEED_OP, configurator.key().as_ref(), &op.op_id.to_le_bytes()],
        bump = op.bump,
    )]
    pub op: Box<Account<'info, TimelockOp>>,
}

impl ExecuteOp<'_> {
    /// Nothing executes while the timelock is paused; the op must be executable now
    /// (scheduled, timelock elapsed, within its grace period). Returns the op, for the
    /// instruction's own checks of its kind and target.
    pub fn validate(&self) -> Result<&TimelockOp> {
        self.check_not_paused()?;
        self.op.check_executable(Clock::get()?.unix_timestamp)?;
        Ok(&self.op)
    }

    /// Nothing executes while the timelock is paused.
    pub fn check_not_paused(&self) -> Result<()> {
        require!(!self.configurator.paused, PauError::TimelockPaused);
        Ok(())
    }
}
