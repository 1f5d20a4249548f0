use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::TokenInterface;
use halo_math::nfat::{Schedule, Terms};

use crate::{
    constants::*,
    errors::NfatError,
    events::DealStruck,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef, NftMetadata, NftMint},
};

/// The beacon strikes a deal: `amount` (the terms' principal) from `prime`'s queued
/// capital into `book`, a Deal at `["deal", facility, next_deal_id]` with its terms and
/// their hash, and its NFT mint (`["nft", deal]`, Token-2022, metadata with the key
/// terms) with the transfer hook's extra-account-metas beside it. The token itself goes
/// to the Prime by `deliver_nft`, in the same transaction after the Prime's associated
/// account is created (`halo_sdk::nfat::claim_transaction`): the strike then costs no
/// more than it must inside this instruction.
/// Refused: any other signer, halted, terms outside the buybox (each bound its own error)
/// or not schedulable, an amount other than the principal, the Prime not approved, more
/// than its queued capital, a book of another facility or closed to deals.
#[derive(Accounts)]
pub struct ClaimDeal<'info> {
    #[account(mut)]
    pub beacon: Signer<'info>,
    #[account(
        mut,
        has_one = beacon @ NfatError::NotBeacon,
        has_one = deposit_mint @ NfatError::WrongDepositMint,
        has_one = queue_vault @ NfatError::WrongQueueVault,
    )]
    pub facility: Box<Account<'info, Facility>>,
    /// CHECK: the Prime (the deal's counterparty and the NFT's first holder).
    pub prime: UncheckedAccount<'info>,
    /// CHECK: the Prime's approval: read in `validate` (this program's ApprovedPrime of
    /// this facility and Prime; only `approve_prime` creates one, at its PDA).
    pub approved_prime: UncheckedAccount<'info>,
    #[account(
        mut,
        seeds = [SEED_DEPOSIT, facility.key().as_ref(), prime.key().as_ref()],
        bump = deposit.bump,
    )]
    pub deposit: Box<Account<'info, QueueDeposit>>,
    #[account(mut, has_one = facility @ NfatError::OfAnotherFacility)]
    pub book: Box<Account<'info, Book>>,
    /// CHECK: pinned to the facility's queue vault.
    #[account(mut)]
    pub queue_vault: UncheckedAccount<'info>,
    /// CHECK: pinned to the book's vault.
    #[account(mut, address = book.vault @ NfatError::WrongBookVault)]
    pub book_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_DEAL, facility.key().as_ref(), &facility.next_deal_id.to_le_bytes()], bump)]
    pub deal: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_NFT, deal.key().as_ref()], bump)]
    pub nft_mint: UncheckedAccount<'info>,
    /// CHECK: the hook's validation account for the mint (seeds checked by the hook).
    #[account(mut)]
    pub extra_account_meta_list: UncheckedAccount<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
    pub nft_token_program: Program<'info, Token2022>,
    /// CHECK: the transfer-hook program.
    #[account(address = halo_nfat_hook::ID @ NfatError::WrongHookProgram)]
    pub hook_program: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ClaimDeal<'_> {
    pub fn validate(&self, amount: u64, terms: &Terms) -> Result<()> {
        self.facility.require_live()?;
        self.require_approved()?;
        self.facility
            .buybox
            .admits(terms, Clock::get()?.unix_timestamp)?;
        require!(terms.principal == amount, NfatError::PrincipalNotAmount);
        Ok(())
    }

    /// The Prime's approval, read by its data rather than re-derived: an account this
    /// program owns, an ApprovedPrime naming this facility and this Prime.
    fn require_approved(&self) -> Result<()> {
        let info = self.approved_prime.as_ref();
        let approval = (info.owner == &crate::ID)
            .then(|| info.try_borrow_data().ok())
            .flatten()
            .and_then(|data| ApprovedPrime::try_deserialize(&mut &data[..]).ok());
        match approval {
            Some(a) if a.facility == self.facility.key() && a.prime == self.prime.key() => Ok(()),
            _ => err!(NfatError::PrimeNotApproved),
        }
    }

    /// The NFT's name, symbol, URI and key terms.
    fn metadata(&self, deal_id: u64, deal: &Deal) -> NftMetadata {
        let f = &self.facility;
        let schedule = match deal.terms.schedule {
            Schedule::Bullet => "bullet",
            Schedule::Amortizing => "amortizing",
            Schedule::PeriodicInterest => "periodic-interest",
        };
        let mut hash = String::with_capacity(64);
        for b in deal.terms_hash {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            hash.push(char::from(HEX[usize::from(b >> 4)]));
            hash.push(char::from(HEX[usize::from(b & 15)]));
        }
        NftMetadata {
            name: format!("{} #{}", f.name, deal_id),
            symbol: f.symbol.clone(),
            uri: f.uri.clone(),
            fields: vec![
                ("principal".into(), deal.terms.principal.to_string()),
                ("apy_bps".into(), deal.terms.apy_bps.to_string()),
                ("maturity".into(), deal.maturity_ts.to_string()),
                (
                    "schedule".into(),
                    format!("{schedule}/{}", deal.terms.payments),
                ),
                ("terms_hash".into(), hash),
            ],
        }
    }
}

