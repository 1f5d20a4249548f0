use anchor_lang::prelude::*;
use anchor_spl::token_2022::spl_token_2022::{
    extension::{transfer_hook::TransferHookAccount, BaseStateWithExtensions, StateWithExtensions},
    state::Account as TokenAccountState,
};
use spl_tlv_account_resolution::state::ExtraAccountMetaList;
use spl_transfer_hook_interface::instruction::ExecuteInstruction;

use crate::{constants::*, errors::HookError};

/// The transfer-hook interface's `Execute`: source, mint, destination, owner, the
/// validation account, then the extra accounts it lists. Refused: not inside a
/// Token-2022 transfer (the source's `transferring` flag is off), token accounts of
/// another mint, accounts other than the list's, a facility that is not halo_nfat's,
/// and, while the facility's allow-list is on, a receiver without an allow-list entry.
#[derive(Accounts)]
pub struct Execute<'info> {
    /// CHECK: parsed below (a Token-2022 account of `mint`, mid-transfer).
    #[account(owner = anchor_spl::token_2022::ID @ HookError::WrongTokenAccount)]
    pub source: UncheckedAccount<'info>,
    /// CHECK: the NFT mint (the token accounts are checked against it).
    pub mint: UncheckedAccount<'info>,
    /// CHECK: parsed below (a Token-2022 account of `mint`).
    #[account(owner = anchor_spl::token_2022::ID @ HookError::WrongTokenAccount)]
    pub destination: UncheckedAccount<'info>,
    /// CHECK: the source's owner or delegate (Token-2022 checked its signature).
    pub owner: UncheckedAccount<'info>,
    /// CHECK: the mint's validation account (seeds checked).
    #[account(seeds = [SEED_EXTRA_ACCOUNT_METAS, mint.key().as_ref()], bump)]
    pub extra_account_meta_list: UncheckedAccount<'info>,
    /// CHECK: the facility the list names (checked against the list, then parsed).
    pub facility: UncheckedAccount<'info>,
    /// CHECK: halo_nfat (checked against the list).
    pub nfat_program: UncheckedAccount<'info>,
    /// CHECK: the receiver's allow-list entry PDA (checked against the list; it may not exist).
    pub holder: UncheckedAccount<'info>,
}

impl Execute<'_> {
    fn validate(&self, instruction_data: &[u8]) -> Result<()> {
        let mint = self.mint.key();
        {
            let data = self.source.try_borrow_data()?;
            let source = StateWithExtensions::<TokenAccountState>::unpack(&data)
                .map_err(|_| error!(HookError::WrongTokenAccount))?;
            require_keys_eq!(source.base.mint, mint, HookError::WrongTokenAccount);
            let flag = source
                .get_extension::<TransferHookAccount>()
                .map_err(|_| error!(HookError::NotTransferring))?;
            require!(bool::from(flag.transferring), HookError::NotTransferring);
        }
        {
            let data = self.destination.try_borrow_data()?;
            let destination = StateWithExtensions::<TokenAccountState>::unpack(&data)
                .map_err(|_| error!(HookError::WrongTokenAccount))?;
            require_keys_eq!(destination.base.mint, mint, HookError::WrongTokenAccount);
        }
        let infos = self.to_account_infos();
        let list = self.extra_account_meta_list.try_borrow_data()?;
        ExtraAccountMetaList::check_account_infos::<ExecuteInstruction>(
            &infos,
            instruction_data,
            &crate::ID,
            &list,
        )
        .map_err(|_| error!(HookError::ExtraAccountsMismatch))?;
        Ok(())
    }

    /// The facility's allow-list flag (its account is halo_nfat's `Facility`).
    fn allow_list_on(&self) -> Result<bool> {
        require_keys_eq!(*self.facility.owner, HALO_NFAT_ID, HookError::NotAFacility);
        let data = self.facility.try_borrow_data()?;
        require!(
            data.get(..8) == Some(&FACILITY_DISCRIMINATOR[..]),
            HookError::NotAFacility
        );
        let flag = data
            .get(FACILITY_ALLOW_LIST_OFFSET)
            .copied()
            .ok_or_else(|| error!(HookError::NotAFacility))?;
        Ok(flag != 0)
    }

    /// The receiver's entry exists (a halo_nfat `HolderEntry` at the list's address).
    fn receiver_listed(&self) -> Result<bool> {
        if *self.holder.owner != HALO_NFAT_ID {
            return Ok(false);
        }
        let data = self.holder.try_borrow_data()?;
        Ok(data.get(..8) == Some(&HOLDER_DISCRIMINATOR[..]))
    }
}

pub fn handler(ctx: Context<Execute>, amount: u64) -> Result<()> {
    let mut data = Vec::with_capacity(16);
    data.extend_from_slice(&[105, 37, 101, 197, 75, 251, 102, 26]);
    data.extend_from_slice(&amount.to_le_bytes());
    let a = &ctx.accounts;
    a.validate(&data)?;
    if a.allow_list_on()? {
        require!(a.receiver_listed()?, HookError::ReceiverNotAllowListed);
    }
    Ok(())
}
