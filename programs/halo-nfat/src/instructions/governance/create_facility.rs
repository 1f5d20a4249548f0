use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};
use halo_pau::state::Controller;

use crate::{
    constants::*, errors::NfatError, events::FacilityCreated, state::*, token::check_deposit_mint,
};

/// What governance chooses for a new facility.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct CreateFacilityArgs {
    pub facility_id: u64,
    pub buybox: Buybox,
    pub roles: Roles,
    /// NFT metadata: names read "<name> #<deal id>".
    pub name: String,
    pub symbol: String,
    pub uri: String,
}

/// Creates a facility at `["class", authority, facility_id]` with its queue and redeem
/// vaults (owned by the facility PDA), on a PAU controller whose custody it will draw
/// from once governance sets its routes. The signer becomes governance. Refused: a bad
/// buybox (each bound its own error), a default role key, metadata too long, a deposit
/// mint with an extension the facility cannot book.
#[derive(Accounts)]
#[instruction(args: CreateFacilityArgs)]
pub struct CreateFacility<'info> {
    #[account(mut)]
    pub authority: Signer<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_FACILITY, authority.key().as_ref(), &args.facility_id.to_le_bytes()], bump)]
    pub facility: UncheckedAccount<'info>,
    #[account(mint::token_program = deposit_token_program)]
    pub deposit_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_QUEUE_VAULT, facility.key().as_ref()], bump)]
    pub queue_vault: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_REDEEM_VAULT, facility.key().as_ref()], bump)]
    pub redeem_vault: UncheckedAccount<'info>,
    pub pau_controller: Box<Account<'info, Controller>>,
    pub deposit_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateFacility<'_> {
    pub fn validate(&self, args: &CreateFacilityArgs) -> Result<()> {
        args.buybox.validate()?;
        args.roles.validate()?;
        require!(
            !args.name.is_empty()
                && args.name.len() <= MAX_NAME_LEN
                && args.symbol.len() <= MAX_SYMBOL_LEN
                && args.uri.len() <= MAX_URI_LEN,
            NfatError::BadMetadata
        );
        check_deposit_mint(&self.deposit_mint.to_account_info())
    }
}

pub fn handler(ctx: Context<CreateFacility>, args: CreateFacilityArgs) -> Result<()> {
    let bumps = (
        ctx.bumps.facility,
        ctx.bumps.queue_vault,
        ctx.bumps.redeem_vault,
    );
    let a = ctx.accounts;
    let facility_key = a.facility.key();
    let mint_info = a.deposit_mint.to_account_info();
    let program_info = a.deposit_token_program.to_account_info();
    let system_info = a.system_program.to_account_info();
    let payer = a.authority.to_account_info();
    for (vault, seed, bump) in [
        (&a.queue_vault, SEED_QUEUE_VAULT, bumps.1),
        (&a.redeem_vault, SEED_REDEEM_VAULT, bumps.2),
    ] {
        halo_accounts::create_token_account(
            &payer,
            vault,
            &system_info,
            &program_info,
            &mint_info,
            &facility_key,
            &[seed, facility_key.as_ref(), &[bump]],
        )?;
    }
    let record = Facility::new(FacilitySetup {
        bump: bumps.0,
        authority: a.authority.key(),
        facility_id: args.facility_id,
        roles: args.roles,
        deposit_mint: a.deposit_mint.key(),
        deposit_token_program: a.deposit_token_program.key(),
        deposit_decimals: a.deposit_mint.decimals,
        queue_vault: a.queue_vault.key(),
        redeem_vault: a.redeem_vault.key(),
        pau_controller: a.pau_controller.key(),
        buybox: args.buybox,
        name: args.name,
        symbol: args.symbol,
        uri: args.uri,
    });
    let authority_key = a.authority.key();
    let id = args.facility_id.to_le_bytes();
    halo_accounts::create_program_account(
        &payer,
        &a.facility,
        &system_info,
        &Facility::signer_seeds(&authority_key, &id, &[bumps.0]),
        &crate::ID,
        &record,
    )?;
    record.invariant(Some(0), Some(0))?;
    halo_math::emit_event!(FacilityCreated {
        facility: facility_key,
        governance: record.governance,
        facility_id: record.facility_id,
        deposit_mint: record.deposit_mint,
        pau_controller: record.pau_controller,
        buybox: record.buybox,
        roles: args.roles,
    });
    Ok(())
}
