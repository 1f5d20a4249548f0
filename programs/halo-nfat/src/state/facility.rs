use anchor_lang::prelude::*;
use halo_math::nfat::{Schedule, Terms};
use halo_math::shares::{assets_for_shares, shares_for_deposit, shares_to_burn_for_assets};
use halo_math::Rounding;

use crate::{
    constants::*,
    errors::NfatError,
    math::{OrOverflow, SafeMath},
};

/// The facility's legal buybox: every deal lpha-nfat strikes must fit it.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Buybox {
    /// Whole months, inclusive bounds.
    pub min_tenor_months: u32,
    pub max_tenor_months: u32,
    /// precision: base units of the deposit mint; inclusive bounds on a deal's principal.
    pub min_principal: u64,
    pub max_principal: u64,
    /// precision: bps a year; inclusive bounds.
    pub min_apy_bps: u32,
    pub max_apy_bps: u32,
    /// `SCHEDULE_*` flags.
    pub schedules: u8,
    /// The most scheduled payments of a deal.
    pub max_payments: u32,
    /// precision: bps a day of a payment covered after its date.
    pub late_penalty_bps_per_day: u32,
    /// precision: seconds after maturity before an unpaid deal may be marked defaulted.
    pub grace_period_s: i64,
    /// precision: seconds; how far a deal's start may lie from its strike (either way).
    pub max_start_offset_s: i64,
    /// A label of the asset type the facility buys (UTF-8, zero padded).
    pub asset_type: [u8; 32],
}

impl Buybox {
    /// Governance's bounds on a buybox, each with its own error.
    pub fn validate(&self) -> Result<()> {
        require!(
            self.min_tenor_months >= 1
                && self.min_tenor_months <= self.max_tenor_months
                && self.max_tenor_months <= MAX_TENOR_MONTHS,
            NfatError::BadBuyboxTenor
        );
        require!(
            self.min_principal > 0 && self.min_principal <= self.max_principal,
            NfatError::BadBuyboxSize
        );
        require!(
            self.min_apy_bps <= self.max_apy_bps && self.max_apy_bps <= MAX_APY_BPS,
            NfatError::BadBuyboxApy
        );
        require!(
            self.schedules != 0 && self.schedules & !SCHEDULE_ALL == 0,
            NfatError::BadBuyboxSchedules
        );
        require!(
            (1..=MAX_PAYMENTS).contains(&self.max_payments),
            NfatError::BadBuyboxPayments
        );
        require!(
            self.late_penalty_bps_per_day <= MAX_PENALTY_BPS_PER_DAY,
            NfatError::BadBuyboxPenalty
        );
        require!(
            (0..=MAX_GRACE_PERIOD_S).contains(&self.grace_period_s),
            NfatError::BadBuyboxGrace
        );
        require!(
            (0..=MAX_START_OFFSET_S).contains(&self.max_start_offset_s),
            NfatError::BadBuyboxStart
        );
        Ok(())
    }

    fn schedule_flag(s: Schedule) -> u8 {
        match s {
            Schedule::Bullet => SCHEDULE_BULLET,
            Schedule::Amortizing => SCHEDULE_AMORTIZING,
            Schedule::PeriodicInterest => SCHEDULE_PERIODIC_INTEREST,
        }
    }

    /// The terms fit the buybox at `now`: each bound refuses with its own error (bounds
    /// inclusive), then the schedule must be computable.
    pub fn admits(&self, t: &Terms, now: i64) -> Result<()> {
        require!(
            t.tenor_months >= self.min_tenor_months,
            NfatError::TenorBelowBuybox
        );
        require!(
            t.tenor_months <= self.max_tenor_months,
            NfatError::TenorAboveBuybox
        );
        require!(
            t.principal >= self.min_principal,
            NfatError::SizeBelowBuybox
        );
        require!(
            t.principal <= self.max_principal,
            NfatError::SizeAboveBuybox
        );
        require!(t.apy_bps >= self.min_apy_bps, NfatError::ApyBelowBuybox);
        require!(t.apy_bps <= self.max_apy_bps, NfatError::ApyAboveBuybox);
        require!(
            self.schedules & Self::schedule_flag(t.schedule) != 0,
            NfatError::ScheduleNotAllowed
        );
        require!(t.payments <= self.max_payments, NfatError::TooManyPayments);
        require!(
            t.start_ts >= now.safe_sub(self.max_start_offset_s)?
                && t.start_ts <= now.safe_add(self.max_start_offset_s)?,
            NfatError::StartOutsideBuybox
        );
        t.check().map_err(|_| error!(NfatError::BadTerms))
    }
}

