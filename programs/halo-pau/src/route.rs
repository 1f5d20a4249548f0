//! Route keys, token movement out of / into custody, and the mint extension allow-list.
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{
    self,
    spl_token_2022::extension::{BaseStateWithExtensions, ExtensionType, StateWithExtensions},
    Mint, TokenAccount, TokenInterface, TransferChecked,
};
use halo_math::{RateLimitError, RateLimitState};

use crate::constants::{MAX_TAG_LEN, SEED_PROXY};
use crate::errors::PauError;

/// `sha256(tag || mint || counterparty)`: the rate-limit key of a route.
pub fn rate_limit_key(tag: &[u8], mint: &Pubkey, counterparty: &Pubkey) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[tag, mint.as_ref(), counterparty.as_ref()]).to_bytes()
}

/// Checks a tag's length and returns it zero-padded.
pub fn pad_tag(tag: &[u8]) -> Result<[u8; MAX_TAG_LEN]> {
    require!(
        !tag.is_empty() && tag.len() <= MAX_TAG_LEN,
        PauError::InvalidTag
    );
    let mut out = [0u8; MAX_TAG_LEN];
    out[..tag.len()].copy_from_slice(tag);
    Ok(out)
}

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
/// still raise the fee later: every movement is bounded by [`check_received`] too.
pub fn check_mint_extensions(mint: &AccountInfo, max_fee_bps: u16) -> Result<()> {
    use anchor_spl::token_interface::spl_token_2022::extension::transfer_fee::TransferFeeConfig;
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

/// Refuses a movement of `amount` that delivered `received`, less than the route's
/// largest allowed transfer fee leaves (`halo_math::min_received_after_fee`).
pub fn check_received(amount: u64, received: u64, max_fee_bps: u16) -> Result<()> {
    let min = halo_math::min_received_after_fee(amount, max_fee_bps)
        .map_err(|_| error!(PauError::MathOverflow))?;
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

/// Maps the maths crate's refusal to this program's errors.
pub fn consume(state: &mut RateLimitState, now: i64, amount: u64) -> Result<()> {
    state.consume(now, amount).map_err(|e| match e {
        RateLimitError::RouteClosed => error!(PauError::RouteClosed),
        RateLimitError::Exceeded {
            available,
            requested,
        } => {
            msg!(
                "rate limit: requested {} > available {}",
                requested,
                available
            );
            error!(PauError::RateLimitExceeded)
        }
    })
}

/// Moves `amount` out of custody, signed by the ALM proxy. Returns what `to` received
/// (less a Token-2022 transfer fee, measured by balance difference), refusing a loss
/// beyond the route's `max_fee_bps`.
#[allow(clippy::too_many_arguments)]
pub fn pay_out_of_custody<'info>(
    token_program: &Interface<'info, TokenInterface>,
    custody: &InterfaceAccount<'info, TokenAccount>,
    mint: &InterfaceAccount<'info, Mint>,
    to: &mut InterfaceAccount<'info, TokenAccount>,
    proxy: &AccountInfo<'info>,
    controller: &Pubkey,
    proxy_bump: u8,
    amount: u64,
    max_fee_bps: u16,
) -> Result<u64> {
    let before = to.amount;
    let bump = [proxy_bump];
    let seeds: &[&[u8]] = &[SEED_PROXY, controller.as_ref(), &bump];
    let signer = &[seeds];
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
    )?;
    to.reload()?;
    let received = to
        .amount
        .checked_sub(before)
        .ok_or_else(|| error!(PauError::MathOverflow))?;
    check_received(amount, received, max_fee_bps)?;
    Ok(received)
}

/// SORL check with this program's errors.
pub fn check_sorl(
    params: halo_math::SorlParams,
    now: i64,
    last_increase_ts: i64,
    old: (u64, u64),
    new: (u64, u64),
    reopen_cap: (u64, u64),
) -> Result<halo_math::SorlOutcome> {
    use halo_math::SorlError;
    halo_math::check_sorl(params, now, last_increase_ts, old, new, reopen_cap).map_err(
        |e| match e {
            SorlError::HopNotElapsed { next_allowed_ts } => {
                msg!("next increase allowed at {}", next_allowed_ts);
                error!(PauError::SorlHopNotElapsed)
            }
            SorlError::MaxAmountIncreaseTooLarge { limit } => {
                msg!("max_amount may rise to at most {}", limit);
                error!(PauError::SorlMaxAmountIncreaseTooLarge)
            }
            SorlError::SlopeIncreaseTooLarge { limit } => {
                msg!("slope may rise to at most {}", limit);
                error!(PauError::SorlSlopeIncreaseTooLarge)
            }
        },
    )
}
