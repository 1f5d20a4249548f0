//! The Token-2022 mint extension allow-list custody routes open against.
use anchor_lang::prelude::*;
use anchor_spl::token_interface::spl_token_2022::extension::{
    transfer_fee::TransferFeeConfig, BaseStateWithExtensions, ExtensionType, StateWithExtensions,
};

use crate::errors::PauError;

/// Token-2022 mint extensions custody can hold safely. Everything else is refused: a
/// permanent delegate could drain custody, a transfer hook needs accounts we do not pass,
/// non-transferable / default-frozen / pausable / confidential mints break settlement, and a
/// mint close authority could close an empty mint and re-create it at the same address
/// with any of those (extensions are only checked when a route opens).
const ALLOWED_MINT_EXTENSIONS: &[ExtensionType] = &[
    ExtensionType::TransferFeeConfig,
    ExtensionType::InterestBearingConfig,
    ExtensionType::MetadataPointer,
    ExtensionType::TokenMetadata,
    ExtensionType::GroupPointer,
    ExtensionType::TokenGroup,
    ExtensionType::GroupMemberPointer,
    ExtensionType::TokenGroupMember,
];

/// Refuses mints with an extension outside `ALLOWED_MINT_EXTENSIONS`, and a transfer fee
/// (current or scheduled) above `max_fee_bps`. SPL Token mints pass. A fee authority can
/// still raise the fee later: every movement is bounded by
/// [`crate::token::check_received`] too.
pub fn check_mint_extensions(mint: &AccountInfo, max_fee_bps: u16) -> Result<()> {
    if *mint.owner != anchor_spl::token_2022::ID {
        return Ok(());
    }
    let data = mint.try_borrow_data()?;
    let state =
        StateWithExtensions::<anchor_spl::token_2022::spl_token_2022::state::Mint>::unpack(&data)?;
    let types = state.get_extension_types()?;
    for t in types.iter() {
        require!(
            ALLOWED_MINT_EXTENSIONS.contains(t),
            PauError::UnsupportedMintExtension
        );
    }
    if let Ok(fee) = state.get_extension::<TransferFeeConfig>() {
        let older = u16::from(fee.older_transfer_fee.transfer_fee_basis_points);
        let newer = u16::from(fee.newer_transfer_fee.transfer_fee_basis_points);
        require!(
            older <= max_fee_bps && newer <= max_fee_bps,
            PauError::TransferFeeTooHigh
        );
    }
    Ok(())
}

/// For programs that book raw amounts (a pool priced on the amount sent, a queue's
/// totals): the PAU's allow-list with no fee at all, and no interest-bearing config (its
/// UI amount grows while the books count raw units). SPL Token mints pass.
pub fn check_raw_amount_mint(mint: &AccountInfo) -> Result<()> {
    check_mint_extensions(mint, 0)?;
    if *mint.owner != anchor_spl::token_2022::ID {
        return Ok(());
    }
    let data = mint.try_borrow_data()?;
    let state =
        StateWithExtensions::<anchor_spl::token_2022::spl_token_2022::state::Mint>::unpack(&data)?;
    let types = state.get_extension_types()?;
    require!(
        !types.contains(&ExtensionType::TransferFeeConfig)
            && !types.contains(&ExtensionType::InterestBearingConfig),
        PauError::UnsupportedMintExtension
    );
    Ok(())
}