/// The queue's booked totals (never a vault's balance: a donation moves no share price).
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct QueueTotals {
    pub total_shares: u64,
    /// precision: base units; what the queue vault holds for the Primes.
    pub total_underlying: u64,
}

impl QueueTotals {
    /// Shares bought by depositing `amount` (rounded down; 1:1 for the first).
    pub fn shares_for(&self, amount: u64) -> Result<u64> {
        shares_for_deposit(amount, self.total_underlying, self.total_shares).or_overflow()
    }

    /// Shares burned to take `amount` out (rounded up, against the Prime).
    pub fn burn_for(&self, amount: u64) -> Result<u64> {
        if self.total_underlying == 0 {
            return err!(NfatError::InsufficientQueue);
        }
        shares_to_burn_for_assets(amount, self.total_underlying, self.total_shares).or_overflow()
    }

    /// What `shares` are worth (rounded down).
    pub fn value_of(&self, shares: u64) -> Result<u64> {
        if self.total_shares == 0 {
            return Ok(0);
        }
        assets_for_shares(
            shares,
            self.total_underlying,
            self.total_shares,
            Rounding::Down,
        )
        .or_overflow()
    }

    pub fn add(&mut self, amount: u64, shares: u64) -> Result<()> {
        self.total_underlying = self.total_underlying.safe_add(amount)?;
        self.total_shares = self.total_shares.safe_add(shares)?;
        Ok(())
    }

    pub fn remove(&mut self, amount: u64, shares: u64) -> Result<()> {
        self.total_underlying = self.total_underlying.safe_sub(amount)?;
        self.total_shares = self.total_shares.safe_sub(shares)?;
        Ok(())
    }
}

/// The facility's running totals over its deals (for the invariant and the report).
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct DealTotals {
    pub open: u64,
    pub defaulted: u64,
    /// precision: base units; principal of open deals not yet claimed by holders.
    pub principal_outstanding: u64,
    /// precision: base units; what the redeem vault owes: books' returned capital not
    /// yet allocated plus deals' funded unclaimed amounts.
    pub redeem_liability: u64,
}

/// A Structuring Halo facility (the Halo Class). Seeds: `["class", authority, facility_id]`.
/// `allow_list` sits at a fixed offset (10) that `halo_nfat_hook` reads.
#[account]
#[derive(InitSpace, Debug)]
pub struct Facility {
    pub version: u8,
    pub bump: u8,
    /// While on, only allow-listed owners may receive the facility's NFTs.
    pub allow_list: bool,
    /// The warden's halt: no claims, deployments or fundings.
    pub halted: bool,
    /// The creator (part of the seeds).
    pub authority: Pubkey,
    pub facility_id: u64,
    pub governance: Pubkey,
    pub pending_governance: Pubkey,
    /// lpha-nfat: strikes deals, moves books, deploys, returns and funds.
    pub beacon: Pubkey,
    /// lpha-attest: posts the books' attestations.
    pub attestor: Pubkey,
    /// stl-warden: halts and marks defaults.
    pub warden: Pubkey,
    pub deposit_mint: Pubkey,
    pub deposit_token_program: Pubkey,
    pub deposit_decimals: u8,
    pub queue_vault: Pubkey,
    pub redeem_vault: Pubkey,
    pub pau_controller: Pubkey,
    /// The PAU routes (tags `nfat_deploy`, `nfat_return`); default until governance sets them.
    pub deploy_rate_limit: Pubkey,
    pub return_rate_limit: Pubkey,
    pub buybox: Buybox,
    pub queue: QueueTotals,
    pub deals: DealTotals,
    pub next_deal_id: u64,
    pub next_book_id: u64,
    /// NFT metadata: names read "<name> #<deal id>".
    #[max_len(MAX_NAME_LEN)]
    pub name: String,
    #[max_len(MAX_SYMBOL_LEN)]
    pub symbol: String,
    #[max_len(MAX_URI_LEN)]
    pub uri: String,
    pub reserved: [u8; 64],
}

