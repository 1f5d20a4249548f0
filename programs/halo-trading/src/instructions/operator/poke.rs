use anchor_lang::prelude::*;

use crate::{events::*, oracle, state::*};

/// Permissionless price check. A price that moved more than `max_deviation_bps` from the
/// pool's last price or from its deviation window's anchor pauses the pool persistently (reason: deviation) until governance or
/// the beacon reviews it and calls `resume_pool`. Otherwise the price becomes the new
/// reference. A price that fails a validity check (stale, wrong feed...) is refused.
#[derive(Accounts)]
pub struct Poke<'info> {
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    /// CHECK: validated by `oracle::read` against the pool's price source.
    pub price_account: UncheckedAccount<'info>,
}

pub fn handler(ctx: Context<Poke>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let Poke {
        pool,
        price_account,
    } = ctx.accounts;
    // only a price fresh enough for a swap may pause the pool (no pause on an old spike)
    let reading = oracle::read(pool, price_account, now, oracle::Use::Swap)?;
    if oracle::deviated(pool, &reading, now)? {
        pool.paused = true;
        pool.pause_reason = PauseReason::Deviation;
        halo_math::emit_event!(PoolPaused {
            pool: pool.key(),
            reason: PauseReason::Deviation,
            by: Pubkey::default(),
            observed_price_wad: reading.price_wad,
            reference_price_wad: pool.last_price_wad,
        });
    } else {
        let unchanged = reading.price_wad == pool.last_price_wad;
        // `record` emits PriceObserved for a changed value; an unchanged one is observed here
        oracle::record(pool, &reading, now);
        if unchanged {
            halo_math::emit_event!(PriceObserved {
                pool: pool.key(),
                price_wad: reading.price_wad,
                publish_ts: reading.publish_ts,
            });
        }
    }
    Ok(())
}
