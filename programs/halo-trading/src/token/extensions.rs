//! Which mints a pool accepts: the PAU's extension allow-list, minus what a pool priced
//! on raw amounts cannot absorb.
use anchor_lang::prelude::*;
use anchor_spl::token_interface::Mint;

use crate::errors::TradingError;

/// The mint may carry only extensions the pool handles: the PAU's allow-list (no hook,
/// permanent delegate, close authority, confidential transfers...) minus transfer fees,
/// which the PAU measures but a swap priced on the amount sent cannot absorb, and minus
/// interest-bearing configs, whose UI amount grows while the pool prices raw amounts.
pub fn check_mint(mint: &InterfaceAccount<Mint>) -> Result<()> {
    halo_pau::mint_extensions::check_raw_amount_mint(&mint.to_account_info())
        .map_err(|_| TradingError::UnsupportedMintExtension)?;
    require!(
        mint.decimals <= halo_math::pricing::MAX_DECIMALS,
        TradingError::DecimalsTooLarge
    );
    Ok(())
}