/// What `create_facility` sets.
#[derive(Clone, Debug)]
pub struct FacilitySetup {
    pub bump: u8,
    pub authority: Pubkey,
    pub facility_id: u64,
    pub roles: Roles,
    pub deposit_mint: Pubkey,
    pub deposit_token_program: Pubkey,
    pub deposit_decimals: u8,
    pub queue_vault: Pubkey,
    pub redeem_vault: Pubkey,
    pub pau_controller: Pubkey,
    pub buybox: Buybox,
    pub name: String,
    pub symbol: String,
    pub uri: String,
}

/// The operating keys governance names.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Roles {
    pub beacon: Pubkey,
    pub attestor: Pubkey,
    pub warden: Pubkey,
}

impl Roles {
    pub fn validate(&self) -> Result<()> {
        for k in [self.beacon, self.attestor, self.warden] {
            require!(k != Pubkey::default(), NfatError::DefaultKey);
        }
        Ok(())
    }
}

impl Facility {
    /// `["class", authority, facility_id le, bump]`.
    pub fn signer_seeds<'a>(
        authority: &'a Pubkey,
        id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_FACILITY, authority.as_ref(), id_le, bump]
    }

    /// Runs `f` with the facility PDA's signer seeds.
    pub fn with_signer<R>(&self, f: impl FnOnce(&[&[&[u8]]]) -> R) -> R {
        let id = self.facility_id.to_le_bytes();
        let bump = [self.bump];
        let seeds = Self::signer_seeds(&self.authority, &id, &bump);
        f(&[&seeds])
    }

    pub fn new(s: FacilitySetup) -> Self {
        Self {
            version: ACCOUNT_VERSION,
            bump: s.bump,
            allow_list: false,
            halted: false,
            authority: s.authority,
            facility_id: s.facility_id,
            governance: s.authority,
            pending_governance: Pubkey::default(),
            beacon: s.roles.beacon,
            attestor: s.roles.attestor,
            warden: s.roles.warden,
            deposit_mint: s.deposit_mint,
            deposit_token_program: s.deposit_token_program,
            deposit_decimals: s.deposit_decimals,
            queue_vault: s.queue_vault,
            redeem_vault: s.redeem_vault,
            pau_controller: s.pau_controller,
            deploy_rate_limit: Pubkey::default(),
            return_rate_limit: Pubkey::default(),
            buybox: s.buybox,
            queue: QueueTotals::default(),
            deals: DealTotals::default(),
            next_deal_id: 0,
            next_book_id: 0,
            name: s.name,
            symbol: s.symbol,
            uri: s.uri,
            reserved: [0; 64],
        }
    }

    pub fn set_roles(&mut self, r: Roles) -> Roles {
        let old = Roles {
            beacon: self.beacon,
            attestor: self.attestor,
            warden: self.warden,
        };
        self.beacon = r.beacon;
        self.attestor = r.attestor;
        self.warden = r.warden;
        old
    }

    /// The proposed governance takes over; returns the old one.
    pub fn accept_governance(&mut self) -> Pubkey {
        let old = self.governance;
        self.governance = self.pending_governance;
        self.pending_governance = Pubkey::default();
        old
    }

    pub fn require_live(&self) -> Result<()> {
        require!(!self.halted, NfatError::Halted);
        Ok(())
    }

    /// Takes the next deal id.
    pub fn take_deal_id(&mut self) -> Result<u64> {
        let id = self.next_deal_id;
        self.next_deal_id = id.safe_add(1)?;
        Ok(id)
    }

    /// Takes the next book id.
    pub fn take_book_id(&mut self) -> Result<u64> {
        let id = self.next_book_id;
        self.next_book_id = id.safe_add(1)?;
        Ok(id)
    }

    /// Books `amount` of returned capital (or a direct payment) now owed by the redeem vault.
    pub fn owe_from_redeem(&mut self, amount: u64) -> Result<()> {
        self.deals.redeem_liability = self.deals.redeem_liability.safe_add(amount)?;
        Ok(())
    }

    /// Books `amount` paid out of the redeem vault to a holder.
    pub fn paid_from_redeem(&mut self, amount: u64) -> Result<()> {
        self.deals.redeem_liability = self.deals.redeem_liability.safe_sub(amount)?;
        Ok(())
    }

    /// A new deal of `principal`.
    pub fn open_deal(&mut self, principal: u64) -> Result<()> {
        self.deals.open = self.deals.open.safe_add(1)?;
        self.deals.principal_outstanding = self.deals.principal_outstanding.safe_add(principal)?;
        Ok(())
    }

    /// Principal paid to a holder.
    pub fn principal_claimed(&mut self, principal: u64) -> Result<()> {
        self.deals.principal_outstanding = self.deals.principal_outstanding.safe_sub(principal)?;
        Ok(())
    }

    /// A deal closed (settled, or written off with `principal_left` never repaid).
    pub fn close_deal(&mut self, defaulted: bool, principal_left: u64) -> Result<()> {
        self.deals.open = self.deals.open.safe_sub(1)?;
        if defaulted {
            self.deals.defaulted = self.deals.defaulted.safe_sub(1)?;
        }
        self.deals.principal_outstanding =
            self.deals.principal_outstanding.safe_sub(principal_left)?;
        Ok(())
    }

    /// The facility's own bookkeeping, and, when given, its vaults' balances: the queue
    /// vault holds at least the queue's booked underlying, the redeem vault at least what
    /// it owes.
    pub fn invariant(&self, queue_vault: Option<u64>, redeem_vault: Option<u64>) -> Result<()> {
        require!(
            (self.queue.total_shares == 0) == (self.queue.total_underlying == 0),
            NfatError::InvariantViolated
        );
        require!(
            self.deals.defaulted <= self.deals.open,
            NfatError::InvariantViolated
        );
        require!(
            self.name.len() <= MAX_NAME_LEN,
            NfatError::InvariantViolated
        );
        if let Some(balance) = queue_vault {
            require!(
                balance >= self.queue.total_underlying,
                NfatError::VaultShort
            );
        }
        if let Some(balance) = redeem_vault {
            require!(
                balance >= self.deals.redeem_liability,
                NfatError::VaultShort
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::{AccountSerialize, Discriminator};

    /// The transfer hook reads facilities and allow-list entries by layout: its constants
    /// must match this program's id, discriminators and the `allow_list` offset.
    #[test]
    fn the_hooks_layout_facts_match_this_program() {
        use halo_nfat_hook::constants as hook;
        assert_eq!(hook::HALO_NFAT_ID, crate::ID);
        assert_eq!(hook::FACILITY_DISCRIMINATOR, Facility::DISCRIMINATOR);
        assert_eq!(
            hook::HOLDER_DISCRIMINATOR,
            crate::state::HolderEntry::DISCRIMINATOR
        );
        assert_eq!(hook::SEED_HOLDER, SEED_HOLDER);
        let mut f = Facility::new(FacilitySetup {
            bump: 1,
            authority: Pubkey::new_unique(),
            facility_id: 0,
            roles: Roles {
                beacon: Pubkey::new_unique(),
                attestor: Pubkey::new_unique(),
                warden: Pubkey::new_unique(),
            },
            deposit_mint: Pubkey::new_unique(),
            deposit_token_program: Pubkey::new_unique(),
            deposit_decimals: 6,
            queue_vault: Pubkey::new_unique(),
            redeem_vault: Pubkey::new_unique(),
            pau_controller: Pubkey::new_unique(),
            buybox: Buybox {
                min_tenor_months: 1,
                max_tenor_months: 12,
                min_principal: 1,
                max_principal: 10,
                min_apy_bps: 0,
                max_apy_bps: 1,
                schedules: SCHEDULE_ALL,
                max_payments: 1,
                late_penalty_bps_per_day: 0,
                grace_period_s: 0,
                max_start_offset_s: 0,
                asset_type: [0; 32],
            },
            name: "F".into(),
            symbol: "S".into(),
            uri: String::new(),
        });
        for on in [false, true] {
            f.allow_list = on;
            let mut data = Vec::new();
            f.try_serialize(&mut data).unwrap();
            assert_eq!(data[hook::FACILITY_ALLOW_LIST_OFFSET], u8::from(on));
        }
    }
}
