use anchor_lang::prelude::*;

use crate::{errors::LctsError, events::Locked, state::*};

/// The beacon locks the queue's ACTIVE generation for settlement (entries, claims and
/// exits wait); a DORMANT queue is left as it is (no-op, no event). A second lock in the
/// same window counts from the window's first lock, so the lock bound cannot be reset by
/// settling with zero capacity and locking again. Refused: not the beacon, the unit or
/// side paused, outside the lock window, already LOCKED.
#[derive(Accounts)]
pub struct Lock<'info> {
    pub beacon: Signer<'info>,
    #[account(has_one = beacon @ LctsError::NotBeacon)]
    pub unit: Box<Account<'info, LctsUnit>>,
    #[account(mut, has_one = unit @ LctsError::QueueOfAnotherUnit)]
    pub queue: Box<Account<'info, Queue>>,
}

impl Lock<'_> {
    /// Called first by the handler with its clock reading.
    pub fn validate(&self, now: i64) -> Result<()> {
        self.unit.check_not_paused(self.queue.side)?;
        require!(
            self.unit.params.lock_window_open(now)?,
            LctsError::LockWindowClosed
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<Lock>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    ctx.accounts.validate(now)?;
    let window_start = ctx.accounts.unit.params.window_start(now)?;
    let queue = &mut ctx.accounts.queue;
    if !queue.lock(now, window_start)? {
        return Ok(());
    }
    queue.invariant(None, None)?;
    halo_math::emit_event!(Locked {
        queue: queue.key(),
        gen_id: queue.gen_id,
        locked_at: queue.locked_at,
        total_underlying: queue.total_underlying,
    });
    Ok(())
}
