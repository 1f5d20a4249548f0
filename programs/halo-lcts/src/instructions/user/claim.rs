use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::{
    errors::LctsError,
    events::Claimed,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// Pays the owner the reward their position has earned in the current generation
/// (`shares * (reward_per_share - reward_debt) / 1e18`, rounded down); the position stays.
/// Signed by the owner. Refused: the queue LOCKED or not ACTIVE, a position of another
/// queue or owner, a position whose generation finalized (use `settle_finalized`).
#[derive(Accounts)]
pub struct Claim<'info> {
    pub owner: Signer<'info>,
    pub unit: Box<Account<'info, LctsUnit>>,
    #[account(
        mut,
        has_one = unit @ LctsError::QueueOfAnotherUnit,
        has_one = reward_mint @ LctsError::WrongMint,
        has_one = reward_vault @ LctsError::WrongVault,
    )]
    pub queue: Box<Account<'info, Queue>>,
    #[account(
        mut,
        has_one = owner @ LctsError::WrongPosition,
        constraint = position.queue == queue.key() @ LctsError::WrongPosition,
    )]
    pub position: Box<Account<'info, Position>>,
    /// CHECK: pinned to the queue's.
    pub reward_mint: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's vault.
    #[account(mut)]
    pub reward_vault: UncheckedAccount<'info>,
    /// CHECK: where the owner takes the reward; the token program checks its mint.
    #[account(mut)]
    pub owner_reward: UncheckedAccount<'info>,
    #[account(constraint = *reward_mint.owner == reward_token_program.key() @ LctsError::WrongTokenProgram)]
    pub reward_token_program: Interface<'info, TokenInterface>,
}

impl Claim<'_> {
    pub fn validate(&self) -> Result<()> {
        self.queue.check_active()?;
        require!(
            !self.queue.is_finalized(self.position.gen_id),
            LctsError::PositionFinalized
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<Claim>) -> Result<()> {
    let Claim {
        owner,
        unit,
        queue,
        position,
        reward_mint,
        reward_vault,
        owner_reward,
        reward_token_program,
    } = ctx.accounts;
    let mut shares = position.shares();
    let reward = queue.claim(&mut shares)?;
    position.store(shares);
    let mint = MintRef {
        token_program: reward_token_program,
        mint: reward_mint,
        decimals: unit.underlying_decimals,
    };
    let unit_info = unit.to_account_info();
    move_tokens(
        mint,
        reward_vault,
        owner_reward,
        Authority::Unit(&unit_info, unit),
        reward,
    )?;
    queue.invariant(None, Some(amount_of(reward_vault)?))?;
    position.invariant(queue.reward_per_share)?;
    halo_math::emit_event!(Claimed {
        queue: queue.key(),
        owner: owner.key(),
        gen_id: position.gen_id,
        reward,
    });
    Ok(())
}