pub fn handler(ctx: Context<ClaimDeal>, amount: u64, terms: Terms) -> Result<()> {
    let bumps = (ctx.bumps.deal, ctx.bumps.nft_mint);
    let a = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let facility_key = a.facility.key();
    let facility_info = a.facility.to_account_info();
    let payer = a.beacon.to_account_info();
    let system = a.system_program.to_account_info();

    // the capital: queue → book
    let shares_burned = a.deposit.take(&mut a.facility.queue, amount)?;
    a.deposit.claimed_total = a
        .deposit
        .claimed_total
        .checked_add(amount)
        .ok_or(NfatError::MathOverflow)?;
    let m = MintRef {
        token_program: a.deposit_token_program.as_ref(),
        mint: a.deposit_mint.as_ref(),
        decimals: a.facility.deposit_decimals,
    };
    move_tokens(
        m,
        a.queue_vault.as_ref(),
        a.book_vault.as_ref(),
        Authority::Facility(&facility_info, &a.facility),
        amount,
    )?;
    a.book.add_deal(amount, now)?;

    // the deal
    let deal_id = a.facility.take_deal_id()?;
    let record = Deal::new(DealSetup {
        bump: bumps.0,
        facility: facility_key,
        deal_id,
        book: a.book.key(),
        nft_mint: a.nft_mint.key(),
        depositor: a.prime.key(),
        terms,
        now,
    })?;
    let id = deal_id.to_le_bytes();
    halo_accounts::create_program_account(
        &payer,
        &a.deal,
        &system,
        &Deal::signer_seeds(&facility_key, &id, &[bumps.0]),
        &crate::ID,
        &record,
    )?;
    a.facility.open_deal(amount)?;

    // the NFT's mint with its metadata and the hook's extra accounts (delivered next)
    let nft = NftMint {
        payer: &payer,
        mint: a.nft_mint.as_ref(),
        facility_info: &facility_info,
        token_program: a.nft_token_program.as_ref(),
        system_program: &system,
    };
    let deal_key = a.deal.key();
    nft.create(
        &[SEED_NFT, deal_key.as_ref(), &[bumps.1]],
        &a.facility,
        &halo_nfat_hook::ID,
        &a.metadata(deal_id, &record),
    )?;
    let hook_accounts = halo_nfat_hook::cpi::accounts::InitializeExtraAccountMetaList {
        payer: payer.clone(),
        mint_authority: facility_info.clone(),
        mint: a.nft_mint.to_account_info(),
        extra_account_meta_list: a.extra_account_meta_list.to_account_info(),
        system_program: system.clone(),
    };
    a.facility.with_signer(|s| {
        halo_nfat_hook::cpi::initialize_extra_account_meta_list(CpiContext::new_with_signer(
            halo_nfat_hook::ID,
            hook_accounts,
            s,
        ))
    })?;
    a.deposit.invariant(&a.facility.queue)?;
    a.book.invariant(Some(amount_of(a.book_vault.as_ref())?))?;
    a.facility
        .invariant(Some(amount_of(a.queue_vault.as_ref())?), None)?;
    record.invariant()?;
    halo_math::emit_event!(DealStruck {
        facility: facility_key,
        deal: deal_key,
        deal_id,
        book: a.book.key(),
        prime: a.prime.key(),
        nft_mint: a.nft_mint.key(),
        terms,
        terms_hash: record.terms_hash,
        maturity_ts: record.maturity_ts,
        total_interest: record.ledger.total_interest,
        shares_burned,
        queue_balance: a.deposit.balance(&a.facility.queue)?,
    });
    Ok(())
}
