use anchor_lang::prelude::*;

use crate::{constants::*, events::ClassCreated, state::LctsClass};

/// Creates a Passthrough Halo Class; the signer becomes its governance. Refused: an
/// address that already holds a class (the system program refuses to re-create it).
#[derive(Accounts)]
#[instruction(class_id: u64)]
pub struct CreateClass<'info> {
    #[account(mut)]
    pub authority: Signer<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_CLASS, authority.key().as_ref(), &class_id.to_le_bytes()], bump)]
    pub class: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<CreateClass>, class_id: u64) -> Result<()> {
    let bump = ctx.bumps.class;
    let CreateClass {
        authority,
        class,
        system_program,
    } = ctx.accounts;
    let governance = authority.key();
    let record = LctsClass::new(bump, governance, class_id);
    let id_le = class_id.to_le_bytes();
    let bump_seed = [bump];
    halo_accounts::create_program_account(
        authority,
        class,
        system_program,
        &LctsClass::signer_seeds(&governance, &id_le, &bump_seed),
        &crate::ID,
        &record,
    )?;
    halo_math::emit_event!(ClassCreated {
        class: class.key(),
        governance,
        class_id,
    });
    Ok(())
}
