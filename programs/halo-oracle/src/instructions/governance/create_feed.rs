use anchor_lang::prelude::*;

use crate::{constants::*, errors::OracleError, events::FeedCreated, state::*};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct CreateFeedArgs {
    pub feed_id: u64,
    pub decimals: u8,
    pub max_move_bps: u16,
    /// The first NAV, published now.
    pub initial_value: u64,
}

/// Creates a feed governed by its creator, with a first NAV published at the current time.
#[derive(Accounts)]
#[instruction(args: CreateFeedArgs)]
pub struct CreateFeed<'info> {
    #[account(mut)]
    pub authority: Signer<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_FEED, authority.key().as_ref(), &args.feed_id.to_le_bytes()], bump)]
    pub feed: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<CreateFeed>, args: CreateFeedArgs) -> Result<()> {
    require!(
        args.decimals <= MAX_FEED_DECIMALS,
        OracleError::DecimalsTooLarge
    );
    require!(
        args.max_move_bps > 0 && args.max_move_bps <= MAX_MOVE_BPS,
        OracleError::BadMaxMove
    );
    require!(args.initial_value > 0, OracleError::NonPositiveValue);
    let now = Clock::get()?.unix_timestamp;
    let authority = ctx.accounts.authority.key();
    let id = args.feed_id.to_le_bytes();
    let seeds: &[&[u8]] = &[SEED_FEED, authority.as_ref(), &id, &[ctx.bumps.feed]];
    let mut f: Feed = halo_accounts::create_zeroed_account(
        &ctx.accounts.authority,
        &ctx.accounts.feed,
        &ctx.accounts.system_program,
        seeds,
        &crate::ID,
    )?;
    f.version = FEED_VERSION;
    f.bump = ctx.bumps.feed;
    f.authority = authority;
    f.feed_id = args.feed_id;
    f.governance = authority;
    f.decimals = args.decimals;
    f.value = args.initial_value;
    f.publish_ts = now;
    f.max_move_bps = args.max_move_bps;
    f.updates = 1;
    f.anchor_value = args.initial_value;
    f.anchor_ts = now;
    halo_accounts::persist(&ctx.accounts.feed, &f)?;
    emit!(FeedCreated {
        feed: ctx.accounts.feed.key(),
        governance: authority,
        feed_id: args.feed_id,
        decimals: args.decimals,
        max_move_bps: args.max_move_bps,
        value: args.initial_value,
        publish_ts: now,
    });
    Ok(())
}
