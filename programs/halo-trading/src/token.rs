//! Token movements of the pool: `transfer_checked` through the token interface.
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{
    self,
    spl_token_2022::extension::{BaseStateWithExtensions, ExtensionType, StateWithExtensions},
    Mint, TokenInterface, TransferChecked,
};

use crate::{errors::TradingError, state::Pool};

/// A mint as the token program needs it for `transfer_checked`: the account and the
/// decimals the pool recorded (the token program re-checks both).
pub struct MintRef<'a, 'info> {
    pub info: &'a AccountInfo<'info>,
    pub decimals: u8,
}

/// Pays `amount` out of one of the pool's vaults; the pool PDA signs.
pub fn pay_from_vault<'info>(
    token_program: &Interface<'info, TokenInterface>,
    vault: &AccountInfo<'info>,
    mint: MintRef<'_, 'info>,
    to: &AccountInfo<'info>,
    pool: &Account<'info, Pool>,
    amount: u64,
) -> Result<()> {
    let pool_info = pool.to_account_info();
    pool.with_signer(|signer| {
        token_interface::transfer_checked(
            CpiContext::new_with_signer(
                token_program.key(),
                TransferChecked {
                    from: vault.clone(),
                    mint: mint.info.clone(),
                    to: to.clone(),
                    authority: pool_info,
                },
                signer,
            ),
            amount,
            mint.decimals,
        )
    })
}

/// Moves `amount` from a user's token account into a pool vault; the user signs.
pub fn pull_into_vault<'info>(
    token_program: &Interface<'info, TokenInterface>,
    from: &AccountInfo<'info>,
    mint: MintRef<'_, 'info>,
    vault: &AccountInfo<'info>,
    authority: &Signer<'info>,
    amount: u64,
) -> Result<()> {
    token_interface::transfer_checked(
        CpiContext::new(
            token_program.key(),
            TransferChecked {
                from: from.clone(),
                mint: mint.info.clone(),
                to: vault.clone(),
                authority: authority.to_account_info(),
            },
        ),
        amount,
        mint.decimals,
    )
}

/// The mint may carry only extensions the pool handles: the PAU's allow-list (no hook,
/// permanent delegate, close authority, confidential transfers...) minus transfer fees,
/// which the PAU measures but a swap priced on the amount sent cannot absorb, and minus
/// interest-bearing configs, whose UI amount grows while the pool prices raw amounts.
pub fn check_mint(mint: &InterfaceAccount<Mint>) -> Result<()> {
    let info = mint.to_account_info();
    halo_pau::route::check_mint_extensions(&info, 0)
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
