//! Token movements out of and into ALM-proxy custody, each measured by balance difference
//! (a Token-2022 transfer fee shows as less received) and bounded by the route's fee bound.
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, Mint, TokenAccount, TokenInterface, TransferChecked};

use crate::errors::PauError;
use crate::math::{OrOverflow, SafeMath};
use crate::state::Controller;

/// Refuses a movement of `amount` that delivered `received`, less than the route's
/// largest allowed transfer fee leaves (`halo_math::min_received_after_fee`).
pub fn check_received(amount: u64, received: u64, max_fee_bps: u16) -> Result<()> {
    let min = halo_math::min_received_after_fee(amount, max_fee_bps).or_overflow()?;
    if received < min {
        msg!(
            "received {} < {} (amount {}, fee bound {} bps)",
            received,
            min,
            amount,
            max_fee_bps
        );
        return err!(PauError::TransferFeeAboveBound);
    }
    Ok(())
}

/// Moves `amount` out of custody, signed by the ALM proxy of `controller` (at address
/// `controller_key`). Returns what `to` received (less a Token-2022 transfer fee, measured
/// by balance difference), refusing a loss beyond the route's `max_fee_bps`.
#[allow(clippy::too_many_arguments)]
pub fn pay_out_of_custody<'info>(
    token_program: &Interface<'info, TokenInterface>,
    custody: &InterfaceAccount<'info, TokenAccount>,
    mint: &InterfaceAccount<'info, Mint>,
    to: &mut InterfaceAccount<'info, TokenAccount>,
    proxy: &AccountInfo<'info>,
    controller_key: &Pubkey,
    controller: &Controller,
    amount: u64,
    max_fee_bps: u16,
) -> Result<u64> {
    let before = to.amount;
    controller.with_proxy_signer(controller_key, |signer| {
        token_interface::transfer_checked(
            CpiContext::new_with_signer(
                token_program.key(),
                TransferChecked {
                    from: custody.to_account_info(),
                    mint: mint.to_account_info(),
                    to: to.to_account_info(),
                    authority: proxy.clone(),
                },
                signer,
            ),
            amount,
            mint.decimals,
        )
    })?;
    to.reload()?;
    let received = to.amount.safe_sub(before)?;
    check_received(amount, received, max_fee_bps)?;
    Ok(received)
}

/// Moves `amount` from `from` (signed by `authority`) into custody. Returns what custody
/// received (less a Token-2022 transfer fee, measured by balance difference).
pub fn pull_into_custody<'info>(
    token_program: &Interface<'info, TokenInterface>,
    from: &InterfaceAccount<'info, TokenAccount>,
    mint: &InterfaceAccount<'info, Mint>,
    custody: &mut InterfaceAccount<'info, TokenAccount>,
    authority: &AccountInfo<'info>,
    amount: u64,
) -> Result<u64> {
    let before = custody.amount;
    token_interface::transfer_checked(
        CpiContext::new(
            token_program.key(),
            TransferChecked {
                from: from.to_account_info(),
                mint: mint.to_account_info(),
                to: custody.to_account_info(),
                authority: authority.clone(),
            },
        ),
        amount,
        mint.decimals,
    )?;
    custody.reload()?;
    custody.amount.safe_sub(before)
}
