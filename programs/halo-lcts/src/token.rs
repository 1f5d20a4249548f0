//! The queues' token handling: `transfer_checked` through the token interface, the share
//! mint's mint / burn signed by the unit, the share mint's creation (Token-2022 with its
//! metadata on the mint), and the underlying mints a unit accepts.
use anchor_lang::prelude::*;
use anchor_lang::solana_program::program::invoke_signed;
use anchor_lang::system_program;
use anchor_spl::token_2022::spl_token_2022::{extension::ExtensionType, state::Mint as MintState};
use anchor_spl::token_interface::{self, Burn, MintTo, TransferChecked};

use crate::{errors::LctsError, math::OrOverflow, state::LctsUnit};

/// A token movement's program, mint and decimals (the token program re-checks both).
#[derive(Clone, Copy)]
pub struct MintRef<'a, 'info> {
    pub token_program: &'a AccountInfo<'info>,
    pub mint: &'a AccountInfo<'info>,
    pub decimals: u8,
}

/// Who authorises a movement out of `from`: the owner signing the transaction, or the unit
/// PDA (every vault's owner) by its seeds.
pub enum Authority<'a, 'info> {
    Owner(&'a AccountInfo<'info>),
    Unit(&'a AccountInfo<'info>, &'a LctsUnit),
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
    let (signer_info, unit) = match authority {
        Authority::Owner(info) => (info.clone(), None),
        Authority::Unit(info, unit) => (info.clone(), Some(unit)),
    };
    let accounts = TransferChecked {
        from: from.clone(),
        mint: m.mint.clone(),
        to: to.clone(),
        authority: signer_info,
    };
    let program = m.token_program.key();
    match unit {
        None => token_interface::transfer_checked(
            CpiContext::new(program, accounts),
            amount,
            m.decimals,
        ),
        Some(unit) => unit.with_signer(|s| {
            token_interface::transfer_checked(
                CpiContext::new_with_signer(program, accounts, s),
                amount,
                m.decimals,
            )
        }),
    }
}

/// Mints `amount` Halo Unit shares into `to`; the unit signs (nothing for zero).
pub fn mint_shares<'info>(
    m: MintRef<'_, 'info>,
    to: &AccountInfo<'info>,
    unit_info: &AccountInfo<'info>,
    unit: &LctsUnit,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let accounts = MintTo {
        mint: m.mint.clone(),
        to: to.clone(),
        authority: unit_info.clone(),
    };
    unit.with_signer(|s| {
        token_interface::mint_to(
            CpiContext::new_with_signer(m.token_program.key(), accounts, s),
            amount,
        )
    })
}

/// Burns `amount` Halo Unit shares held in one of the unit's vaults (nothing for zero).
pub fn burn_shares<'info>(
    m: MintRef<'_, 'info>,
    from: &AccountInfo<'info>,
    unit_info: &AccountInfo<'info>,
    unit: &LctsUnit,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let accounts = Burn {
        mint: m.mint.clone(),
        from: from.clone(),
        authority: unit_info.clone(),
    };
    unit.with_signer(|s| {
        token_interface::burn(
            CpiContext::new_with_signer(m.token_program.key(), accounts, s),
            amount,
        )
    })
}

/// The balance of a token account, read from its current data (fresh after a CPI).
#[inline(always)]
pub fn amount_of(account: &AccountInfo) -> Result<u64> {
    halo_accounts::token_amount(account).ok_or_else(|| error!(LctsError::WrongVault))
}

/// The underlying mint may carry only the PAU's allowed extensions, minus transfer fees
/// and interest-bearing configs (the queues book raw amounts).
pub fn check_underlying_mint(mint: &AccountInfo) -> Result<()> {
    halo_pau::mint_extensions::check_raw_amount_mint(mint)
        .map_err(|_| error!(LctsError::UnsupportedMintExtension))
}

/// The share mint's name, symbol and URI (Token-2022 token metadata on the mint itself).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ShareMetadata {
    pub name: String,
    pub symbol: String,
    pub uri: String,
}

impl ShareMetadata {
    pub fn validate(&self) -> Result<()> {
        use crate::constants::*;
        require!(
            !self.name.is_empty()
                && self.name.len() <= MAX_NAME_LEN
                && self.symbol.len() <= MAX_SYMBOL_LEN
                && self.uri.len() <= MAX_URI_LEN,
            LctsError::BadMetadata
        );
        Ok(())
    }

    /// Bytes of the TokenMetadata extension (TLV header, update authority, mint, three
    /// strings, an empty additional-metadata list).
    pub fn extension_len(&self) -> Result<usize> {
        4usize
            .checked_add(32 + 32 + 4 + 4 + 4 + 4)
            .and_then(|n| n.checked_add(self.name.len()))
            .and_then(|n| n.checked_add(self.symbol.len()))
            .and_then(|n| n.checked_add(self.uri.len()))
            .or_overflow()
    }
}

/// The accounts creating the share mint.
pub struct ShareMintInit<'a, 'info> {
    pub payer: &'a AccountInfo<'info>,
    pub mint: &'a AccountInfo<'info>,
    pub unit_info: &'a AccountInfo<'info>,
    pub token_program: &'a AccountInfo<'info>,
    pub system_program: &'a AccountInfo<'info>,
}

impl ShareMintInit<'_, '_> {
    /// Creates the Token-2022 share mint at its PDA (`mint_seeds`), whatever lamports
    /// already sit there: metadata pointer to itself, `decimals`, mint authority and
    /// metadata update authority the unit, no freeze authority; then writes the metadata.
    pub fn create(
        &self,
        mint_seeds: &[&[u8]],
        unit: &LctsUnit,
        decimals: u8,
        meta: &ShareMetadata,
    ) -> Result<()> {
        let base = ExtensionType::try_calculate_account_len::<MintState>(&[
            ExtensionType::MetadataPointer,
        ])?;
        halo_accounts::create_pda_account(
            self.payer,
            self.mint,
            self.system_program,
            base,
            mint_seeds,
            &anchor_spl::token_2022::ID,
        )?;
        // the metadata grows the account: fund the final size's rent now
        let rent = Rent::get()?;
        let full = rent.minimum_balance(base.checked_add(meta.extension_len()?).or_overflow()?);
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
        let t22 = anchor_spl::token_2022::spl_token_2022::ID;
        let unit_key = self.unit_info.key();
        let pointer = anchor_spl::token_2022::spl_token_2022::extension::metadata_pointer::instruction::initialize(
            &t22,
            self.mint.key,
            Some(unit_key),
            Some(*self.mint.key),
        )?;
        invoke_signed(
            &pointer,
            &[self.mint.clone(), self.token_program.clone()],
            &[],
        )?;
        let init = anchor_spl::token_2022::spl_token_2022::instruction::initialize_mint2(
            &t22,
            self.mint.key,
            &unit_key,
            None,
            decimals,
        )?;
        invoke_signed(&init, &[self.mint.clone(), self.token_program.clone()], &[])?;
        let accounts = token_interface::TokenMetadataInitialize {
            program_id: self.token_program.clone(),
            metadata: self.mint.clone(),
            update_authority: self.unit_info.clone(),
            mint_authority: self.unit_info.clone(),
            mint: self.mint.clone(),
        };
        unit.with_signer(|s| {
            token_interface::token_metadata_initialize(
                CpiContext::new_with_signer(self.token_program.key(), accounts, s),
                meta.name.clone(),
                meta.symbol.clone(),
                meta.uri.clone(),
            )
        })
    }
}
