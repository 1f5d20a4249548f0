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
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_LP, pool.key().as_ref(), owner.as_ref()], bump)]
    pub position: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<OpenPosition>, owner: Pubkey) -> Result<()> {
    let a = &ctx.accounts;
    let pool = a.pool.key();
    let mut pos: LpPosition = halo_accounts::create_zeroed_account(
        &a.payer,
        &a.position,
        &a.system_program,
        &[
            SEED_LP,
            pool.as_ref(),
            owner.as_ref(),
            &[ctx.bumps.position],
        ],
        &crate::ID,
    )?;
    pos.version = ACCOUNT_VERSION;
    pos.bump = ctx.bumps.position;
    pos.pool = pool;
    pos.owner = owner;
    halo_accounts::persist(&a.position, &pos)?;
    emit!(PositionOpened {
        pool: pos.pool,
        position: a.position.key(),
        owner,
    });
    Ok(())
}
