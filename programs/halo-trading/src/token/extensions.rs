//! Which mints a pool accepts: the PAU's extension allow-list, minus what a pool priced
//! on raw amounts cannot absorb.
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{
    spl_token_2022::extension::{BaseStateWithExtensions, ExtensionType, StateWithExtensions},
    Mint,
};

use crate::errors::TradingError;

/// The mint may carry only extensions the pool handles: the PAU's allow-list (no hook,
/// permanent delegate, close authority, confidential transfers...) minus transfer fees,
/// which the PAU measures but a swap priced on the amount sent cannot absorb, and minus
/// interest-bearing configs, whose UI amount grows while the pool prices raw amounts.
pub fn check_mint(mint: &InterfaceAccount<Mint>) -> Result<()> {
    let info = mint.to_account_info();
    halo_pau::mint_extensions::check_mint_extensions(&info, 0)
        .map_err(|_| TradingError::UnsupportedMintExtension)?;
    if *info.owner == anchor_spl::token_2022::ID {
        let data = info.try_borrow_data()?;
        let state =
            StateWithExtensions::<anchor_spl::token_2022::spl_token_2022::state::Mint>::unpack(
                &data,
            )?;
        let types = state.get_extension_types()?;
        require!(
            !types.contains(&ExtensionType::TransferFeeConfig)
                && !types.contains(&ExtensionType::InterestBearingConfig),
            TradingError::UnsupportedMintExtension
        );
    }
    require!(
        mint.decimals <= halo_math::pricing::MAX_DECIMALS,
        TradingError::DecimalsTooLarge
    );
    Ok(())
}
