use anchor_lang::prelude::*;

use crate::{constants::*, events::PositionOpened, state::*};

/// Opens an empty LP position for `owner` (a Prime, or the class's PAU proxy for PAU
/// funding). Anyone may pay for it; only the owner can use it.
#[derive(Accounts)]
#[instruction(owner: Pubkey)]
pub struct OpenPosition<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        init,
        payer = payer,
        space = 8 + LpPosition::INIT_SPACE,
        seeds = [SEED_LP, pool.key().as_ref(), owner.as_ref()],
        bump,
    )]
    pub position: Box<Account<'info, LpPosition>>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<OpenPosition>, owner: Pubkey) -> Result<()> {
    let pos = &mut ctx.accounts.position;
    pos.version = ACCOUNT_VERSION;
    pos.bump = ctx.bumps.position;
    pos.pool = ctx.accounts.pool.key();
    pos.owner = owner;
    emit!(PositionOpened {
        pool: pos.pool,
        position: pos.key(),
        owner,
    });
    Ok(())
}
