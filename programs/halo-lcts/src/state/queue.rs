use anchor_lang::prelude::*;
use halo_math::lcts::{self, GenerationTotals, PositionShares, SettleOutcome};

use crate::{
    constants::{ACCOUNT_VERSION, SEED_QUEUE},
    errors::LctsError,
    math::SafeMath,
};

/// Which queue of a unit.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueSide {
    /// USDS waits to become Halo Unit shares.
    Subscribe,
    /// Halo Unit shares wait to become USDS.
    Redeem,
}

impl QueueSide {
    pub fn seed(self) -> u8 {
        match self {
            QueueSide::Subscribe => 0,
            QueueSide::Redeem => 1,
        }
    }
}

/// The current generation's state.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueStatus {
    /// No current generation: the next entry opens one.
    Dormant,
    /// Entries, claims and exits are open.
    Active,
    /// The beacon is converting: entries, claims and exits wait.
    Locked,
}

/// What a finalizing settlement leaves behind (written to the `FinalizedGeneration`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finalized {
    pub gen_id: u64,
    pub final_reward_per_share: u128,
    pub total_shares: u128,
}

/// A unit's subscribe or redeem queue. Seeds: `["queue", unit, side]`. At most one current
/// generation (`gen_id`); finalized ones live in `FinalizedGeneration` accounts.
#[account]
#[derive(InitSpace, Debug)]
pub struct Queue {
    pub version: u8,
    pub bump: u8,
    pub unit: Pubkey,
    pub side: QueueSide,
    pub status: QueueStatus,
    /// The current generation (or, while DORMANT, the next one to open).
    pub gen_id: u64,
    /// Internal shares of the positions in the current generation.
    pub total_shares: u128,
    /// precision: underlying base units waiting to be converted.
    pub total_underlying: u64,
    /// precision: WAD; reward per share of the current generation, cumulative.
    pub reward_per_share: u128,
    /// precision: unix seconds; when the current generation was locked (0: not locked).
    pub locked_at: i64,
    /// precision: unix seconds; when the current generation opened.
    pub opened_at: i64,
    /// precision: unix seconds; the last settlement (0: never). The beacon settles each
    /// queue at most once per lock window.
    pub settled_at: i64,
    /// precision: unix seconds; the first lock in the current lock window. A re-lock in
    /// the same window keeps it, so the lock bound counts from the first lock: a beacon
    /// cannot hold a queue by settling with zero capacity and locking again.
    pub window_locked_at: i64,
    /// Positions in the current generation.
    pub positions: u64,
    /// USDS (subscribe) or Halo Unit shares (redeem).
    pub underlying_mint: Pubkey,
    /// Halo Unit shares (subscribe) or USDS (redeem).
    pub reward_mint: Pubkey,
    pub underlying_vault: Pubkey,
    pub reward_vault: Pubkey,
    /// Lifetime counters (base units): entered, exited, converted; rewards received by
    /// settlements and paid to positions.
    pub underlying_in: u64,
    pub underlying_out: u64,
    pub converted: u64,
    pub reward_in: u64,
    pub reward_out: u64,
    pub reserved: [u8; 48],
}

/// Addresses a new queue is created with.
#[derive(Clone, Copy, Debug)]
pub struct QueueSetup {
    pub bump: u8,
    pub unit: Pubkey,
    pub side: QueueSide,
    pub underlying_mint: Pubkey,
    pub reward_mint: Pubkey,
    pub underlying_vault: Pubkey,
    pub reward_vault: Pubkey,
}

fn map_lcts(e: lcts::LctsError) -> Error {
    match e {
        lcts::LctsError::BelowMinimumEntry => error!(LctsError::BelowMinimumEntry),
        lcts::LctsError::ZeroShares => error!(LctsError::ZeroShares),
        lcts::LctsError::EmptyPosition => error!(LctsError::EmptyPosition),
        lcts::LctsError::GenerationDrained => error!(LctsError::GenerationDrained),
        lcts::LctsError::Math(_) => error!(LctsError::MathOverflow),
    }
}

fn map_math(_: halo_math::MathError) -> Error {
    error!(LctsError::MathOverflow)
}

