use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};
use halo_pau::state::Controller;

use crate::{
    constants::*,
    errors::LctsError,
    events::UnitCreated,
    math::SafeMath,
    state::*,
    token::{check_underlying_mint, ShareMetadata, ShareMintInit},
};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct CreateUnitArgs {
    pub unit_id: u64,
    pub beacon: Pubkey,
    pub freezer: Pubkey,
    /// precision: WAD; the starting exchange rate (USDS base units per share base unit).
    pub rate_wad: u128,
    pub params: UnitParams,
    pub metadata: ShareMetadata,
}

/// Creates a Passthrough Halo Unit of the class and its Halo Unit share mint (Token-2022,
/// metadata on the mint naming the unit, mint authority the unit PDA, no freeze
/// authority, the underlying's decimals). The unit converts through `pau_controller`'s
/// custody; its two routes are set by `set_unit_routes` once the queues (and so the
/// redeem queue's USDS vault, the return route's counterparty) exist. Signed by
/// governance.
///
/// Refused: not governance, default role keys, parameters out of bounds, a zero rate, bad
/// metadata, an underlying mint with unsupported extensions.
#[derive(Accounts)]
#[instruction(args: CreateUnitArgs)]
pub struct CreateUnit<'info> {
    #[account(mut)]
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ LctsError::NotGovernance)]
    pub class: Box<Account<'info, LctsClass>>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_UNIT, class.key().as_ref(), &args.unit_id.to_le_bytes()], bump)]
    pub unit: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked) as a Token-2022 mint.
    #[account(mut, seeds = [SEED_SHARE_MINT, unit.key().as_ref()], bump)]
    pub share_mint: UncheckedAccount<'info>,
    #[account(mint::token_program = underlying_token_program)]
    pub underlying_mint: Box<InterfaceAccount<'info, Mint>>,
    /// A genuine `halo_pau` controller (owner and discriminator checked by Anchor).
    pub pau_controller: Box<Account<'info, Controller>>,
    pub underlying_token_program: Interface<'info, TokenInterface>,
    #[account(address = anchor_spl::token_2022::ID @ LctsError::WrongTokenProgram)]
    pub share_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateUnit<'_> {
    pub fn validate(&self, args: &CreateUnitArgs) -> Result<()> {
        require!(
            args.beacon != Pubkey::default() && args.freezer != Pubkey::default(),
            LctsError::DefaultKey
        );
        args.params.validate()?;
        check_rate_value(args.rate_wad)?;
        args.metadata.validate()?;
        check_underlying_mint(&self.underlying_mint.to_account_info())
    }
}

pub fn handler(ctx: Context<CreateUnit>, args: CreateUnitArgs) -> Result<()> {
    let (bump, mint_bump) = (ctx.bumps.unit, ctx.bumps.share_mint);
    let CreateUnit {
        governance,
        class,
        unit,
        share_mint,
        underlying_mint,
        pau_controller,
        underlying_token_program,
        share_token_program,
        system_program,
    } = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let record = LctsUnit::new(UnitSetup {
        bump,
        class: class.key(),
        unit_id: args.unit_id,
        underlying_mint: underlying_mint.key(),
        underlying_decimals: underlying_mint.decimals,
        underlying_token_program: underlying_token_program.key(),
        share_mint: share_mint.key(),
        share_mint_bump: mint_bump,
        pau_controller: pau_controller.key(),
        beacon: args.beacon,
        freezer: args.freezer,
        rate_wad: args.rate_wad,
        now,
        params: args.params,
    });
    let class_key = class.key();
    let id_le = args.unit_id.to_le_bytes();
    let bump_seed = [bump];
    halo_accounts::create_program_account(
        governance,
        unit,
        system_program,
        &LctsUnit::signer_seeds(&class_key, &id_le, &bump_seed),
        &crate::ID,
        &record,
    )?;
    let unit_key = unit.key();
    let mint_bump_seed = [mint_bump];
    ShareMintInit {
        payer: governance,
        mint: share_mint,
        unit_info: unit,
        token_program: share_token_program,
        system_program,
    }
    .create(
        &[SEED_SHARE_MINT, unit_key.as_ref(), &mint_bump_seed],
        &record,
        underlying_mint.decimals,
        &args.metadata,
    )?;
    class.unit_count = class.unit_count.safe_add(1)?;
    record.invariant()?;
    halo_math::emit_event!(UnitCreated {
        class: class_key,
        unit: unit_key,
        unit_id: args.unit_id,
        underlying_mint: record.underlying_mint,
        share_mint: record.share_mint,
        pau_controller: record.pau_controller,
        beacon: args.beacon,
        freezer: args.freezer,
        rate_wad: args.rate_wad,
        params: args.params,
    });
    Ok(())
}
