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
    let OpenPosition {
        payer,
        pool,
        position,
        system_program,
    } = ctx.accounts;
    let (pool_key, bump) = (pool.key(), ctx.bumps.position);
    let bump_seed = [bump];
    let record = LpPosition::new(pool_key, owner, bump);
    halo_accounts::create_program_account(
        payer,
        position,
        system_program,
        &LpPosition::signer_seeds(&pool_key, &owner, &bump_seed),
        &crate::ID,
        &record,
    )?;
    halo_math::emit_event!(PositionOpened {
        pool: pool_key,
        position: position.key(),
        owner,
    });
    Ok(())
}
