use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::{
    errors::LctsError,
    events::Entered,
    math::SafeMath,
    positions,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// The accounts of `subscribe` (USDS into the subscribe queue) and `request_redeem`
/// (Halo Unit shares into the redeem queue), signed by the owner, who pays for the
/// position at a first entry. `finalized_generation` is needed when the owner's position
/// is still in a generation that has finalized (it is settled first); the reward
/// accounts receive whatever the position had earned.
#[derive(Accounts)]
pub struct Enter<'info> {
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
    /// CHECK: the owner's position in this queue: loaded and checked, or created at its
    /// PDA, by `positions::open_or_load`.
    #[account(mut)]
    pub position: UncheckedAccount<'info>,
    pub finalized_generation: Option<Box<Account<'info, FinalizedGeneration>>>,
    /// CHECK: pinned to the queue's; the token program checks it against the accounts.
    pub underlying_mint: UncheckedAccount<'info>,
    /// CHECK: the owner's account, debited on the owner's signature by the token program.
    #[account(mut)]
    pub owner_underlying: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's vault.
    #[account(mut)]
    pub underlying_vault: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's.
    pub reward_mint: UncheckedAccount<'info>,
    /// CHECK: where the owner takes any reward earned; the token program checks its mint.
    #[account(mut)]
    pub owner_reward: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's vault.
    #[account(mut)]
    pub reward_vault: UncheckedAccount<'info>,
    #[account(constraint = *underlying_mint.owner == underlying_token_program.key() @ LctsError::WrongTokenProgram)]
    pub underlying_token_program: Interface<'info, TokenInterface>,
    #[account(constraint = *reward_mint.owner == reward_token_program.key() @ LctsError::WrongTokenProgram)]
    pub reward_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl Enter<'_> {
    /// The queue on `side`, its side not paused, not LOCKED, a positive amount (the
    /// minimum entry and the share maths are checked by `Queue::enter`).
    pub fn validate(&self, side: QueueSide, amount: u64) -> Result<()> {
        require!(self.queue.side == side, LctsError::WrongSide);
        self.unit.check_not_paused(side)?;
        self.queue.check_not_locked()?;
        require!(amount > 0, LctsError::ZeroAmount);
        Ok(())
    }
}

/// `subscribe` / `request_redeem`: settles a finalized position first, pays the reward
/// the position had earned, adds `amount` to the current generation at its share price
/// (rounded down), and takes the tokens.
pub fn handler(ctx: Context<Enter>, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let accounts = ctx.accounts;
    let queue_key = accounts.queue.key();
    let (mut position, created) = positions::open_or_load(
        &accounts.position,
        &accounts.owner,
        &accounts.system_program,
        &queue_key,
        accounts.queue.gen_id,
        now,
    )?;
    let old_reward = positions::settle_if_finalized(
        &mut accounts.queue,
        &queue_key,
        &mut position,
        accounts.finalized_generation.as_deref().map(|g| &**g),
        now,
    )?;
    let mut shares = position.shares();
    let newcomer = shares.shares == 0;
    let limits = (accounts.unit.params.min_entry, accounts.unit.params.dust);
    let (added, reward) = accounts.queue.enter(&mut shares, amount, limits, now)?;
    if newcomer {
        accounts.queue.add_position()?;
    }
    position.store(shares);
    let decimals = accounts.unit.underlying_decimals;
    let underlying = MintRef {
        token_program: &accounts.underlying_token_program,
        mint: &accounts.underlying_mint,
        decimals,
    };
    move_tokens(
        underlying,
        &accounts.owner_underlying,
        &accounts.underlying_vault,
        Authority::Owner(&accounts.owner),
        amount,
    )?;
    let paid = old_reward.safe_add(reward)?;
    let rewards = MintRef {
        token_program: &accounts.reward_token_program,
        mint: &accounts.reward_mint,
        decimals,
    };
    let unit_info = accounts.unit.to_account_info();
    move_tokens(
        rewards,
        &accounts.reward_vault,
        &accounts.owner_reward,
        Authority::Unit(&unit_info, &accounts.unit),
        paid,
    )?;
    accounts.queue.invariant(
        Some(amount_of(&accounts.underlying_vault)?),
        Some(amount_of(&accounts.reward_vault)?),
    )?;
    position.invariant(accounts.queue.reward_per_share)?;
    halo_accounts::persist(&accounts.position, &position)?;
    halo_math::emit_event!(Entered {
        queue: queue_key,
        owner: accounts.owner.key(),
        gen_id: position.gen_id,
        amount,
        opened: created,
        shares: added,
        reward_paid: paid,
        total_underlying: accounts.queue.total_underlying,
        total_shares: accounts.queue.total_shares,
    });
    Ok(())
}
