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
    #[account(
        init,
        payer = authority,
        space = 8 + Feed::INIT_SPACE,
        seeds = [SEED_FEED, authority.key().as_ref(), &args.feed_id.to_le_bytes()],
        bump,
    )]
    pub feed: Box<Account<'info, Feed>>,
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
    let f = &mut ctx.accounts.feed;
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
    emit!(FeedCreated {
        feed: f.key(),
        governance: authority,
        feed_id: args.feed_id,
        decimals: args.decimals,
        max_move_bps: args.max_move_bps,
        value: args.initial_value,
        publish_ts: now,
    });
    Ok(())
}