impl Queue {
    /// `["queue", unit, side, bump]`.
    pub fn signer_seeds<'a>(
        unit: &'a Pubkey,
        side: &'a [u8; 1],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_QUEUE, unit.as_ref(), side, bump]
    }

    pub fn new(s: QueueSetup) -> Self {
        Self {
            version: ACCOUNT_VERSION,
            bump: s.bump,
            unit: s.unit,
            side: s.side,
            status: QueueStatus::Dormant,
            gen_id: 0,
            total_shares: 0,
            total_underlying: 0,
            reward_per_share: 0,
            locked_at: 0,
            opened_at: 0,
            settled_at: 0,
            window_locked_at: 0,
            positions: 0,
            underlying_mint: s.underlying_mint,
            reward_mint: s.reward_mint,
            underlying_vault: s.underlying_vault,
            reward_vault: s.reward_vault,
            underlying_in: 0,
            underlying_out: 0,
            converted: 0,
            reward_in: 0,
            reward_out: 0,
            reserved: [0; 48],
        }
    }

    pub fn totals(&self) -> GenerationTotals {
        GenerationTotals {
            total_shares: self.total_shares,
            total_underlying: self.total_underlying,
            reward_per_share: self.reward_per_share,
        }
    }

    fn store(&mut self, g: GenerationTotals) {
        self.total_shares = g.total_shares;
        self.total_underlying = g.total_underlying;
        self.reward_per_share = g.reward_per_share;
    }

    pub fn check_not_locked(&self) -> Result<()> {
        require!(self.status != QueueStatus::Locked, LctsError::QueueLocked);
        Ok(())
    }

    /// Claims and exits need the generation ACTIVE.
    pub fn check_active(&self) -> Result<()> {
        self.check_not_locked()?;
        require!(
            self.status == QueueStatus::Active,
            LctsError::QueueNotActive
        );
        Ok(())
    }

    /// Adds `amount` for a position of the current generation (opening the generation if
    /// the queue is DORMANT). Returns the shares added and the reward the position had
    /// earned (to be paid by the caller).
    pub fn enter(
        &mut self,
        position: &mut PositionShares,
        amount: u64,
        (min_entry, dust): (u64, u64),
        now: i64,
    ) -> Result<(u128, u64)> {
        self.check_not_locked()?;
        // a remainder below the dust waits for the next settlement with capacity to sweep
        // it: entering at its share price would mint shares without bound
        require!(
            self.total_underlying == 0 || self.total_underlying >= dust,
            LctsError::DustRemainder
        );
        let mut g = self.totals();
        let (shares, reward) =
            lcts::enter(&mut g, position, amount, min_entry).map_err(map_lcts)?;
        if self.status == QueueStatus::Dormant {
            self.status = QueueStatus::Active;
            self.opened_at = now;
        }
        self.store(g);
        self.underlying_in = self.underlying_in.safe_add(amount)?;
        self.pay_reward(reward)?;
        Ok((shares, reward))
    }

    /// One more position in the current generation.
    pub fn add_position(&mut self) -> Result<()> {
        self.positions = self.positions.safe_add(1)?;
        Ok(())
    }

    /// The position's pending reward (paid by the caller); its debt moves up to date.
    pub fn claim(&mut self, position: &mut PositionShares) -> Result<u64> {
        self.check_active()?;
        let reward = lcts::claim(&self.totals(), position).map_err(map_math)?;
        self.pay_reward(reward)?;
        Ok(reward)
    }

    /// A full exit: returns (underlying, reward) to pay. The last one out leaves the queue
    /// DORMANT.
    pub fn leave(&mut self, position: &mut PositionShares) -> Result<(u64, u64)> {
        self.check_active()?;
        let mut g = self.totals();
        let (underlying, reward) = lcts::exit(&mut g, position).map_err(map_lcts)?;
        self.store(g);
        self.positions = self.positions.saturating_sub(1);
        self.underlying_out = self.underlying_out.safe_add(underlying)?;
        self.pay_reward(reward)?;
        if self.total_shares == 0 {
            self.status = QueueStatus::Dormant;
            self.positions = 0;
        }
        Ok((underlying, reward))
    }

    /// Books `reward` paid out of the reward vault (a finalized position's too).
    pub fn pay_reward(&mut self, reward: u64) -> Result<()> {
        self.reward_out = self.reward_out.safe_add(reward)?;
        Ok(())
    }

    /// ACTIVE → LOCKED. Returns false (nothing changed) when DORMANT. The lock counts
    /// from the first lock of the window that started at `window_start`.
    pub fn lock(&mut self, now: i64, window_start: i64) -> Result<bool> {
        match self.status {
            QueueStatus::Dormant => Ok(false),
            QueueStatus::Locked => err!(LctsError::QueueLocked),
            QueueStatus::Active => {
                let relock = self.window_locked_at != 0 && self.window_locked_at >= window_start;
                let first = if relock { self.window_locked_at } else { now };
                self.status = QueueStatus::Locked;
                self.locked_at = first;
                self.window_locked_at = first;
                Ok(true)
            }
        }
    }

    /// Locked for longer than `max_lock_s` at `now`.
    pub fn lock_expired(&self, now: i64, max_lock_s: i64) -> Result<bool> {
        Ok(self.status == QueueStatus::Locked && now > self.locked_at.safe_add(max_lock_s)?)
    }

    /// LOCKED → ACTIVE with nothing converted.
    pub fn unlock(&mut self) -> Result<()> {
        require!(
            self.status == QueueStatus::Locked,
            LctsError::QueueNotLocked
        );
        self.status = QueueStatus::Active;
        self.locked_at = 0;
        Ok(())
    }

    /// How much of `capacity` a settlement converts (everything when the rest is dust).
    pub fn conversion(&self, capacity: u64, dust: u64) -> u64 {
        lcts::conversion(&self.totals(), capacity, dust)
    }

    /// Books a settlement of the LOCKED generation: `converted` underlying left, `reward`
    /// arrived. The generation goes back to ACTIVE, or finalizes when drained (returned:
    /// the caller writes the `FinalizedGeneration`), leaving the queue DORMANT for the next.
    pub fn settle(
        &mut self,
        converted: u64,
        reward: u64,
        now: i64,
    ) -> Result<(SettleOutcome, Option<Finalized>)> {
        require!(
            self.status == QueueStatus::Locked,
            LctsError::QueueNotLocked
        );
        let mut g = self.totals();
        let outcome = lcts::settle(&mut g, converted, reward).map_err(map_math)?;
        self.store(g);
        self.converted = self.converted.safe_add(converted)?;
        self.reward_in = self.reward_in.safe_add(reward)?;
        self.locked_at = 0;
        self.settled_at = now;
        if !outcome.drained {
            self.status = QueueStatus::Active;
            return Ok((outcome, None));
        }
        let done = Finalized {
            gen_id: self.gen_id,
            final_reward_per_share: self.reward_per_share,
            total_shares: self.total_shares,
        };
        self.gen_id = self.gen_id.safe_add(1)?;
        self.total_shares = 0;
        self.reward_per_share = 0;
        self.positions = 0;
        self.opened_at = 0;
        self.status = QueueStatus::Dormant;
        Ok((outcome, Some(done)))
    }

    /// The position belongs to a generation that has finalized.
    pub fn is_finalized(&self, position_gen: u64) -> bool {
        position_gen < self.gen_id
    }

    /// The accounting holds: a DORMANT queue holds nothing for anyone; an open generation
    /// has shares and underlying; rewards paid never exceed rewards received; and, given
    /// the vault balances, each vault holds at least what is owed from it.
    pub fn invariant(
        &self,
        underlying_vault: Option<u64>,
        reward_vault: Option<u64>,
    ) -> Result<()> {
        let open = self.status != QueueStatus::Dormant;
        let consistent = self.version == ACCOUNT_VERSION
            && if open {
                self.total_shares > 0 && self.total_underlying > 0
            } else {
                self.total_shares == 0 && self.total_underlying == 0
            }
            && (self.status == QueueStatus::Locked) == (self.locked_at != 0)
            && self.reward_out <= self.reward_in;
        require!(consistent, LctsError::QueueInvariantBroken);
        if let Some(held) = underlying_vault {
            require!(held >= self.total_underlying, LctsError::VaultBelowBooked);
        }
        if let Some(held) = reward_vault {
            require!(
                held >= self.reward_in.safe_sub(self.reward_out)?,
                LctsError::VaultBelowBooked
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queue() -> Queue {
        Queue::new(QueueSetup {
            bump: 1,
            unit: Pubkey::new_unique(),
            side: QueueSide::Subscribe,
            underlying_mint: Pubkey::new_unique(),
            reward_mint: Pubkey::new_unique(),
            underlying_vault: Pubkey::new_unique(),
            reward_vault: Pubkey::new_unique(),
        })
    }

    #[test]
    fn size_is_stable() {
        assert_eq!(
            Queue::INIT_SPACE,
            2 + 32 + 1 + 1 + 8 + 16 + 8 + 16 + 8 + 8 + 8 + 8 + 8 + 32 * 4 + 8 * 5 + 48
        );
    }

    #[test]
    fn a_generation_opens_settles_and_finalizes() {
        let mut q = queue();
        let mut p = PositionShares::default();
        q.invariant(Some(0), Some(0)).unwrap();
        q.enter(&mut p, 100, (1, 0), 5).unwrap();
        assert_eq!((q.status, q.opened_at), (QueueStatus::Active, 5));
        q.invariant(Some(100), Some(0)).unwrap();
        assert!(q.invariant(Some(99), None).is_err());
        assert!(q.lock(6, 0).unwrap());
        assert!(q.enter(&mut p, 100, (1, 0), 7).is_err());
        assert!(q.claim(&mut p).is_err());
        let (o, f) = q.settle(40, 40, 7).unwrap();
        assert!(!o.drained && f.is_none());
        assert_eq!(q.status, QueueStatus::Active);
        q.lock(8, 0).unwrap();
        let (o, f) = q.settle(60, 60, 9).unwrap();
        assert!(o.drained);
        let f = f.unwrap();
        assert_eq!((f.gen_id, q.gen_id, q.status), (0, 1, QueueStatus::Dormant));
        assert!(q.is_finalized(0));
        q.invariant(Some(0), Some(100)).unwrap();
        assert!(q.invariant(None, Some(99)).is_err());
    }

    #[test]
    fn lock_is_a_no_op_when_dormant_and_the_last_exit_makes_it_dormant() {
        let mut q = queue();
        assert!(!q.lock(1, 0).unwrap());
        let mut p = PositionShares::default();
        q.enter(&mut p, 100, (1, 0), 1).unwrap();
        q.add_position().unwrap();
        assert_eq!(q.leave(&mut p).unwrap(), (100, 0));
        assert_eq!(q.status, QueueStatus::Dormant);
        q.invariant(Some(0), Some(0)).unwrap();
    }

    #[test]
    fn a_relock_in_the_same_window_keeps_the_first_lock_time() {
        let mut q = queue();
        let mut p = PositionShares::default();
        q.enter(&mut p, 100, (1, 1), 10).unwrap();
        assert!(q.lock(100, 0).unwrap());
        q.settle(0, 0, 150).unwrap();
        assert!(q.lock(200, 0).unwrap());
        assert_eq!(
            q.locked_at, 100,
            "the bound counts from the window's first lock"
        );
        assert!(q.lock_expired(100 + 3 * 3_600 + 1, 3 * 3_600).unwrap());
        q.unlock().unwrap();
        // the next window starts afresh
        assert!(q.lock(86_500, 86_400).unwrap());
        assert_eq!(q.locked_at, 86_500);
    }

    #[test]
    fn an_entry_waits_while_a_dust_remainder_waits() {
        let mut q = queue();
        let mut p = PositionShares::default();
        q.enter(&mut p, 1_000, (1, 10), 1).unwrap();
        q.lock(2, 0).unwrap();
        q.settle(995, 995, 3).unwrap();
        let mut other = PositionShares::default();
        assert!(q.enter(&mut other, 100, (1, 10), 4).is_err());
        assert!(
            q.enter(&mut other, 100, (1, 5), 4).is_ok(),
            "at the dust it may enter"
        );
    }

    #[test]
    fn a_broken_queue_is_caught() {
        let mut q = queue();
        q.total_shares = 5;
        assert!(q.invariant(None, None).is_err());
        let mut q = queue();
        q.reward_out = 1;
        assert!(q.invariant(None, None).is_err());
    }
}
