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

pub fn handler(ctx: Context<CreateClass>, args: CreateClassArgs) -> Result<()> {
    require!(
        args.beacon != Pubkey::default() && args.freezer != Pubkey::default(),
        TradingError::DefaultKey
    );
    check_mint(&ctx.accounts.quote_mint)?;
    let authority = ctx.accounts.authority.key();
    let id = args.class_id.to_le_bytes();
    let seeds: &[&[u8]] = &[SEED_CLASS, authority.as_ref(), &id, &[ctx.bumps.class]];
    let mut c: TradingClass = halo_accounts::create_zeroed_account(
        &ctx.accounts.authority,
        &ctx.accounts.class,
        &ctx.accounts.system_program,
        seeds,
        &crate::ID,
    )?;
    c.version = ACCOUNT_VERSION;
    c.bump = ctx.bumps.class;
    c.authority = authority;
    c.class_id = args.class_id;
    c.governance = authority;
    c.beacon = args.beacon;
    c.freezer = args.freezer;
    c.quote_mint = ctx.accounts.quote_mint.key();
    c.quote_decimals = ctx.accounts.quote_mint.decimals;
    c.pau_controller = ctx.accounts.pau_controller.key();
    halo_accounts::persist(&ctx.accounts.class, &c)?;
    emit!(ClassCreated {
        class: ctx.accounts.class.key(),
        governance: authority,
        beacon: args.beacon,
        freezer: args.freezer,
        quote_mint: c.quote_mint,
        pau_controller: c.pau_controller,
    });
    Ok(())
}
