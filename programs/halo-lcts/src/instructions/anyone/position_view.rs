use anchor_lang::prelude::*;
use halo_math::lcts;

use crate::{
    errors::LctsError,
    math::{OrOverflow, SafeMath},
    state::*,
};

/// A position as an integrator should read it (return data).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PositionView {
    pub gen_id: u64,
    /// The position's generation finalized: `finalized_claimable` waits for
    /// `settle_finalized` (settled but unclaimed).
    pub finalized: bool,
    pub shares: u128,
    /// Underlying not converted yet (what a full exit would return now), rounded down.
    pub pending_underlying: u64,
    /// Reward `claim` would pay now (current generation), rounded down.
    pub claimable_reward: u64,
    /// Reward `settle_finalized` would pay (finalized generation), rounded down.
    pub finalized_claimable: u64,
    pub queue_status: QueueStatus,
    /// precision: unix seconds; when the lock window next opens (now if open).
    pub next_lock_at: i64,
    /// precision: unix seconds; while LOCKED, from when anyone may unlock (0 otherwise).
    pub unlock_allowed_after: i64,
}

/// Read-only: the position's pending underlying, claimable reward, finalized claimable,
/// the queue's status and next lock time. Pass the position's finalized generation when
/// it has one. Refused: a position of another queue, its finalized generation missing.
#[derive(Accounts)]
pub struct ViewPosition<'info> {
    pub unit: Box<Account<'info, LctsUnit>>,
    #[account(has_one = unit @ LctsError::QueueOfAnotherUnit)]
    pub queue: Box<Account<'info, Queue>>,
    #[account(constraint = position.queue == queue.key() @ LctsError::WrongPosition)]
    pub position: Box<Account<'info, Position>>,
    pub finalized_generation: Option<Box<Account<'info, FinalizedGeneration>>>,
}

pub fn handler(ctx: Context<ViewPosition>) -> Result<PositionView> {
    let ViewPosition {
        unit,
        queue,
        position,
        finalized_generation,
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let finalized = queue.is_finalized(position.gen_id);
    let (pending_underlying, claimable_reward, finalized_claimable) = if finalized {
        let g = finalized_generation
            .as_ref()
            .ok_or(LctsError::FinalizedGenerationRequired)?;
        require_keys_eq!(g.queue, queue.key(), LctsError::WrongGeneration);
        (0, 0, position.finalized_reward(g)?)
    } else {
        let (g, p) = (queue.totals(), position.shares());
        (
            lcts::underlying_of(&g, &p).or_overflow()?,
            lcts::pending_reward(&g, &p).or_overflow()?,
            0,
        )
    };
    let unlock_allowed_after = if queue.status == QueueStatus::Locked {
        queue.locked_at.safe_add(unit.params.max_lock_s)?
    } else {
        0
    };
    halo_accounts::answer(PositionView {
        gen_id: position.gen_id,
        finalized,
        shares: position.shares,
        pending_underlying,
        claimable_reward,
        finalized_claimable,
        queue_status: queue.status,
        next_lock_at: unit.params.next_lock_at(now)?,
        unlock_allowed_after,
    })
}
