use anchor_lang::prelude::*;

use crate::{constants::*, errors::NfatError, math::SafeMath};

/// A book's lifecycle. Deals join while Created or Filling; the beacon moves it on, each
/// deployment step only after a fresh attestation (the two-key gate).
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookStatus {
    Created,
    Filling,
    Deploying,
    AtRest,
    Unwinding,
    Closed,
}

/// What an attestation vouches for.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttestationKind {
    /// The RWA endpoint is ready to receive (gates Filling → Deploying).
    PreDeployment,
    /// The capital is deployed as agreed (gates Deploying → AtRest).
    AtRest,
}

/// The latest attestation (lpha-attest).
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attestation {
    pub kind: AttestationKind,
    pub hash: [u8; 32],
    /// The book's event counter when it was posted (newer = larger).
    pub seq: u64,
    /// precision: unix seconds.
    pub at: i64,
}

/// The asset side of one or more deals (pari passu). Seeds: `["book", facility, book_id]`.
/// Capital: claimed in from the queue into `vault`, deployed through the PAU, returned
/// through the PAU into the facility's redeem vault (or released there undeployed), then
/// allocated to its deals by `fund`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Book {
    pub version: u8,
    pub bump: u8,
    pub facility: Pubkey,
    pub book_id: u64,
    pub status: BookStatus,
    pub vault: Pubkey,
    /// Counts status changes and attestations; orders them without the clock.
    pub seq: u64,
    /// `seq` at the last status change.
    pub status_seq: u64,
    /// precision: unix seconds.
    pub status_changed_at: i64,
    pub attestation: Option<Attestation>,
    /// precision: base units; cumulative flows.
    pub claimed_in: u64,
    pub deployed: u64,
    pub returned: u64,
    pub released: u64,
    pub allocated: u64,
    pub deals: u32,
    /// precision: base units; principal of the deals struck into the book.
    pub principal: u64,
    pub reserved: [u8; 32],
}

