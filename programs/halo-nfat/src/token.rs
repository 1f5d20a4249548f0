//! Token handling: deposit-mint movements (`transfer_checked` through the token interface,
//! signed by their owner or by the facility PDA), the facility's PAU legs, and the deal
//! NFT's life: its Token-2022 mint (metadata pointer + token metadata with the deal's key
//! terms, mint-close authority, transfer hook), the single token minted to the Prime,
//! and at the end the burn and the closes.
use anchor_lang::prelude::*;
use anchor_lang::solana_program::program::invoke_signed;
use anchor_lang::system_program;
use anchor_spl::token_2022::spl_token_2022::{
    self as t22, extension::ExtensionType, instruction::AuthorityType, state::Mint as MintState,
};
use anchor_spl::token_interface::{
    self, spl_token_metadata_interface::state::Field, Burn, CloseAccount, MintTo, SetAuthority,
    TransferChecked,
};

use crate::{errors::NfatError, math::OrOverflow, state::Facility};

/// The facility's deposit mint with its token program.
#[derive(Clone, Copy)]
pub struct MintRef<'a, 'info> {
    pub token_program: &'a AccountInfo<'info>,
    pub mint: &'a AccountInfo<'info>,
    pub decimals: u8,
}

/// Who authorises a movement: the owner signing the transaction, or the facility PDA
/// (the owner of every facility vault) by its seeds.
pub enum Authority<'a, 'info> {
    Owner(&'a AccountInfo<'info>),
    Facility(&'a AccountInfo<'info>, &'a Facility),
}

/// Moves `amount` with `transfer_checked` (nothing for zero).
pub fn move_tokens<'info>(
    m: MintRef<'_, 'info>,
    from: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    authority: Authority<'_, 'info>,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let (signer_info, facility) = match authority {
        Authority::Owner(info) => (info.clone(), None),
        Authority::Facility(info, f) => (info.clone(), Some(f)),
    };
    let accounts = TransferChecked {
        from: from.clone(),
        mint: m.mint.clone(),
        to: to.clone(),
        authority: signer_info,
    };
    let program = m.token_program.key();
    match facility {
        None => token_interface::transfer_checked(
            CpiContext::new(program, accounts),
            amount,
            m.decimals,
        ),
        Some(f) => f.with_signer(|s| {
            token_interface::transfer_checked(
                CpiContext::new_with_signer(program, accounts, s),
                amount,
                m.decimals,
            )
        }),
    }
}

/// The balance of a token account, read from its current data (fresh after a CPI).
#[inline(always)]
pub fn amount_of(account: &AccountInfo) -> Result<u64> {
    halo_accounts::token_amount(account).ok_or_else(|| error!(NfatError::VaultShort))
}

/// The deposit mint may carry only the PAU's allowed extensions, minus transfer fees and
/// interest-bearing configs (the facility books raw amounts).
pub fn check_deposit_mint(mint: &AccountInfo) -> Result<()> {
    halo_pau::mint_extensions::check_raw_amount_mint(mint)
        .map_err(|_| error!(NfatError::UnsupportedMintExtension))
}

/// The `halo_pau` accounts a draw goes through (validated by `halo_pau`; the facility pins
/// the controller and the route).
pub struct PauLeg<'a, 'info> {
    pub integration: &'a AccountInfo<'info>,
    pub controller: &'a AccountInfo<'info>,
    pub proxy: &'a AccountInfo<'info>,
    pub rate_limit: &'a AccountInfo<'info>,
    pub custody: &'a AccountInfo<'info>,
    pub pau_program: &'a AccountInfo<'info>,
}

