use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::{
    errors::LctsError,
    events::Exited,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// A full exit from an ACTIVE generation: the owner takes their part of what has not been
/// converted yet (`shares * total_underlying / total_shares`, rounded down; the last one
/// out takes the rounding dust) and the reward earned so far; the position is closed and
/// its rent returned. The last exit leaves the queue DORMANT. Signed by the owner.
/// Refused: the queue LOCKED or not ACTIVE, a position of another queue or owner, one
/// whose generation finalized (use `settle_finalized`), an empty position.
#[derive(Accounts)]
pub struct Exit<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    pub unit: Box<Account<'info, LctsUnit>>,
    #[account(
        mut,
        has_one = unit @ LctsError::QueueOfAnotherUnit,
        has_one = underlying_mint @ LctsError::WrongMint,
        has_one = underlying_vault @ LctsError::WrongVault,
        has_one = reward_mint @ LctsError::WrongMint,
        has_one = reward_vault @ LctsError::WrongVault,
    )]
    pub queue: Box<Account<'info, Queue>>,
    #[account(
        mut,
        close = owner,
        has_one = owner @ LctsError::WrongPosition,
        constraint = position.queue == queue.key() @ LctsError::WrongPosition,
    )]
    pub position: Box<Account<'info, Position>>,
    /// CHECK: pinned to the queue's.
    pub underlying_mint: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's vault.
    #[account(mut)]
    pub underlying_vault: UncheckedAccount<'info>,
    /// CHECK: where the owner takes the unconverted underlying; the token program checks it.
    #[account(mut)]
    pub owner_underlying: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's.
    pub reward_mint: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's vault.
    #[account(mut)]
    pub reward_vault: UncheckedAccount<'info>,
    /// CHECK: where the owner takes the reward; the token program checks it.
    #[account(mut)]
    pub owner_reward: UncheckedAccount<'info>,
    #[account(constraint = *underlying_mint.owner == underlying_token_program.key() @ LctsError::WrongTokenProgram)]
    pub underlying_token_program: Interface<'info, TokenInterface>,
    #[account(constraint = *reward_mint.owner == reward_token_program.key() @ LctsError::WrongTokenProgram)]
    pub reward_token_program: Interface<'info, TokenInterface>,
}

impl Exit<'_> {
    pub fn validate(&self) -> Result<()> {
        self.queue.check_active()?;
        require!(
            !self.queue.is_finalized(self.position.gen_id),
            LctsError::PositionFinalized
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<Exit>) -> Result<()> {
    let accounts = ctx.accounts;
    let mut shares = accounts.position.shares();
    let (underlying, reward) = accounts.queue.leave(&mut shares)?;
    accounts.position.store(shares);
    let decimals = accounts.unit.underlying_decimals;
    let unit_info = accounts.unit.to_account_info();
    let out = MintRef {
        token_program: &accounts.underlying_token_program,
        mint: &accounts.underlying_mint,
        decimals,
    };
    move_tokens(
        out,
        &accounts.underlying_vault,
        &accounts.owner_underlying,
        Authority::Unit(&unit_info, &accounts.unit),
        underlying,
    )?;
    let rewards = MintRef {
        token_program: &accounts.reward_token_program,
        mint: &accounts.reward_mint,
        decimals,
    };
    move_tokens(
        rewards,
        &accounts.reward_vault,
        &accounts.owner_reward,
        Authority::Unit(&unit_info, &accounts.unit),
        reward,
    )?;
    let queue = &accounts.queue;
    queue.invariant(
        Some(amount_of(&accounts.underlying_vault)?),
        Some(amount_of(&accounts.reward_vault)?),
    )?;
    halo_math::emit_event!(Exited {
        queue: queue.key(),
        owner: accounts.owner.key(),
        gen_id: accounts.position.gen_id,
        underlying,
        reward,
        total_underlying: queue.total_underlying,
        dormant: queue.status == QueueStatus::Dormant,
    });
    Ok(())
}
