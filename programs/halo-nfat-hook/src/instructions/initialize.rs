use anchor_lang::prelude::*;
use anchor_lang::system_program;
use anchor_spl::token_2022::spl_token_2022::{
    extension::{transfer_hook::TransferHook, BaseStateWithExtensions, StateWithExtensions},
    state::Mint as MintState,
};
use spl_tlv_account_resolution::{
    account::ExtraAccountMeta, seeds::Seed, state::ExtraAccountMetaList,
};
use spl_transfer_hook_interface::instruction::ExecuteInstruction;

use crate::{constants::*, errors::HookError};

/// Creates the NFT mint's extra-account-metas account: `[facility, halo_nfat, the
/// receiver's allow-list entry ["holder", facility, destination.owner] under halo_nfat]`.
/// The facility is the mint's mint authority, which signs (halo_nfat's facility PDA,
/// while it mints the deal's NFT). Refused: a signer that is not the mint authority, a
/// mint whose transfer hook is not this program.
#[derive(Accounts)]
pub struct InitializeExtraAccountMetaList<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    /// The mint authority of `mint`, and the facility the list names.
    pub mint_authority: Signer<'info>,
    /// CHECK: parsed below (a Token-2022 mint whose transfer hook is this program).
    #[account(owner = anchor_spl::token_2022::ID @ HookError::WrongTokenAccount)]
    pub mint: UncheckedAccount<'info>,
    /// CHECK: created here at its PDA (seeds checked).
    #[account(mut, seeds = [SEED_EXTRA_ACCOUNT_METAS, mint.key().as_ref()], bump)]
    pub extra_account_meta_list: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl InitializeExtraAccountMetaList<'_> {
    fn validate(&self) -> Result<()> {
        let data = self.mint.try_borrow_data()?;
        let mint = StateWithExtensions::<MintState>::unpack(&data)
            .map_err(|_| error!(HookError::WrongTokenAccount))?;
        require!(
            Option::<Pubkey>::from(mint.base.mint_authority) == Some(self.mint_authority.key()),
            HookError::NotMintAuthority
        );
        let hook = mint
            .get_extension::<TransferHook>()
            .map_err(|_| error!(HookError::HookNotOnMint))?;
        require!(
            Option::<Pubkey>::from(hook.program_id) == Some(crate::ID),
            HookError::HookNotOnMint
        );
        Ok(())
    }
}

/// The extra accounts of every transfer of a mint of `facility`.
pub fn extra_account_metas(facility: &Pubkey) -> Result<[ExtraAccountMeta; 3]> {
    let program_index = FIRST_EXTRA
        .checked_add(1)
        .ok_or(ProgramError::InvalidSeeds)?;
    Ok([
        ExtraAccountMeta::new_with_pubkey(facility, false, false)?,
        ExtraAccountMeta::new_with_pubkey(&HALO_NFAT_ID, false, false)?,
        ExtraAccountMeta::new_external_pda_with_seeds(
            program_index,
            &[
                Seed::Literal {
                    bytes: SEED_HOLDER.to_vec(),
                },
                Seed::AccountKey { index: FIRST_EXTRA },
                // the destination token account's owner
                Seed::AccountData {
                    account_index: 2,
                    data_index: 32,
                    length: 32,
                },
            ],
            false,
            false,
        )?,
    ])
}

pub fn handler(ctx: Context<InitializeExtraAccountMetaList>) -> Result<()> {
    ctx.accounts.validate()?;
    let a = &ctx.accounts;
    let metas = extra_account_metas(&a.mint_authority.key())?;
    let space = ExtraAccountMetaList::size_of(metas.len())?;
    let rent = Rent::get()?.minimum_balance(space);
    let mint_key = a.mint.key();
    let seeds: &[&[u8]] = &[
        SEED_EXTRA_ACCOUNT_METAS,
        mint_key.as_ref(),
        &[ctx.bumps.extra_account_meta_list],
    ];
    let list = a.extra_account_meta_list.to_account_info();
    let have = list.lamports();
    let sys = a.system_program.key();
    if have == 0 {
        system_program::create_account(
            CpiContext::new_with_signer(
                sys,
                system_program::CreateAccount {
                    from: a.payer.to_account_info(),
                    to: list.clone(),
                },
                &[seeds],
            ),
            rent,
            u64::try_from(space).map_err(|_| ProgramError::InvalidAccountData)?,
            &crate::ID,
        )?;
    } else {
        // pre-funded by someone: top up, allocate and assign (cannot block the mint)
        let top_up = rent.saturating_sub(have);
        if top_up > 0 {
            system_program::transfer(
                CpiContext::new(
                    sys,
                    system_program::Transfer {
                        from: a.payer.to_account_info(),
                        to: list.clone(),
                    },
                ),
                top_up,
            )?;
        }
        system_program::allocate(
            CpiContext::new_with_signer(
                sys,
                system_program::Allocate {
                    account_to_allocate: list.clone(),
                },
                &[seeds],
            ),
            u64::try_from(space).map_err(|_| ProgramError::InvalidAccountData)?,
        )?;
        system_program::assign(
            CpiContext::new_with_signer(
                sys,
                system_program::Assign {
                    account_to_assign: list.clone(),
                },
                &[seeds],
            ),
            &crate::ID,
        )?;
    }
    let mut data = list.try_borrow_mut_data()?;
    ExtraAccountMetaList::init::<ExecuteInstruction>(&mut data, &metas)?;
    Ok(())
}
