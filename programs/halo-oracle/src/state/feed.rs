use anchor_lang::prelude::*;

use crate::constants::*;
use crate::errors::OracleError;

/// A NAV feed: `value / 10^decimals` whole quote tokens per whole asset token, published
/// by approved reporters. Seeds: `["feed", authority, feed_id]` (the authority is the
/// creator; governance can be handed on without moving the account).
#[account]
#[derive(InitSpace, Debug)]
pub struct Feed {
    pub version: u8,
    pub bump: u8,
    pub authority: Pubkey,
    pub feed_id: u64,
    pub governance: Pubkey,
    pub decimals: u8,
    /// precision: `value / 10^decimals`.
    pub value: u64,
    /// precision: unix seconds; strictly increasing.
    pub publish_ts: i64,
    /// precision: bps of the last value; a reporter's update may move at most this far.
    pub max_move_bps: u16,
    pub reporters: [Pubkey; MAX_REPORTERS],
    pub reporter_count: u8,
    /// Number of accepted updates (creation included).
    pub updates: u64,
    /// precision: `value / 10^decimals`; the value the move guard is measured against
    /// within the current guard window (reporters cannot walk the value step by step).
    pub anchor_value: u64,
    /// precision: unix seconds; when the current guard window opened.
    pub anchor_ts: i64,
    /// Proposed governance waiting to accept (`accept_governance`); default = none.
    pub pending_governance: Pubkey,
    pub reserved: [u8; 16],
}

impl Feed {
    /// Calls `f` with the feed's signer seeds `["feed", authority, feed_id le, bump]`
    /// (also before the account exists, to create it).
    pub fn with_seeds<R>(
        authority: &Pubkey,
        feed_id: u64,
        bump: u8,
        f: impl FnOnce(&[&[u8]]) -> R,
    ) -> R {
        let id = feed_id.to_le_bytes();
        f(&[SEED_FEED, authority.as_ref(), &id, &[bump]])
    }

    /// A new feed governed by its creator, with its first value published at `now`.
    pub fn initialize(
        &mut self,
        bump: u8,
        authority: Pubkey,
        args: &crate::instructions::CreateFeedArgs,
        now: i64,
    ) {
        self.version = FEED_VERSION;
        self.bump = bump;
        self.authority = authority;
        self.feed_id = args.feed_id;
        self.governance = authority;
        self.decimals = args.decimals;
        self.value = args.initial_value;
        self.publish_ts = now;
        self.max_move_bps = args.max_move_bps;
        self.updates = 1;
        self.anchor_value = args.initial_value;
        self.anchor_ts = now;
    }

    /// The guard's reference for an update published at `publish_ts`: the window's anchor,
    /// or the current value when a new window opens.
    pub fn anchor_for(&self, publish_ts: i64) -> (u64, i64) {
        if publish_ts >= self.anchor_ts.saturating_add(GUARD_WINDOW_S) {
            (self.value, publish_ts)
        } else {
            (self.anchor_value, self.anchor_ts)
        }
    }

    pub fn is_reporter(&self, key: &Pubkey) -> bool {
        self.reporters
            .iter()
            .take(usize::from(self.reporter_count))
            .any(|r| r == key)
    }

    /// Refuses a reporter that cannot be added: the default key, one already approved, or
    /// a fifth.
    pub fn check_new_reporter(&self, reporter: &Pubkey) -> Result<()> {
        require!(*reporter != Pubkey::default(), OracleError::DefaultKey);
        require!(
            !self.is_reporter(reporter),
            OracleError::ReporterAlreadyApproved
        );
        require!(
            usize::from(self.reporter_count) < MAX_REPORTERS,
            OracleError::TooManyReporters
        );
        Ok(())
    }

    /// Appends an approved reporter.
    /// The caller checked it with [`Self::check_new_reporter`] (the instruction's
    /// `validate()`); a full list is still refused here.
    pub fn add_reporter(&mut self, reporter: Pubkey) -> Result<()> {
        let slot = self
            .reporters
            .get_mut(usize::from(self.reporter_count))
            .ok_or(OracleError::TooManyReporters)?;
        *slot = reporter;
        self.reporter_count = self.reporter_count.saturating_add(1);
        Ok(())
    }

