use anchor_lang::prelude::*;
use anchor_spl::associated_token::get_associated_token_address_with_program_id;
use anchor_spl::token_2022::Token2022;

use crate::{
    errors::NfatError,
    events::NftDelivered,
    state::*,
    token::{amount_of, NftDelivery},
};

/// Anyone (the beacon, in the strike's transaction) delivers a struck deal's NFT: the one
/// token minted to the depositor's associated Token-2022 account, the mint authority
/// dropped. It goes only to the Prime whose capital the deal took, so a caller chooses
/// nothing but when. Refused: another facility's deal, not the deal's mint, an account
/// other than the depositor's associated account, that account not yet created, a deal
/// whose NFT was already delivered. Not stopped by a halt: a halt never locks a Prime out
/// of what it already has.
#[derive(Accounts)]
pub struct DeliverNft<'info> {
    pub facility: Box<Account<'info, Facility>>,
    #[account(
        mut,
        has_one = facility @ NfatError::OfAnotherFacility,
        has_one = nft_mint @ NfatError::WrongNftMint,
        has_one = depositor @ NfatError::NotDepositor,
    )]
    pub deal: Box<Account<'info, Deal>>,
    /// CHECK: pinned to the deal's NFT mint.
    #[account(mut)]
    pub nft_mint: UncheckedAccount<'info>,
    /// CHECK: pinned to the deal's depositor.
    pub depositor: UncheckedAccount<'info>,
    /// CHECK: the depositor's associated token account for the NFT (address checked; must
    /// exist, see `validate`).
    #[account(
        mut,
        address = get_associated_token_address_with_program_id(
            &depositor.key(),
            &nft_mint.key(),
            &anchor_spl::token_2022::ID,
        ) @ NfatError::NotDepositorNftAccount,
    )]
    pub depositor_nft_account: UncheckedAccount<'info>,
    pub nft_token_program: Program<'info, Token2022>,
}

impl DeliverNft<'_> {
    pub fn validate(&self) -> Result<()> {
        require!(
            self.deal.nft_delivered_at == 0,
            NfatError::NftAlreadyDelivered
        );
        require!(
            self.depositor_nft_account.owner == &anchor_spl::token_2022::ID
                && !self.depositor_nft_account.data_is_empty(),
            NfatError::NftAccountMissing
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<DeliverNft>) -> Result<()> {
    let a = ctx.accounts;
    a.deal.deliver(Clock::get()?.unix_timestamp)?;
    NftDelivery {
        mint: a.nft_mint.as_ref(),
        facility_info: &a.facility.to_account_info(),
        token_program: a.nft_token_program.as_ref(),
    }
    .mint_one(&a.facility, a.depositor_nft_account.as_ref())?;
    require!(
        amount_of(a.depositor_nft_account.as_ref())? == 1,
        NfatError::InvariantViolated
    );
    a.deal.invariant()?;
    halo_math::emit_event!(NftDelivered {
        facility: a.facility.key(),
        deal: a.deal.key(),
        nft_mint: a.nft_mint.key(),
        owner: a.depositor.key(),
        nft_account: a.depositor_nft_account.key(),
    });
    Ok(())
}
