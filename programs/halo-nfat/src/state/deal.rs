use anchor_lang::prelude::*;
use halo_math::deal::{Amounts, Funding, Ledger, LedgerError};
use halo_math::nfat::Terms;

use crate::{constants::*, errors::NfatError, math::SafeMath};

/// Where a deal stands.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealStatus {
    /// Paying (or waiting to) on schedule.
    Active,
    /// Unpaid past maturity plus the grace period: later fundings are recovery.
    Defaulted,
    /// Governance wrote it off: nothing more is owed; the holder may still burn the NFT.
    WrittenOff,
}

/// One deal (the Halo Unit its NFT represents). Seeds: `["deal", facility, deal_id]`.
/// Its terms are on chain with their hash; the ledger says what is funded, claimed and
/// owed (`halo_math::deal`).
#[account]
#[derive(InitSpace, Debug)]
pub struct Deal {
    pub version: u8,
    pub bump: u8,
    pub facility: Pubkey,
    pub deal_id: u64,
    pub book: Pubkey,
    pub nft_mint: Pubkey,
    /// The Prime whose queued capital the deal took (the NFT's first holder).
    pub depositor: Pubkey,
    pub terms: Terms,
    /// `sha256("halo-nfat-terms" || facility || deal_id le || borsh(terms))`.
    pub terms_hash: [u8; 32],
    /// precision: unix seconds.
    pub maturity_ts: i64,
    pub status: DealStatus,
    pub ledger: Ledger,
    /// precision: unix seconds.
    pub struck_at: i64,
    pub defaulted_at: i64,
    pub last_funded_at: i64,
    /// precision: base units; funded after the default (recovery).
    pub recovered: u64,
    /// precision: unix seconds; when the NFT reached the depositor (0: not yet).
    pub nft_delivered_at: i64,
    pub reserved: [u8; 56],
}

/// What `Deal::new` records.
pub struct DealSetup {
    pub bump: u8,
    pub facility: Pubkey,
    pub deal_id: u64,
    pub book: Pubkey,
    pub nft_mint: Pubkey,
    pub depositor: Pubkey,
    pub terms: Terms,
    pub now: i64,
}

/// The hash of a deal's terms, binding them to the facility and the deal id.
pub fn terms_hash(facility: &Pubkey, deal_id: u64, terms: &Terms) -> Result<[u8; 32]> {
    let mut bytes = Vec::with_capacity(32);
    terms.serialize(&mut bytes)?;
    Ok(solana_sha256_hasher::hashv(&[
        b"halo-nfat-terms",
        facility.as_ref(),
        &deal_id.to_le_bytes(),
        &bytes,
    ])
    .to_bytes())
}

fn ledger_error(e: LedgerError) -> Error {
    match e {
        LedgerError::PrincipalOverfunded => error!(NfatError::PrincipalOverfunded),
        LedgerError::InterestOverfunded => error!(NfatError::InterestOverfunded),
        LedgerError::PenaltyOverfunded => error!(NfatError::PenaltyOverfunded),
        LedgerError::NothingToFund => error!(NfatError::NothingToFund),
        LedgerError::Terms(_) => error!(NfatError::MathOverflow),
    }
}

