//! Token movements of the pool: `transfer_checked` through the token interface.
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, TokenInterface, TransferChecked};

use crate::state::Pool;

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

/// The balance of a token account, read from its current data (fresh after a CPI).
#[inline(always)]
pub fn amount_of(account: &AccountInfo) -> Result<u64> {
    halo_accounts::token_amount(account)
        .ok_or_else(|| error!(crate::errors::TradingError::WrongVault))
}
