use anchor_lang::prelude::*;
use anchor_spl::token_interface::Mint;
use halo_pau::state::Controller;

use crate::{
    constants::*, errors::TradingError, events::ClassCreated, state::*, token::check_mint,
};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct CreateClassArgs {
    pub class_id: u64,
    pub beacon: Pubkey,
    pub freezer: Pubkey,
}

/// Creates a Trading Halo Class. The signer becomes its governance. The quote mint (USDS)
/// and the funding PAU controller are fixed for the class's life.
#[derive(Accounts)]
#[instruction(args: CreateClassArgs)]
pub struct CreateClass<'info> {
    #[account(mut)]
    pub authority: Signer<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked) with `halo_accounts`,
    /// whatever lamports already sit there.
    #[account(mut, seeds = [SEED_CLASS, authority.key().as_ref(), &args.class_id.to_le_bytes()], bump)]
    pub class: UncheckedAccount<'info>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    /// A genuine `halo_pau` controller (owner and discriminator checked by Anchor).
    pub pau_controller: Box<Account<'info, Controller>>,
    pub system_program: Program<'info, System>,
}

impl CreateClass<'_> {
    pub fn validate(&self, args: &CreateClassArgs) -> Result<()> {
        require!(
            args.beacon != Pubkey::default() && args.freezer != Pubkey::default(),
            TradingError::DefaultKey
        );
        check_mint(&self.quote_mint)
    }
}

pub fn handler(ctx: Context<CreateClass>, args: CreateClassArgs) -> Result<()> {
    let bump = ctx.bumps.class;
    let CreateClass {
        authority,
        class,
        quote_mint,
        pau_controller,
        system_program,
    } = ctx.accounts;
    let governance = authority.key();
    let id_le = args.class_id.to_le_bytes();
    let bump_seed = [bump];
    let record = TradingClass::new(TradingClassRoles {
        bump,
        authority: governance,
        class_id: args.class_id,
        beacon: args.beacon,
        freezer: args.freezer,
        quote_mint: quote_mint.key(),
        quote_decimals: quote_mint.decimals,
        pau_controller: pau_controller.key(),
    });
    halo_accounts::create_program_account(
        authority,
        class,
        system_program,
        &TradingClass::signer_seeds(&governance, &id_le, &bump_seed),
        &crate::ID,
        &record,
    )?;
    halo_math::emit_event!(ClassCreated {
        class: class.key(),
        governance,
        beacon: args.beacon,
        freezer: args.freezer,
        quote_mint: record.quote_mint,
        pau_controller: record.pau_controller,
    });
    Ok(())
}
