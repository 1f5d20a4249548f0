use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{GovOpsGranted, OpExecuted},
    state::*,
};

// the group's generated client modules must be in scope for the derive
#[allow(unused_imports)]
use crate::instructions::groups::*;

/// Executes a scheduled `GrantGovOps`, creating the membership. Anyone may sign and pay;
/// `member` must repeat the operation's (it seeds the new account).
#[derive(Accounts)]
#[instruction(member: Pubkey)]
pub struct ExecuteGrantGovOps<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(seeds = [SEED_CONFIGURATOR], bump = configurator.bump)]
    pub configurator: Box<Account<'info, Configurator>>,
    #[account(
        mut,
        seeds = [SEED_OP, configurator.key().as_ref(), &op.op_id.to_le_bytes()],
        bump = op.bump,
    )]
    pub op: Box<Account<'info, TimelockOp>>,
    #[account(
        seeds = [SEED_CONTROLLER, configurator.key().as_ref(), &controller.pau_id.to_le_bytes()],
        bump = controller.bump,
    )]
    pub controller: Box<Account<'info, Controller>>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_GOVOPS, controller.key().as_ref(), member.as_ref()], bump)]
    pub membership: UncheckedAccount<'info>,
    /// CHECK: the removal record of this membership (seeds checked); read by
    /// `Removal::check_op`.
    #[account(
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::GovOps, &controller.key().to_bytes(), &member.to_bytes())],
        bump,
    )]
    pub removal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ExecuteGrantGovOps<'_> {
    fn execute_op(&self) -> ExecuteOp<'_> {
        ExecuteOp {
            configurator: &self.configurator,
            op: &self.op,
        }
    }

    /// Not paused, executable now, a `GrantGovOps` of `member` on this controller, not
    /// scheduled before a revocation of that membership.
    pub fn validate(&self, member: &Pubkey) -> Result<()> {
        let op = self.execute_op().validate()?;
        let TimelockAction::GrantGovOps {
            controller,
            member: op_member,
        } = op.action
        else {
            return err!(PauError::WrongOpKind);
        };
        require!(
            controller == self.controller.key() && *member == op_member,
            PauError::OpTargetMismatch
        );
        Removal::check_op(&self.removal, op.op_id)
    }
}

pub fn handler(ctx: Context<ExecuteGrantGovOps>, member: Pubkey) -> Result<()> {
    let ExecuteGrantGovOps {
        payer,
        op,
        controller,
        membership,
        system_program,
        ..
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let action = op.take_ready(now)?;
    let controller = controller.key();
    let value = GovOpsMembership::new(ctx.bumps.membership, controller, member, op.op_id, now);
    GovOpsMembership::with_seeds(&controller, &member, value.bump, |seeds| {
        halo_accounts::create_program_account(
            payer,
            membership,
            system_program,
            seeds,
            &crate::ID,
            &value,
        )
    })?;
    halo_math::emit_event!(OpExecuted {
        op: op.key(),
        op_id: op.op_id,
        action,
        by: payer.key(),
    });
    halo_math::emit_event!(GovOpsGranted {
        controller,
        member,
        by: payer.key(),
    });
    Ok(())
}
