use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use crate::{
    errors::NfatError,
    events::{DealClosed, Redeemed},
    math::OrOverflow,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef, NftBurn},
};

/// The current holder of a deal's NFT (a token account holding it, signed by its owner)
/// takes up to `max` of what is funded and unclaimed (penalty, interest, then principal),
/// at their own pace and with no penalty for claiming late; it works while the facility is
/// halted. When nothing is outstanding and nothing funded remains (or the deal was
/// written off and nothing is left), the NFT is burned, the holder's NFT account and the
/// mint closed, and the deal closed, all rent to the holder. Refused: a token account not
/// holding the NFT or not the signer's, a look-alike mint, another facility's deal, zero,
/// nothing funded to redeem.
#[derive(Accounts)]
pub struct Redeem<'info> {
    #[account(mut)]
    pub holder: Signer<'info>,
    #[account(
        mut,
        constraint = holder_nft_account.mint == nft_mint.key() @ NfatError::NotNftHolder,
        constraint = holder_nft_account.owner == holder.key() @ NfatError::NotTokenAccountOwner,
        constraint = holder_nft_account.amount == 1 @ NfatError::NotNftHolder,
    )]
    pub holder_nft_account: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, constraint = holder_token.mint == deposit_mint.key() @ NfatError::WrongDepositMint)]
    pub holder_token: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        has_one = deposit_mint @ NfatError::WrongDepositMint,
        has_one = redeem_vault @ NfatError::WrongRedeemVault,
    )]
    pub facility: Box<Account<'info, Facility>>,
    #[account(
        mut,
        has_one = facility @ NfatError::OfAnotherFacility,
        has_one = nft_mint @ NfatError::WrongNftMint,
    )]
    pub deal: Box<Account<'info, Deal>>,
    /// CHECK: the deal's NFT mint (pinned above).
    #[account(mut)]
    pub nft_mint: UncheckedAccount<'info>,
    /// CHECK: pinned to the facility's redeem vault.
    #[account(mut)]
    pub redeem_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
    pub nft_token_program: Program<'info, Token2022>,
}

pub fn handler(ctx: Context<Redeem>, max: u64) -> Result<()> {
    let a = ctx.accounts;
    require!(max > 0, NfatError::ZeroAmount);
    let paid = a.deal.ledger.redeem(max).or_overflow()?;
    let total = paid.total().or_overflow()?;
    let finished = a.deal.finished()?;
    require!(total > 0 || finished, NfatError::NothingToRedeem);
    let facility_info = a.facility.to_account_info();
    move_tokens(
        MintRef {
            token_program: a.deposit_token_program.as_ref(),
            mint: a.deposit_mint.as_ref(),
            decimals: a.facility.deposit_decimals,
        },
        a.redeem_vault.as_ref(),
        &a.holder_token.to_account_info(),
        Authority::Facility(&facility_info, &a.facility),
        total,
    )?;
    a.facility.paid_from_redeem(total)?;
    if a.deal.status != DealStatus::WrittenOff {
        a.facility.principal_claimed(paid.principal)?;
    }
    a.deal.invariant()?;
    halo_math::emit_event!(Redeemed {
        deal: a.deal.key(),
        holder: a.holder.key(),
        principal: paid.principal,
        interest: paid.interest,
        penalty: paid.penalty,
        principal_outstanding: a.deal.ledger.principal_outstanding,
    });
    if finished {
        NftBurn {
            holder: a.holder.as_ref(),
            holder_token: &a.holder_nft_account.to_account_info(),
            mint: a.nft_mint.as_ref(),
            facility_info: &facility_info,
            token_program: a.nft_token_program.as_ref(),
        }
        .burn_and_close(&a.facility)?;
        let written_off = a.deal.status == DealStatus::WrittenOff;
        if !written_off {
            a.facility
                .close_deal(a.deal.status == DealStatus::Defaulted, 0)?;
        }
        a.deal.close(a.holder.to_account_info())?;
        halo_math::emit_event!(DealClosed {
            deal: a.deal.key(),
            holder: a.holder.key(),
            nft_mint: a.nft_mint.key(),
            written_off,
        });
    }
    a.facility
        .invariant(None, Some(amount_of(a.redeem_vault.as_ref())?))?;
    Ok(())
}