impl<'info> PauLeg<'_, 'info> {
    /// `halo_pau::draw`: `amount` out of custody to `destination` along the leg's route,
    /// signed by the facility PDA (the registered integration).
    pub fn draw(
        &self,
        facility_info: &AccountInfo<'info>,
        facility: &Facility,
        m: MintRef<'_, 'info>,
        destination: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        let accounts = halo_pau::cpi::accounts::Draw {
            integration_signer: facility_info.clone(),
            integration: self.integration.clone(),
            controller: self.controller.clone(),
            proxy: self.proxy.clone(),
            rate_limit: self.rate_limit.clone(),
            mint: m.mint.clone(),
            custody: self.custody.clone(),
            destination: destination.clone(),
            token_program: m.token_program.clone(),
        };
        let program = self.pau_program.key();
        facility.with_signer(|s| {
            halo_pau::cpi::draw(CpiContext::new_with_signer(program, accounts, s), amount)
        })
    }
}

/// The deal NFT's metadata: a readable name and the key terms as additional fields.
pub struct NftMetadata {
    pub name: String,
    pub symbol: String,
    pub uri: String,
    pub fields: Vec<(String, String)>,
}

impl NftMetadata {
    /// Bytes of the TokenMetadata extension (TLV header, update authority, mint, three
    /// strings, the additional fields).
    pub fn extension_len(&self) -> Result<usize> {
        let mut n = 4usize
            .checked_add(32 + 32 + 4 + 4 + 4 + 4)
            .and_then(|n| n.checked_add(self.name.len()))
            .and_then(|n| n.checked_add(self.symbol.len()))
            .and_then(|n| n.checked_add(self.uri.len()))
            .or_overflow()?;
        for (k, v) in &self.fields {
            n = n
                .checked_add(8)
                .and_then(|n| n.checked_add(k.len()))
                .and_then(|n| n.checked_add(v.len()))
                .or_overflow()?;
        }
        Ok(n)
    }
}

/// The accounts creating and minting a deal NFT.
pub struct NftMint<'a, 'info> {
    pub payer: &'a AccountInfo<'info>,
    pub mint: &'a AccountInfo<'info>,
    pub facility_info: &'a AccountInfo<'info>,
    pub token_program: &'a AccountInfo<'info>,
    pub system_program: &'a AccountInfo<'info>,
}

impl<'info> NftMint<'_, 'info> {
    /// Creates the Token-2022 mint at its PDA (`mint_seeds`), whatever lamports already sit
    /// there: metadata pointer to itself, mint-close authority and metadata update
    /// authority the facility, transfer hook `hook_program`, decimals 0, mint authority the
    /// facility (dropped after the mint), no freeze authority; then writes the metadata
    /// and its fields.
    pub fn create(
        &self,
        mint_seeds: &[&[u8]],
        facility: &Facility,
        hook_program: &Pubkey,
        meta: &NftMetadata,
    ) -> Result<()> {
        let base = ExtensionType::try_calculate_account_len::<MintState>(&[
            ExtensionType::MetadataPointer,
            ExtensionType::MintCloseAuthority,
            ExtensionType::TransferHook,
        ])?;
        halo_accounts::create_pda_account(
            self.payer,
            self.mint,
            self.system_program,
            base,
            mint_seeds,
            &t22::ID,
        )?;
        // the metadata grows the account: fund the final size's rent now
        let full =
            Rent::get()?.minimum_balance(base.checked_add(meta.extension_len()?).or_overflow()?);
        let top_up = full.saturating_sub(self.mint.lamports());
        if top_up > 0 {
            system_program::transfer(
                CpiContext::new(
                    self.system_program.key(),
                    system_program::Transfer {
                        from: self.payer.clone(),
                        to: self.mint.clone(),
                    },
                ),
                top_up,
            )?;
        }
        let facility_key = self.facility_info.key();
        let mint_key = self.mint.key;
        let infos = [self.mint.clone(), self.token_program.clone()];
        for ix in [
            t22::extension::metadata_pointer::instruction::initialize(
                &t22::ID,
                mint_key,
                Some(facility_key),
                Some(*mint_key),
            )?,
            t22::instruction::initialize_mint_close_authority(
                &t22::ID,
                mint_key,
                Some(&facility_key),
            )?,
            t22::extension::transfer_hook::instruction::initialize(
                &t22::ID,
                mint_key,
                None,
                Some(*hook_program),
            )?,
            t22::instruction::initialize_mint2(&t22::ID, mint_key, &facility_key, None, 0)?,
        ] {
            invoke_signed(&ix, &infos, &[])?;
        }
        let program = self.token_program.key();
        facility.with_signer(|s| {
            token_interface::token_metadata_initialize(
                CpiContext::new_with_signer(
                    program,
                    token_interface::TokenMetadataInitialize {
                        program_id: self.token_program.clone(),
                        metadata: self.mint.clone(),
                        update_authority: self.facility_info.clone(),
                        mint_authority: self.facility_info.clone(),
                        mint: self.mint.clone(),
                    },
                    s,
                ),
                meta.name.clone(),
                meta.symbol.clone(),
                meta.uri.clone(),
            )?;
            for (k, v) in &meta.fields {
                token_interface::token_metadata_update_field(
                    CpiContext::new_with_signer(
                        program,
                        token_interface::TokenMetadataUpdateField {
                            program_id: self.token_program.clone(),
                            metadata: self.mint.clone(),
                            update_authority: self.facility_info.clone(),
                        },
                        s,
                    ),
                    Field::Key(k.clone()),
                    v.clone(),
                )?;
            }
            Ok(())
        })
    }
}