    /// Where `reporter` sits among the approved ones, or the `UnknownReporter` refusal.
    pub fn reporter_index(&self, reporter: &Pubkey) -> Result<usize> {
        Ok(self
            .reporters
            .iter()
            .take(usize::from(self.reporter_count))
            .position(|r| r == reporter)
            .ok_or(OracleError::UnknownReporter)?)
    }

    /// Removes `reporter` (swap-remove: bounded by `MAX_REPORTERS`).
    pub fn remove_reporter(&mut self, reporter: &Pubkey) -> Result<()> {
        let index = self.reporter_index(reporter)?;
        let last = usize::from(self.reporter_count).saturating_sub(1);
        self.reporters.swap(index, last);
        if let Some(r) = self.reporters.get_mut(last) {
            *r = Pubkey::default();
        }
        self.reporter_count = self.reporter_count.saturating_sub(1);
        Ok(())
    }

    /// Refuses a NAV that cannot be recorded: zero, not strictly later than the last one,
    /// or in the future.
    pub fn check_publishable(&self, value: u64, publish_ts: i64, now: i64) -> Result<()> {
        require!(value > 0, OracleError::NonPositiveValue);
        require!(
            publish_ts > self.publish_ts,
            OracleError::PublishTimeNotIncreasing
        );
        require!(publish_ts <= now, OracleError::PublishTimeInFuture);
        Ok(())
    }

    /// Refuses a reporter's NAV that moves beyond the guard, against the last value or,
    /// cumulatively, against the guard window's anchor (many small steps cannot add up to
    /// more than one guarded move per window). A zero value is left to
    /// [`Self::check_publishable`]'s own error.
    pub fn check_move(&self, value: u64, publish_ts: i64) -> Result<()> {
        let max = u32::from(self.max_move_bps);
        let (anchor_value, _) = self.anchor_for(publish_ts);
        let deviates = |reference: u64| {
            halo_math::pricing::deviates(u128::from(value), u128::from(reference), max)
                .map_err(|_| OracleError::MoveNeedsGovernance)
        };
        let moved = deviates(self.value)? || deviates(anchor_value)?;
        require!(value == 0 || !moved, OracleError::MoveNeedsGovernance);
        Ok(())
    }

    /// Records a reporter's NAV (checked by [`Self::check_move`] and
    /// [`Self::check_publishable`] in the instruction's `validate()`): the guard window
    /// moves on when a new one opens.
    pub fn publish(&mut self, value: u64, publish_ts: i64) {
        let (anchor_value, anchor_ts) = self.anchor_for(publish_ts);
        self.record(value, publish_ts);
        self.anchor_value = anchor_value;
        self.anchor_ts = anchor_ts;
    }

    /// Records a governance NAV (checked by [`Self::check_publishable`]): a reviewed value
    /// opens a new guard window.
    pub fn governance_publish(&mut self, value: u64, publish_ts: i64) {
        self.record(value, publish_ts);
        self.anchor_value = value;
        self.anchor_ts = publish_ts;
    }

    fn record(&mut self, value: u64, publish_ts: i64) {
        self.value = value;
        self.publish_ts = publish_ts;
        self.updates = self.updates.saturating_add(1);
    }

    /// What every state change must leave true (refused with `FeedInvariantBroken`): at
    /// most `MAX_REPORTERS` reporters; a move guard and decimals within their bounds; a
    /// positive value and anchor; a guard window opened no later than the last publish; a
    /// real governance. Changes of the reporter list also check
    /// [`Self::reporters_invariant`].
    pub fn invariant(&self) -> Result<()> {
        let ok = usize::from(self.reporter_count) <= MAX_REPORTERS
            && self.version == FEED_VERSION
            && (1..=MAX_MOVE_BPS).contains(&self.max_move_bps)
            && self.decimals <= MAX_FEED_DECIMALS
            && self.value > 0
            && self.anchor_value > 0
            && self.anchor_ts <= self.publish_ts
            && !halo_accounts::keys::is_default(&self.governance);
        require!(ok, OracleError::FeedInvariantBroken);
        Ok(())
    }

