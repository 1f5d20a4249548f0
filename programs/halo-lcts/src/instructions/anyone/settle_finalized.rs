use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use crate::{
    constants::SEED_GENERATION,
    errors::LctsError,
    events::FinalizedSettled,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// Settles a position whose generation finalized: pays
/// `shares * (final_reward_per_share - reward_debt) / 1e18` (rounded down) into the
/// owner's token account and closes the position, its rent going to the owner. Anyone may send it (a keeper crank): the payout
/// and the rent can only go to the owner. Refused: the generation not finalized, a
/// generation or position of another queue, a token account not the owner's.
#[derive(Accounts)]
pub struct SettleFinalized<'info> {
    pub caller: Signer<'info>,
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
        close = owner,
        has_one = owner @ LctsError::WrongPosition,
        constraint = position.queue == queue.key() @ LctsError::WrongPosition,
    )]
    pub position: Box<Account<'info, Position>>,
    #[account(
        seeds = [SEED_GENERATION, queue.key().as_ref(), &position.gen_id.to_le_bytes()],
        bump = generation.bump,
    )]
    pub generation: Box<Account<'info, FinalizedGeneration>>,
    /// CHECK: the position's owner (pinned by `has_one`); receives the rent.
    #[account(mut)]
    pub owner: UncheckedAccount<'info>,
    #[account(
        mut,
        constraint = owner_reward.owner == position.owner @ LctsError::WrongOwnerAccount,
        constraint = owner_reward.mint == queue.reward_mint @ LctsError::WrongOwnerAccount,
    )]
    pub owner_reward: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: pinned to the queue's.
    pub reward_mint: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's vault.
    #[account(mut)]
    pub reward_vault: UncheckedAccount<'info>,
    #[account(constraint = *reward_mint.owner == reward_token_program.key() @ LctsError::WrongTokenProgram)]
    pub reward_token_program: Interface<'info, TokenInterface>,
}

impl SettleFinalized<'_> {
    pub fn validate(&self) -> Result<()> {
        require!(
            self.queue.is_finalized(self.position.gen_id),
            LctsError::PositionNotFinalized
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<SettleFinalized>) -> Result<()> {
    let accounts = ctx.accounts;
    let reward = accounts.position.finalized_reward(&accounts.generation)?;
    accounts.queue.pay_reward(reward)?;
    let mint = MintRef {
        token_program: &accounts.reward_token_program,
        mint: &accounts.reward_mint,
        decimals: accounts.unit.underlying_decimals,
    };
    let unit_info = accounts.unit.to_account_info();
    let to = accounts.owner_reward.to_account_info();
    move_tokens(
        mint,
        &accounts.reward_vault,
        &to,
        Authority::Unit(&unit_info, &accounts.unit),
        reward,
    )?;
    accounts
        .queue
        .invariant(None, Some(amount_of(&accounts.reward_vault)?))?;
    halo_math::emit_event!(FinalizedSettled {
        queue: accounts.queue.key(),
        owner: accounts.owner.key(),
        gen_id: accounts.position.gen_id,
        reward,
        by: accounts.caller.key(),
    });
    Ok(())
}
