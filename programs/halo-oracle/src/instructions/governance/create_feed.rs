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

impl CreateFeed<'_> {
    /// Decimals at most 18, a move guard of 1 to 10,000 bps, a positive first value.
    pub fn validate(&self, args: &CreateFeedArgs) -> Result<()> {
        require!(
            args.decimals <= MAX_FEED_DECIMALS,
            OracleError::DecimalsTooLarge
        );
        validate_max_move(args.max_move_bps)?;
        require!(args.initial_value > 0, OracleError::NonPositiveValue);
        Ok(())
    }
}

pub fn handler(ctx: Context<CreateFeed>, args: CreateFeedArgs) -> Result<()> {
    let CreateFeed {
        authority,
        feed,
        system_program,
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let bump = ctx.bumps.feed;
    let mut state: Feed = Feed::with_seeds(&authority.key(), args.feed_id, bump, |seeds| {
        halo_accounts::create_zeroed_account(authority, feed, system_program, seeds, &crate::ID)
    })?;
    state.initialize(bump, authority.key(), &args, now);
    state.invariant()?;
    state.reporters_invariant()?;
    halo_accounts::persist(feed, &state)?;
    halo_math::emit_event!(FeedCreated {
        feed: feed.key(),
        governance: state.governance,
        feed_id: args.feed_id,
        decimals: args.decimals,
        max_move_bps: args.max_move_bps,
        value: args.initial_value,
        publish_ts: now,
    });
    Ok(())
}
