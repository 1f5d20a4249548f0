use anchor_lang::prelude::*;

use crate::{errors::LctsError, events::Unlocked, math::SafeMath, state::*};

/// Anyone unlocks a generation that has stayed LOCKED longer than the unit's `max_lock_s`
/// (a beacon that stopped): LOCKED → ACTIVE with nothing converted, so entries, claims and
/// exits work again. Governance may unlock at any time. Refused: the queue not LOCKED, the
/// bound not yet passed.
#[derive(Accounts)]
pub struct Unlock<'info> {
    pub caller: Signer<'info>,
    pub class: Box<Account<'info, LctsClass>>,
    #[account(has_one = class @ LctsError::UnitOfAnotherClass)]
    pub unit: Box<Account<'info, LctsUnit>>,
    #[account(mut, has_one = unit @ LctsError::QueueOfAnotherUnit)]
    pub queue: Box<Account<'info, Queue>>,
}

impl Unlock<'_> {
    /// Called first by the handler with its clock reading.
    pub fn validate(&self, now: i64) -> Result<()> {
        require!(
            self.queue.status == QueueStatus::Locked,
            LctsError::QueueNotLocked
        );
        let governance = self.caller.key() == self.class.governance;
        require!(
            governance || self.queue.lock_expired(now, self.unit.params.max_lock_s)?,
            LctsError::LockNotExpired
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<Unlock>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    ctx.accounts.validate(now)?;
    let Unlock { caller, queue, .. } = ctx.accounts;
    let locked_for_s = now.safe_sub(queue.locked_at)?;
    queue.unlock()?;
    queue.invariant(None, None)?;
    halo_math::emit_event!(Unlocked {
        queue: queue.key(),
        gen_id: queue.gen_id,
        by: caller.key(),
        locked_for_s,
    });
    Ok(())
}
