use anchor_lang::prelude::*;

use crate::{
    constants::QUEUE_FALLBACK_S, errors::TradingError, events::RedemptionClosed,
    manager::redemption_manager, state::*,
};

/// Marks a pending redemption failed: its expected USDS leaves the pool's value (the
/// cost is written off in realised P&L), buys of the asset pause until governance clears
/// the failure, and deposits pause until the redemption is recovered (so nobody buys in
/// cheaply ahead of a recovery). Signed by the beacon once the redemption is overdue, by
/// the freezer at any time, or by anyone once it is overdue by `QUEUE_FALLBACK_S`.
#[derive(Accounts)]
pub struct FailRedemption<'info> {
    pub signer: Signer<'info>,
    pub class: Box<Account<'info, TradingClass>>,
    #[account(mut, has_one = class @ TradingError::PoolOfAnotherClass)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = pool @ TradingError::RedemptionOfAnotherPool)]
    pub redemption: Box<Account<'info, Redemption>>,
    /// CHECK: the redemption after this one (seeds checked; it may not exist yet): its due
    /// time becomes the oldest pending one's when this one closes.
    #[account(
        seeds = [crate::constants::SEED_REDEMPTION, pool.key().as_ref(), &redemption.id.saturating_add(1).to_le_bytes()],
        bump,
    )]
    pub next_redemption: UncheckedAccount<'info>,
}

impl FailRedemption<'_> {
    pub fn validate(&self) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let signer = self.signer.key();
        let by_freezer = signer == self.class.freezer;
        let by_beacon = signer == self.class.beacon;
        let redemption = &self.redemption;
        require!(
            redemption.status == RedemptionStatus::Pending,
            TradingError::RedemptionNotPending
        );
        // anyone once it is overdue by the queue's fallback delay: an overdue redemption
        // holds deposits and exits, so a silent beacon cannot hold them for ever
        let abandoned = now > redemption.expected_by.saturating_add(QUEUE_FALLBACK_S);
        require!(
            by_freezer || by_beacon || abandoned,
            TradingError::NotBeaconOrFreezer
        );
        require!(
            by_freezer || now > redemption.expected_by,
            TradingError::RedemptionNotOverdue
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<FailRedemption>) -> Result<()> {
    let FailRedemption {
        pool,
        redemption,
        next_redemption,
        ..
    } = ctx.accounts;
    let pnl = redemption_manager::fail(pool, redemption, next_redemption)?;
    pool.invariant()?;
    redemption.invariant()?;
    halo_math::emit_event!(RedemptionClosed {
        pool: pool.key(),
        redemption: redemption.key(),
        id: redemption.id,
        status: RedemptionStatus::Failed,
        received: 0,
        pnl,
    });
    Ok(())
}