/// A deal NFT's delivery: the single token minted into `to` by the facility (the mint
/// authority), then the mint authority dropped (supply stays 1 for good).
pub struct NftDelivery<'a, 'info> {
    pub mint: &'a AccountInfo<'info>,
    pub facility_info: &'a AccountInfo<'info>,
    pub token_program: &'a AccountInfo<'info>,
}

impl<'info> NftDelivery<'_, 'info> {
    /// Mints the single token into `to` and drops the mint authority (supply stays 1).
    pub fn mint_one(&self, facility: &Facility, to: &AccountInfo<'info>) -> Result<()> {
        let program = self.token_program.key();
        facility.with_signer(|s| {
            token_interface::mint_to(
                CpiContext::new_with_signer(
                    program,
                    MintTo {
                        mint: self.mint.clone(),
                        to: to.clone(),
                        authority: self.facility_info.clone(),
                    },
                    s,
                ),
                1,
            )?;
            token_interface::set_authority(
                CpiContext::new_with_signer(
                    program,
                    SetAuthority {
                        current_authority: self.facility_info.clone(),
                        account_or_mint: self.mint.clone(),
                    },
                    s,
                ),
                AuthorityType::MintTokens,
                None,
            )
        })
    }
}

/// The end of a deal's NFT: the holder's token burned (the holder signs), the holder's
/// token account closed and the mint closed by the facility (its close authority), all
/// rent to the holder.
pub struct NftBurn<'a, 'info> {
    pub holder: &'a AccountInfo<'info>,
    pub holder_token: &'a AccountInfo<'info>,
    pub mint: &'a AccountInfo<'info>,
    pub facility_info: &'a AccountInfo<'info>,
    pub token_program: &'a AccountInfo<'info>,
}

impl NftBurn<'_, '_> {
    pub fn burn_and_close(&self, facility: &Facility) -> Result<()> {
        let program = self.token_program.key();
        token_interface::burn(
            CpiContext::new(
                program,
                Burn {
                    mint: self.mint.clone(),
                    from: self.holder_token.clone(),
                    authority: self.holder.clone(),
                },
            ),
            1,
        )?;
        token_interface::close_account(CpiContext::new(
            program,
            CloseAccount {
                account: self.holder_token.clone(),
                destination: self.holder.clone(),
                authority: self.holder.clone(),
            },
        ))?;
        facility.with_signer(|s| {
            token_interface::close_account(CpiContext::new_with_signer(
                program,
                CloseAccount {
                    account: self.mint.clone(),
                    destination: self.holder.clone(),
                    authority: self.facility_info.clone(),
                },
                s,
            ))
        })
    }
}