impl Deal {
    /// `["deal", facility, deal_id le, bump]`.
    pub fn signer_seeds<'a>(
        facility: &'a Pubkey,
        id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_DEAL, facility.as_ref(), id_le, bump]
    }

    pub fn new(s: DealSetup) -> Result<Self> {
        let ledger = Ledger::new(&s.terms).map_err(|_| error!(NfatError::BadTerms))?;
        let maturity_ts = s
            .terms
            .maturity_ts()
            .map_err(|_| error!(NfatError::BadTerms))?;
        Ok(Self {
            version: ACCOUNT_VERSION,
            bump: s.bump,
            facility: s.facility,
            deal_id: s.deal_id,
            book: s.book,
            nft_mint: s.nft_mint,
            depositor: s.depositor,
            terms: s.terms,
            terms_hash: terms_hash(&s.facility, s.deal_id, &s.terms)?,
            maturity_ts,
            status: DealStatus::Active,
            ledger,
            struck_at: s.now,
            defaulted_at: 0,
            last_funded_at: 0,
            recovered: 0,
            nft_delivered_at: 0,
            reserved: [0; 56],
        })
    }

    /// Records the NFT's delivery to the depositor at `now`; once only.
    pub fn deliver(&mut self, now: i64) -> Result<()> {
        require!(self.nft_delivered_at == 0, NfatError::NftAlreadyDelivered);
        self.nft_delivered_at = now.max(1);
        Ok(())
    }

    /// Raises what is funded by `add` at `now` (penalties at `bps_per_day` for payments
    /// it covers late). A defaulted deal's fundings are recovery; a written-off deal takes
    /// none.
    pub fn fund(&mut self, add: Amounts, now: i64, bps_per_day: u32) -> Result<Funding> {
        require!(
            self.status != DealStatus::WrittenOff,
            NfatError::DealNotFundable
        );
        let out = self
            .ledger
            .fund(&self.terms, now, add, bps_per_day)
            .map_err(ledger_error)?;
        if self.status == DealStatus::Defaulted {
            self.recovered = self
                .recovered
                .safe_add(add.total().map_err(|_| error!(NfatError::MathOverflow))?)?;
        }
        self.last_funded_at = now;
        Ok(out)
    }

    /// Marks the deal defaulted at `now`: active, past maturity plus `grace_s`, and not
    /// fully funded.
    pub fn mark_default(&mut self, now: i64, grace_s: i64) -> Result<()> {
        require!(self.status == DealStatus::Active, NfatError::DealNotActive);
        require!(
            now >= self.maturity_ts.safe_add(grace_s)?,
            NfatError::NotYetDefaultable
        );
        require!(
            !self.ledger.fully_funded(&self.terms),
            NfatError::DealFullyFunded
        );
        self.status = DealStatus::Defaulted;
        self.defaulted_at = now;
        Ok(())
    }

    /// Governance writes the defaulted deal off (nothing funded left unclaimed). Returns
    /// the principal never repaid.
    pub fn write_off(&mut self) -> Result<u64> {
        require!(
            self.status == DealStatus::Defaulted,
            NfatError::DealNotDefaulted
        );
        require!(
            self.unclaimed_total()? == 0,
            NfatError::UnclaimedFundsRemain
        );
        self.status = DealStatus::WrittenOff;
        Ok(self.ledger.principal_outstanding)
    }

    pub fn unclaimed_total(&self) -> Result<u64> {
        self.ledger
            .unclaimed()
            .and_then(|u| u.total())
            .map_err(|_| error!(NfatError::MathOverflow))
    }

    /// Pays the holder up to `max` of the funded, unclaimed amounts (penalty, interest,
    /// principal). Refuses when nothing is there.
    pub fn redeem(&mut self, max: u64) -> Result<Amounts> {
        require!(max > 0, NfatError::ZeroAmount);
        let paid = self
            .ledger
            .redeem(max)
            .map_err(|_| error!(NfatError::MathOverflow))?;
        require!(
            paid.total().map_err(|_| error!(NfatError::MathOverflow))? > 0,
            NfatError::NothingToRedeem
        );
        Ok(paid)
    }

    /// Nothing more will ever be paid: settled, or written off with nothing unclaimed.
    pub fn finished(&self) -> Result<bool> {
        Ok(self.ledger.settled(&self.terms)
            || (self.status == DealStatus::WrittenOff && self.unclaimed_total()? == 0))
    }

    pub fn invariant(&self) -> Result<()> {
        require!(self.ledger.check(&self.terms), NfatError::InvariantViolated);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use halo_math::nfat::Schedule;

    fn deal() -> Deal {
        Deal::new(DealSetup {
            bump: 1,
            facility: Pubkey::new_unique(),
            deal_id: 7,
            book: Pubkey::new_unique(),
            nft_mint: Pubkey::new_unique(),
            depositor: Pubkey::new_unique(),
            terms: Terms {
                principal: 1_000_000,
                apy_bps: 1_000,
                start_ts: 1_799_053_200,
                tenor_months: 12,
                payments: 1,
                schedule: Schedule::Bullet,
            },
            now: 1_799_053_200,
        })
        .unwrap()
    }

    #[test]
    fn a_new_deal_is_not_delivered_and_delivers_once() {
        let mut d = deal();
        assert_eq!(d.nft_delivered_at, 0);
        d.deliver(1_799_053_260).unwrap();
        assert_eq!(d.nft_delivered_at, 1_799_053_260);
        assert_eq!(
            d.deliver(1_799_053_300).unwrap_err(),
            error!(NfatError::NftAlreadyDelivered)
        );
        assert_eq!(
            d.nft_delivered_at, 1_799_053_260,
            "the refusal changed nothing"
        );
    }

    #[test]
    fn a_delivery_at_time_zero_still_counts_as_delivered() {
        let mut d = deal();
        d.deliver(0).unwrap();
        assert_eq!(d.nft_delivered_at, 1);
        assert!(d.deliver(5).is_err());
    }
}
