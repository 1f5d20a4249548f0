use anchor_lang::prelude::*;

use crate::{constants::*, errors::NfatError, math::SafeMath, state::QueueTotals};

/// Present = `prime` may deposit into the facility's queue and be a deal's counterparty.
/// Seeds: `["prime", facility, prime]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct ApprovedPrime {
    pub version: u8,
    pub bump: u8,
    pub facility: Pubkey,
    pub prime: Pubkey,
    /// precision: unix seconds.
    pub approved_at: i64,
    pub reserved: [u8; 16],
}

/// A Prime's capital waiting in the facility's queue, as non-transferable shares of the
/// queue. Seeds: `["deposit", facility, prime]`. Withdrawing, or a deal's strike, burns
/// shares rounded up (against the Prime).
#[account]
#[derive(InitSpace, Debug)]
pub struct QueueDeposit {
    pub version: u8,
    pub bump: u8,
    pub facility: Pubkey,
    pub prime: Pubkey,
    pub shares: u64,
    /// precision: unix seconds; the latest deposit.
    pub deposited_at: i64,
    /// precision: base units; lifetime totals (for the report).
    pub deposited_total: u64,
    pub withdrawn_total: u64,
    pub claimed_total: u64,
    pub reserved: [u8; 32],
}

impl QueueDeposit {
    /// `["deposit", facility, prime, bump]`.
    pub fn signer_seeds<'a>(
        facility: &'a Pubkey,
        prime: &'a Pubkey,
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_DEPOSIT, facility.as_ref(), prime.as_ref(), bump]
    }

    pub fn new(bump: u8, facility: Pubkey, prime: Pubkey) -> Self {
        Self {
            version: ACCOUNT_VERSION,
            bump,
            facility,
            prime,
            shares: 0,
            deposited_at: 0,
            deposited_total: 0,
            withdrawn_total: 0,
            claimed_total: 0,
            reserved: [0; 32],
        }
    }

    /// Deposits `amount` at `now`: shares at the queue's price (rounded down); refuses a
    /// deposit too small to buy one. Returns the shares.
    pub fn deposit(&mut self, queue: &mut QueueTotals, amount: u64, now: i64) -> Result<u64> {
        require!(amount > 0, NfatError::ZeroAmount);
        let shares = queue.shares_for(amount)?;
        require!(shares > 0, NfatError::DepositTooSmall);
        queue.add(amount, shares)?;
        self.shares = self.shares.safe_add(shares)?;
        self.deposited_at = now;
        self.deposited_total = self.deposited_total.safe_add(amount)?;
        Ok(shares)
    }

    /// Takes `amount` out of the Prime's queued capital (a withdrawal or a deal's strike):
    /// burns shares rounded up; refuses more than the Prime holds. Returns the shares.
    pub fn take(&mut self, queue: &mut QueueTotals, amount: u64) -> Result<u64> {
        require!(amount > 0, NfatError::ZeroAmount);
        require!(
            amount <= queue.value_of(self.shares)?,
            NfatError::InsufficientQueue
        );
        let shares = queue.burn_for(amount)?;
        require!(shares <= self.shares, NfatError::InsufficientQueue);
        queue.remove(amount, shares)?;
        self.shares = self.shares.safe_sub(shares)?;
        Ok(shares)
    }

    /// The Prime's queued capital (its shares' value, rounded down).
    pub fn balance(&self, queue: &QueueTotals) -> Result<u64> {
        queue.value_of(self.shares)
    }

    pub fn invariant(&self, queue: &QueueTotals) -> Result<()> {
        require!(
            self.shares <= queue.total_shares,
            NfatError::InvariantViolated
        );
        Ok(())
    }
}

/// Present = `owner` may receive the facility's NFTs while its allow-list is on (the
/// transfer hook checks it). Seeds: `["holder", facility, owner]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct HolderEntry {
    pub version: u8,
    pub bump: u8,
    pub facility: Pubkey,
    pub owner: Pubkey,
    /// precision: unix seconds.
    pub added_at: i64,
    pub reserved: [u8; 16],
}
