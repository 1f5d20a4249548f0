use crate::math::{OrOverflow, SafeMath};
use anchor_lang::prelude::*;

use crate::{errors::TradingError, events::RedemptionClosed, state::*};

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

pub fn handler(ctx: Context<FailRedemption>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let signer = ctx.accounts.signer.key();
    let by_freezer = signer == ctx.accounts.class.freezer;
    let by_beacon = signer == ctx.accounts.class.beacon;
    let p = &mut ctx.accounts.pool;
    let rd = &mut ctx.accounts.redemption;
    require!(
        rd.status == RedemptionStatus::Pending,
        TradingError::RedemptionNotPending
    );
    // anyone once it is overdue by the queue's fallback delay: an overdue redemption
    // holds deposits and exits, so a silent beacon cannot hold them for ever
    let abandoned = now
        > rd.expected_by
            .saturating_add(crate::constants::QUEUE_FALLBACK_S);
    require!(
        by_freezer || by_beacon || abandoned,
        TradingError::NotBeaconOrFreezer
    );
    require!(
        by_freezer || now > rd.expected_by,
        TradingError::RedemptionNotOverdue
    );
    p.close_oldest_pending(rd, &ctx.accounts.next_redemption)?;
    p.failed_expected = p.failed_expected.safe_add(rd.expected_quote)?;
    p.pending_expected = p.pending_expected.saturating_sub(rd.expected_quote);
    p.pending_cost = p.pending_cost.saturating_sub(rd.cost_basis);
    p.realised_pnl = p.realised_pnl.safe_sub(i128::from(rd.cost_basis))?;
    p.redemptions_failed = p.redemptions_failed.saturating_add(1);
    p.redemption_failed = true;
    rd.status = RedemptionStatus::Failed;
    emit!(RedemptionClosed {
        pool: p.key(),
        redemption: rd.key(),
        id: rd.id,
        status: RedemptionStatus::Failed,
        received: 0,
        pnl: i64::try_from(rd.cost_basis)
            .or_overflow()?
            .checked_neg()
            .or_overflow()?,
    });
    Ok(())
}
