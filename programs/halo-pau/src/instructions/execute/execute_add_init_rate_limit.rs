use anchor_lang::prelude::*;

use crate::{
    constants::*,
    errors::PauError,
    events::{InitRateLimitAdded, OpExecuted},
    state::*,
};

// the group's generated client modules must be in scope for the derive
#[allow(unused_imports)]
use crate::instructions::groups::*;

/// Executes a scheduled `AddInitRateLimit`, creating the InitRateLimit account. Anyone may
/// sign and pay; `key` and `pau` must repeat the operation's (they seed the new account).
#[derive(Accounts)]
#[instruction(key: [u8; 32], pau: Pubkey)]
pub struct ExecuteAddInitRateLimit<'info> {
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
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_INIT, configurator.key().as_ref(), key.as_ref(), pau.as_ref()], bump)]
    pub init_rate_limit: UncheckedAccount<'info>,
    /// CHECK: the removal record of this init (seeds checked); read by `Removal::check_op`.
    #[account(
        seeds = [SEED_REMOVAL, configurator.key().as_ref(), &removal_target(RemovalKind::Init, &key, &pau.to_bytes())],
        bump,
    )]
    pub removal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ExecuteAddInitRateLimit<'_> {
    fn execute_op(&self) -> ExecuteOp<'_> {
        ExecuteOp {
            configurator: &self.configurator,
            op: &self.op,
        }
    }

    /// Not paused, executable now, an `AddInitRateLimit` for this (`key`, `pau`), not
    /// scheduled before a removal of that init.
    pub fn validate(&self, key: &[u8; 32], pau: &Pubkey) -> Result<()> {
        let op = self.execute_op().validate()?;
        let TimelockAction::AddInitRateLimit {
            key: op_key,
            pau: op_pau,
            ..
        } = op.action
        else {
            return err!(PauError::WrongOpKind);
        };
        require!(*key == op_key && *pau == op_pau, PauError::OpTargetMismatch);
        Removal::check_op(&self.removal, op.op_id)
    }
}

pub fn handler(ctx: Context<ExecuteAddInitRateLimit>, key: [u8; 32], pau: Pubkey) -> Result<()> {
    let ExecuteAddInitRateLimit {
        payer,
        configurator,
        op,
        init_rate_limit,
        system_program,
        ..
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let action = op.take_ready(now)?;
    let TimelockAction::AddInitRateLimit {
        max_amount, slope, ..
    } = action
    else {
        return err!(PauError::WrongOpKind);
    };
    let configurator = configurator.key();
    let value = InitRateLimit {
        max_amount,
        slope,
        ..InitRateLimit::new(
            ctx.bumps.init_rate_limit,
            configurator,
            key,
            pau,
            op.op_id,
            now,
        )
    };
    InitRateLimit::with_seeds(&configurator, &key, &pau, value.bump, |seeds| {
        halo_accounts::create_program_account(
            payer,
            init_rate_limit,
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
    halo_math::emit_event!(InitRateLimitAdded {
        init: init_rate_limit.key(),
        key,
        pau,
        max_amount,
        slope,
    });
    Ok(())
}