impl Book {
    /// `["book", facility, book_id le, bump]`.
    pub fn signer_seeds<'a>(
        facility: &'a Pubkey,
        id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_BOOK, facility.as_ref(), id_le, bump]
    }

    pub fn new(bump: u8, facility: Pubkey, book_id: u64, vault: Pubkey, now: i64) -> Self {
        Self {
            version: ACCOUNT_VERSION,
            bump,
            facility,
            book_id,
            status: BookStatus::Created,
            vault,
            seq: 0,
            status_seq: 0,
            status_changed_at: now,
            attestation: None,
            claimed_in: 0,
            deployed: 0,
            returned: 0,
            released: 0,
            allocated: 0,
            deals: 0,
            principal: 0,
            reserved: [0; 32],
        }
    }

    fn bump_seq(&mut self) -> Result<u64> {
        self.seq = self.seq.safe_add(1)?;
        Ok(self.seq)
    }

    /// What the book's vault should hold: claimed in, less deployed and released.
    pub fn vault_booked(&self) -> Result<u64> {
        self.claimed_in
            .safe_sub(self.deployed)?
            .safe_sub(self.released)
    }

    /// Returned (or released) capital not yet allocated to the book's deals.
    pub fn unallocated(&self) -> Result<u64> {
        self.returned
            .safe_add(self.released)?
            .safe_sub(self.allocated)
    }

    /// A deal of `principal` joins (Created or Filling; the book becomes Filling).
    pub fn add_deal(&mut self, principal: u64, now: i64) -> Result<()> {
        require!(
            matches!(self.status, BookStatus::Created | BookStatus::Filling),
            NfatError::BookClosedToDeals
        );
        self.claimed_in = self.claimed_in.safe_add(principal)?;
        self.principal = self.principal.safe_add(principal)?;
        self.deals = self.deals.safe_add(1)?;
        if self.status == BookStatus::Created {
            self.set_status(BookStatus::Filling, now)?;
        }
        Ok(())
    }

    /// The attestor's attestation, newer than everything before it.
    pub fn attest(&mut self, kind: AttestationKind, hash: [u8; 32], now: i64) -> Result<()> {
        require!(hash != [0; 32], NfatError::EmptyAttestation);
        require!(
            self.status != BookStatus::Closed,
            NfatError::BadBookTransition
        );
        // a repeat says nothing new: refused, so two attestors racing post it once (a new
        // hash, or the other kind, is a new attestation and replaces it)
        require!(
            !(self.has_fresh(kind) && self.attestation.is_some_and(|a| a.hash == hash)),
            NfatError::AttestationUnchanged
        );
        let seq = self.bump_seq()?;
        self.attestation = Some(Attestation {
            kind,
            hash,
            seq,
            at: now,
        });
        Ok(())
    }

    /// An attestation of `kind` posted after the last status change.
    pub fn has_fresh(&self, kind: AttestationKind) -> bool {
        matches!(self.attestation, Some(a) if a.kind == kind && a.seq > self.status_seq)
    }

    fn set_status(&mut self, to: BookStatus, now: i64) -> Result<()> {
        self.status = to;
        self.status_seq = self.bump_seq()?;
        self.status_changed_at = now;
        Ok(())
    }

    /// The beacon's move to `to`: Filling → Deploying (fresh pre-deployment
    /// attestation), Deploying → AtRest (fresh at-rest attestation), Deploying or AtRest
    /// → Unwinding, Unwinding → Closed (nothing left in the vault or unallocated).
    pub fn advance(&mut self, to: BookStatus, now: i64) -> Result<BookStatus> {
        use BookStatus::*;
        let from = self.status;
        match (from, to) {
            (Filling, Deploying) => require!(
                self.has_fresh(AttestationKind::PreDeployment),
                NfatError::AttestationRequired
            ),
            (Deploying, AtRest) => require!(
                self.has_fresh(AttestationKind::AtRest),
                NfatError::AttestationRequired
            ),
            (Deploying, Unwinding) | (AtRest, Unwinding) => {}
            (Unwinding, Closed) => require!(
                self.vault_booked()? == 0 && self.unallocated()? == 0,
                NfatError::BookNotEmpty
            ),
            _ => return err!(NfatError::BadBookTransition),
        }
        self.set_status(to, now)?;
        Ok(from)
    }

    /// `amount` of the vault's capital leaves for the RWA endpoint (Deploying only).
    pub fn deploy(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, NfatError::ZeroAmount);
        require!(
            self.status == BookStatus::Deploying,
            NfatError::BookNotDeploying
        );
        require!(
            amount <= self.vault_booked()?,
            NfatError::InsufficientBookCapital
        );
        self.deployed = self.deployed.safe_add(amount)?;
        Ok(())
    }

    fn require_returning(&self) -> Result<()> {
        require!(
            matches!(
                self.status,
                BookStatus::Deploying | BookStatus::AtRest | BookStatus::Unwinding
            ),
            NfatError::BookNotReturning
        );
        Ok(())
    }

    /// `amount` came back through the PAU into the redeem vault.
    pub fn record_return(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, NfatError::ZeroAmount);
        self.require_returning()?;
        self.returned = self.returned.safe_add(amount)?;
        Ok(())
    }

    /// `amount` of undeployed vault capital moves to the redeem vault (Unwinding only).
    pub fn release(&mut self, amount: u64) -> Result<()> {
        require!(amount > 0, NfatError::ZeroAmount);
        require!(
            self.status == BookStatus::Unwinding,
            NfatError::BookNotReturning
        );
        require!(
            amount <= self.vault_booked()?,
            NfatError::InsufficientBookCapital
        );
        self.released = self.released.safe_add(amount)?;
        Ok(())
    }

    /// `amount` of returned capital is allocated to one of the book's deals.
    pub fn allocate(&mut self, amount: u64) -> Result<()> {
        require!(
            amount <= self.unallocated()?,
            NfatError::InsufficientReturned
        );
        self.allocated = self.allocated.safe_add(amount)?;
        Ok(())
    }

    /// The book's own bookkeeping, and its vault's balance when given.
    pub fn invariant(&self, vault: Option<u64>) -> Result<()> {
        let booked = self.vault_booked();
        let unallocated = self.unallocated();
        require!(
            booked.is_ok() && unallocated.is_ok() && self.principal == self.claimed_in,
            NfatError::InvariantViolated
        );
        if let (Some(balance), Ok(booked)) = (vault, booked) {
            require!(balance >= booked, NfatError::VaultShort);
        }
        Ok(())
    }
}