    /// The reporter list's invariant, checked by the instructions that change the list
    /// (`add_reporter`, `remove_reporter`) after [`Self::invariant`]: the listed reporters
    /// are real and distinct, and nothing is stored beyond the count.
    pub fn reporters_invariant(&self) -> Result<()> {
        use halo_accounts::keys::{is_default, same};
        let n = usize::from(self.reporter_count);
        let mut ok = n <= MAX_REPORTERS;
        for (i, reporter) in self.reporters.iter().enumerate() {
            let listed = i < n;
            // a slot holds a key exactly when it is within the count
            ok &= is_default(reporter) != listed;
            if listed {
                for earlier in &self.reporters[..i] {
                    ok &= !same(earlier, reporter);
                }
            }
        }
        require!(ok, OracleError::FeedInvariantBroken);
        Ok(())
    }
}

/// Refuses a move guard outside 1..=10,000 bps.
pub fn validate_max_move(max_move_bps: u16) -> Result<()> {
    require!(
        max_move_bps > 0 && max_move_bps <= MAX_MOVE_BPS,
        OracleError::BadMaxMove
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed() -> Feed {
        let mut f = Feed {
            version: FEED_VERSION,
            bump: 255,
            authority: Pubkey::new_unique(),
            feed_id: 7,
            governance: Pubkey::new_unique(),
            decimals: 6,
            value: 1_000_000,
            publish_ts: 100,
            max_move_bps: 500,
            reporters: [Pubkey::default(); MAX_REPORTERS],
            reporter_count: 0,
            updates: 1,
            anchor_value: 1_000_000,
            anchor_ts: 100,
            pending_governance: Pubkey::default(),
            reserved: [0; 16],
        };
        f.add_reporter(Pubkey::new_unique()).unwrap();
        f
    }

    #[test]
    fn invariant_holds_through_reporter_changes_and_publishes() {
        let mut f = feed();
        f.invariant().unwrap();
        let r = Pubkey::new_unique();
        f.add_reporter(r).unwrap();
        f.invariant().unwrap();
        f.remove_reporter(&f.reporters[0].clone()).unwrap();
        assert_eq!((f.reporter_count, f.reporters[0]), (1, r));
        f.invariant().unwrap();
        f.publish(1_010_000, 200);
        f.invariant().unwrap();
        f.governance_publish(2_000_000, 250);
        f.invariant().unwrap();
    }

    #[test]
    fn invariant_refuses_each_broken_rule() {
        let broken: [fn(&mut Feed); 9] = [
            |f| f.reporter_count = 5,
            |f| f.reporters[2] = Pubkey::new_unique(),
            |f| {
                f.reporters[1] = f.reporters[0];
                f.reporter_count = 2;
            },
            |f| f.max_move_bps = 0,
            |f| f.max_move_bps = MAX_MOVE_BPS.saturating_add(1),
            |f| f.decimals = MAX_FEED_DECIMALS.saturating_add(1),
            |f| f.value = 0,
            |f| f.anchor_ts = f.publish_ts.saturating_add(1),
            |f| f.governance = Pubkey::default(),
        ];
        for b in broken {
            let mut f = feed();
            b(&mut f);
            assert!(
                f.invariant().and_then(|_| f.reporters_invariant()).is_err(),
                "{f:?}"
            );
        }
    }

    #[test]
    fn seeds_derive_the_pda() {
        let f = feed();
        let (address, bump) = Pubkey::find_program_address(
            &[SEED_FEED, f.authority.as_ref(), &7u64.to_le_bytes()],
            &crate::ID,
        );
        let again = Feed::with_seeds(&f.authority, 7, bump, |s| {
            Pubkey::create_program_address(s, &crate::ID).unwrap()
        });
        assert_eq!(address, again);
    }

    #[test]
    fn size_is_stable() {
        assert_eq!(
            Feed::INIT_SPACE,
            2 + 32 + 8 + 32 + 1 + 8 + 8 + 2 + 32 * MAX_REPORTERS + 1 + 8 + 16 + 32 + 16
        );
    }
}
