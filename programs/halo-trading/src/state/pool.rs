use anchor_lang::prelude::*;
use halo_math::{
    pricing::{Market, Side},
    RateLimitState, Rounding,
};

use crate::{
    constants::*,
    errors::TradingError,
    manager::swap_manager::PostSwapUpdate,
    math::{OrOverflow, SafeMath},
};

/// Where a pool reads its price.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceSource {
    /// A `halo_oracle` feed at a pinned address.
    HaloFeed { feed: Pubkey },
    /// Any Pyth `PriceUpdateV2` account for a pinned feed id, fully verified.
    Pyth { feed_id: [u8; 32] },
    /// A wind-down price set by governance (through `propose_price_source`'s delay) for a
    /// pool whose oracle is gone: LP operations value the pool at it; swaps and deposits
    /// are refused.
    Fixed { price_wad: u128 },
}

/// A per-side limit in quote base units: the PAU's rate-limit maths.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitParams {
    /// precision: quote (swaps) or asset (redemptions) base units; `u64::MAX` = unlimited.
    pub max_amount: u64,
    /// precision: base units per second.
    pub slope: u64,
}

/// Governance-set parameters. The beacon can change none of them.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolParams {
    /// precision: bps below NAV the pool pays when it buys (users sell).
    pub bid_spread_bps: u16,
    /// precision: bps above NAV the pool charges when it sells (users buy).
    pub ask_spread_bps: u16,
    /// precision: bps of the position limit at which the bid starts to widen.
    pub skew_start_bps: u16,
    /// precision: extra bid bps at the position limit.
    pub skew_max_bps: u16,
    /// precision: seconds; the oldest price LP operations (deposits, withdrawals, PAU
    /// funding, redemptions) accept.
    pub max_staleness_s: u32,
    /// precision: seconds; the oldest price a swap accepts (at most `max_staleness_s`):
    /// short for market prices, so a trader cannot pick among old updates.
    pub swap_max_staleness_s: u32,
    /// precision: seconds; a swap accepts a price different from the pool's last one only
    /// this long after the last change, so a reporter cannot swing the NAV back and forth
    /// between trades (0 for market-priced pools, which still get one price per slot).
    pub min_price_interval_s: u32,
    /// precision: bps of the last accepted price.
    pub max_deviation_bps: u16,
    /// precision: bps of the price (Pyth confidence).
    pub max_confidence_bps: u16,
    /// precision: asset base units.
    pub position_limit: u64,
    /// precision: quote base units, per swap.
    pub min_trade: u64,
    pub max_trade: u64,
    /// Quote paid out per user sale / taken in per user buy.
    pub bid_limit: LimitParams,
    pub ask_limit: LimitParams,
    /// Asset sent to the issuer for redemption.
    pub redeem_limit: LimitParams,
    /// The issuer's redemption token account (asset mint).
    pub redemption_account: Pubkey,
    /// precision: seconds the issuer takes to settle (sets `expected_by`).
    pub settlement_period_s: u32,
    /// RFQ (`swap_with_quote`): quotes signed by the beacon are accepted.
    pub rfq_enabled: bool,
    /// precision: bps; the least spread against NAV an RFQ quote must keep on either side
    /// (the governance bound: the beacon may quote tighter than the AMM, never inside it).
    pub rfq_min_spread_bps: u16,
}

impl LimitParams {
    /// A new limit with these parameters, full at `now`.
    pub fn full_at(&self, now: i64) -> RateLimitState {
        RateLimitState::new_full(self.max_amount, self.slope, now)
    }
}

impl PoolParams {
    pub fn validate(&self) -> Result<()> {
        require!(
            self.bid_spread_bps <= MAX_SPREAD_BPS && self.ask_spread_bps <= MAX_SPREAD_BPS,
            TradingError::SpreadTooWide
        );
        require!(
            self.skew_start_bps < BPS && self.skew_max_bps <= MAX_SKEW_BPS,
            TradingError::SkewOutOfRange
        );
        // the widest bid the skew can reach must still be a valid spread
        require!(
            u32::from(self.bid_spread_bps).saturating_add(u32::from(self.skew_max_bps))
                <= u32::from(MAX_SPREAD_BPS),
            TradingError::SpreadTooWide
        );
        require!(
            self.max_staleness_s > 0
                && self.swap_max_staleness_s > 0
                && self.swap_max_staleness_s <= self.max_staleness_s,
            TradingError::BadStaleness
        );
        require!(
            self.max_deviation_bps > 0 && self.max_deviation_bps <= BPS,
            TradingError::BadDeviation
        );
        require!(
            self.max_confidence_bps > 0 && self.max_confidence_bps <= BPS,
            TradingError::BadConfidence
        );
        require!(
            self.max_trade > 0 && self.min_trade <= self.max_trade,
            TradingError::BadTradeBounds
        );
        require!(
            self.redemption_account != Pubkey::default(),
            TradingError::DefaultKey
        );
        require!(
            self.rfq_min_spread_bps <= MAX_SPREAD_BPS,
            TradingError::SpreadTooWide
        );
        Ok(())
    }
}

/// Why a pool is paused.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PauseReason {
    None,
    /// Paused by governance, the beacon or the freezer.
    Manual,
    /// `poke` saw the oracle move more than `max_deviation_bps`.
    Deviation,
}

/// A trading pool (Halo Unit): one asset against the class's quote mint.
/// Seeds: `["unit", class, unit_id]`.
///
/// Accounting uses internal totals, never vault balances (a donation cannot move the
/// share price): `quote_vault >= quote_liquidity + claims_reserved` and
/// `asset_vault >= inventory`, with any surplus being unbooked (issuer settlements in
/// transit or donations).
#[account]
#[derive(InitSpace, Debug)]
pub struct Pool {
    pub version: u8,
    pub bump: u8,
    pub class: Pubkey,
    pub unit_id: u64,
    pub book: Pubkey,
    pub asset_mint: Pubkey,
    pub asset_decimals: u8,
    pub quote_decimals: u8,
    pub asset_vault: Pubkey,
    pub quote_vault: Pubkey,
    pub price_source: PriceSource,
    pub params: PoolParams,
    /// Pool buys the asset (users sell it).
    pub buy_enabled: bool,
    /// Pool sells the asset (users buy it).
    pub sell_enabled: bool,
    pub paused: bool,
    pub pause_reason: PauseReason,
    /// An issuer redemption failed: buys stay paused until governance clears it.
    pub redemption_failed: bool,
    /// precision: WAD; the last price the pool accepted.
    pub last_price_wad: u128,
    /// precision: unix seconds; publish time of that price (never goes backwards).
    pub last_price_ts: i64,
    pub bid_limit: RateLimitState,
    pub ask_limit: RateLimitState,
    pub redeem_limit: RateLimitState,
    /// precision: quote base units; free USDS booked to the pool.
    pub quote_liquidity: u64,
    /// precision: quote base units; USDS set aside for settled withdrawals.
    pub claims_reserved: u64,
    /// precision: asset base units booked in the asset vault.
    pub inventory: u64,
    /// precision: quote base units; cost basis of `inventory`.
    pub inventory_cost: u64,
    /// precision: quote base units expected from pending issuer redemptions.
    pub pending_expected: u64,
    pub pending_cost: u64,
    pub total_shares: u64,
    /// Shares queued for withdrawal and not yet filled (still part of `total_shares`).
    pub queued_shares: u64,
    pub queue_open_gen: u64,
    pub queue_settling_gen: u64,
    pub next_redemption_id: u64,
    // ---- counters (lifetime) ----
    pub swaps: u64,
    /// precision: asset / quote base units the pool bought.
    pub bought_asset: u128,
    pub bought_quote: u128,
    /// precision: asset / quote base units the pool sold.
    pub sold_asset: u128,
    pub sold_quote: u128,
    /// precision: quote base units; |quote - mid value| over every swap.
    pub spread_earned: u128,
    /// precision: quote base units; sale proceeds and redemption receipts minus cost.
    pub realised_pnl: i128,
    pub redemptions_settled: u64,
    pub redemptions_failed: u64,
    /// precision: quote base units; expected USDS of failed redemptions not yet recovered.
    /// While above zero, deposits and PAU funding are refused: the value a recovery would
    /// restore must not be bought cheaply.
    pub failed_expected: u64,
    /// Shares minted to nobody when a deposit found value but no shares (see
    /// `halo_math::shares::orphan_dead_shares`); part of `total_shares`, owned by no
    /// position.
    pub dead_shares: u64,
    /// precision: WAD; the price the last swap traded on. Only swaps move it (a `poke` or
    /// an LP operation cannot), so the two rules below bind the swaps themselves.
    pub swap_price_wad: u128,
    /// precision: slot; when a swap last traded. A swap on another price in the same slot
    /// is refused: one transaction cannot trade on two prices.
    pub swap_price_slot: u64,
    /// precision: unix seconds; when the swap price last changed value.
    pub swap_price_change_ts: i64,
    /// precision: WAD; the deviation guard's anchor for the current window (a price may
    /// not move more than `max_deviation_bps` from it, so small steps cannot add up).
    pub ref_price_wad: u128,
    /// precision: unix seconds; when the current deviation window opened.
    pub ref_window_start: i64,
    /// A replacement price source proposed by governance, and when it may be applied
    /// (`PRICE_SOURCE_DELAY_S` later).
    pub pending_price_source: Option<PriceSource>,
    pub pending_price_source_eta: i64,
    /// Pending redemptions close (settle or fail) oldest first: the id of the oldest still
    /// pending (`next_redemption_id` when none), and when it is due (`i64::MAX` when
    /// none). Deposits and PAU funding pause once it is overdue.
    pub oldest_pending_id: u64,
    pub oldest_pending_due: i64,
    /// precision: asset base units sent to the issuer and not settled or failed: part of
    /// the exposure the position limit bounds.
    pub pending_asset: u64,
    pub reserved: [u8; 64],
}

impl Pool {
    pub fn market(&self, price_wad: u128) -> Market {
        Market {
            price_wad,
            asset_decimals: self.asset_decimals,
            quote_decimals: self.quote_decimals,
        }
    }

    /// LP value in quote units: free USDS + inventory at mid + pending redemptions'
    /// expected USDS, with the inventory rounded down: what a withdrawal is paid from
    /// (shares burned at this value never take more than their part).
    pub fn value(&self, price_wad: u128) -> Result<u64> {
        self.value_rounded(price_wad, Rounding::Down)
    }

    /// The same value with the inventory rounded up: what a deposit is priced at, so that
    /// rounding mints the depositor fewer shares, never more (the pool's favour).
    pub fn value_for_deposit(&self, price_wad: u128) -> Result<u64> {
        self.value_rounded(price_wad, Rounding::Up)
    }

    fn value_rounded(&self, price_wad: u128, rounding: Rounding) -> Result<u64> {
        let inv = self
            .market(price_wad)
            .value(self.inventory, rounding)
            .or_overflow()?;
        self.quote_liquidity
            .checked_add(inv)
            .and_then(|v| v.checked_add(self.pending_expected))
            .or_overflow()
    }

    /// New money (a Prime's deposit, PAU funding) is refused on a wind-down price and while
    /// the oldest pending redemption is overdue (its value is in doubt).
    pub fn check_open_for_deposits(&self, now: i64) -> Result<()> {
        require!(
            !matches!(self.price_source, PriceSource::Fixed { .. }),
            TradingError::WindDownPrice
        );
        require!(
            now <= self.oldest_pending_due,
            TradingError::RedemptionOverdue
        );
        Ok(())
    }

    /// Records a redemption sent to the issuer: `amount` of asset pending, due at
    /// `expected_by`; the oldest pending one's due time when it is the only one.
    pub fn open_redemption(&mut self, id: u64, amount: u64, expected_by: i64) -> Result<()> {
        self.pending_asset = self.pending_asset.safe_add(amount)?;
        if self.oldest_pending_id == id {
            self.oldest_pending_due = expected_by;
        }
        Ok(())
    }

    /// Closes the oldest pending redemption `rd` (settled or failed; refused for any
    /// other) and moves the cursor to the next one, whose due time `next` (the redemption
    /// account after it, pinned by the instruction's seeds) gives.
    pub fn close_oldest_pending(
        &mut self,
        rd: &super::Redemption,
        next: &AccountInfo,
    ) -> Result<()> {
        require!(
            rd.id == self.oldest_pending_id,
            TradingError::RedemptionOutOfOrder
        );
        self.pending_asset = self.pending_asset.saturating_sub(rd.amount);
        let next_id = rd.id.safe_add(1)?;
        self.oldest_pending_id = next_id;
        self.oldest_pending_due = if next_id < self.next_redemption_id {
            require!(
                *next.owner == crate::ID && !next.data_is_empty(),
                TradingError::WrongNextRedemption
            );
            let data = next.try_borrow_data()?;
            let n = super::Redemption::try_deserialize(&mut &data[..])?;
            require!(n.id == next_id, TradingError::WrongNextRedemption);
            n.expected_by
        } else {
            i64::MAX
        };
        Ok(())
    }

    /// Shares cannot be priced when shares are outstanding and the pool is worth nothing.
    pub fn check_priceable(&self, value: u64) -> Result<()> {
        require!(self.failed_expected == 0, TradingError::RecoveryPending);
        require!(
            value > 0 || self.total_shares == 0,
            TradingError::PoolValueZero
        );
        Ok(())
    }

    /// Mints shares for `amount` quote units deposited into `pos` at a pool value of
    /// `value_before` (rounded down, from internal totals), books the USDS, and returns the
    /// shares. Refuses a deposit too small for one share.
    pub fn book_deposit(
        &mut self,
        pos: &mut super::LpPosition,
        amount: u64,
        value_before: u64,
    ) -> Result<u64> {
        self.check_priceable(value_before)?;
        // value with no shares (dust left by the last exit) is locked with dead shares
        let dead = halo_math::shares::orphan_dead_shares(value_before, self.total_shares);
        let shares_before = self.total_shares.safe_add(dead)?;
        let shares = halo_math::shares::shares_for_deposit(amount, value_before, shares_before)
            .or_overflow()?;
        require!(shares > 0, TradingError::ZeroShares);
        let total_shares = shares_before.safe_add(shares)?;
        let dead_shares = self.dead_shares.safe_add(dead)?;
        let quote_liquidity = self.quote_liquidity.safe_add(amount)?;
        let pos_shares = pos.shares.safe_add(shares)?;
        self.total_shares = total_shares;
        self.dead_shares = dead_shares;
        self.quote_liquidity = quote_liquidity;
        pos.shares = pos_shares;
        pos.total_deposited = pos.total_deposited.saturating_add(u128::from(amount));
        Ok(shares)
    }

    /// Replaces the parameters; each rate limit keeps its consumed gap (a "decrease" never
    /// raises what can move). Returns the old parameters.
    pub fn set_params(&mut self, params: PoolParams, now: i64) -> PoolParams {
        let old = self.params;
        self.params = params;
        for (limit, p) in [
            (&mut self.bid_limit, params.bid_limit),
            (&mut self.ask_limit, params.ask_limit),
            (&mut self.redeem_limit, params.redeem_limit),
        ] {
            limit.set(now, p.max_amount, p.slope);
        }
        old
    }

    /// Pauses the pool by hand (governance, the beacon or the freezer).
    pub fn pause_manually(&mut self) {
        self.paused = true;
        self.pause_reason = PauseReason::Manual;
    }

    /// Switches to the proposed price source (the caller checked its delay): returns
    /// (old, new). A new source starts afresh: its publish times are not comparable with
    /// the old one's.
    pub fn take_pending_price_source(&mut self) -> Result<(PriceSource, PriceSource)> {
        let new = self
            .pending_price_source
            .ok_or(TradingError::NoPendingPriceSource)?;
        let old = self.price_source;
        self.price_source = new;
        self.pending_price_source = None;
        self.pending_price_source_eta = 0;
        self.last_price_ts = 0;
        Ok((old, new))
    }

    /// Writes off failed redemption `rd`: what it still owed stops holding withdrawals
    /// back (what partial recoveries brought was released then). Returns that amount.
    pub fn write_off(&mut self, rd: &mut super::Redemption) -> u64 {
        let outstanding = rd.expected_quote.saturating_sub(rd.received);
        self.failed_expected = self.failed_expected.saturating_sub(outstanding);
        rd.status = super::RedemptionStatus::WrittenOff;
        outstanding
    }

    /// The pro-rata cost basis of `amount` of the inventory, rounded up (realised P&L is
    /// never overstated) and at most the whole cost.
    pub fn inventory_cost_of(&self, amount: u64) -> Result<u64> {
        let cost =
            halo_math::mul_div_u64(self.inventory_cost, amount, self.inventory, Rounding::Up)
                .or_overflow()?;
        Ok(cost.min(self.inventory_cost))
    }

    /// Books `amount` of free USDS returned to the PAU, burning `burn` of its position's
    /// shares (the caller checked both against the pool and the position).
    pub fn book_return(&mut self, pos: &mut super::LpPosition, amount: u64, burn: u64) {
        self.quote_liquidity = self.quote_liquidity.saturating_sub(amount);
        self.total_shares = self.total_shares.saturating_sub(burn);
        pos.shares = pos.shares.saturating_sub(burn);
        pos.total_withdrawn = pos.total_withdrawn.saturating_add(u128::from(amount));
    }

    /// Takes `amount` out of the booked inventory with its pro-rata cost basis and returns
    /// that cost.
    pub fn remove_inventory(&mut self, amount: u64) -> Result<u64> {
        let cost = self.inventory_cost_of(amount)?;
        self.inventory = self.inventory.saturating_sub(amount);
        self.inventory_cost = self.inventory_cost.saturating_sub(cost);
        Ok(cost)
    }

    /// The refusals every swap path shares: class or pool paused, side disabled, buys
    /// paused by a failed redemption.
    pub fn check_swap_open(&self, class_paused: bool, side: Side) -> Result<()> {
        require!(!class_paused, TradingError::ClassPaused);
        require!(!self.paused, TradingError::PoolPaused);
        match side {
            Side::SellAsset => {
                require!(self.buy_enabled, TradingError::BuysDisabled);
                require!(
                    !self.redemption_failed,
                    TradingError::BuysPausedRedemptionFailed
                );
            }
            Side::BuyAsset => require!(self.sell_enabled, TradingError::SellsDisabled),
        }
        Ok(())
    }

    /// Applies a swap's checked update (`manager::swap_manager::post_swap_update`): books,
    /// the side's rate limit and the lifetime counters.
    #[inline(always)]
    pub fn update_after_swap(&mut self, u: &PostSwapUpdate) {
        self.inventory = u.inventory;
        self.inventory_cost = u.inventory_cost;
        self.quote_liquidity = u.quote_liquidity;
        self.realised_pnl = u.realised_pnl;
        let asset = u128::from(u.fill.asset_amount);
        let quote = u128::from(u.fill.quote_amount);
        match u.side {
            Side::SellAsset => {
                self.bid_limit = u.limit;
                self.bought_asset = self.bought_asset.saturating_add(asset);
                self.bought_quote = self.bought_quote.saturating_add(quote);
            }
            Side::BuyAsset => {
                self.ask_limit = u.limit;
                self.sold_asset = self.sold_asset.saturating_add(asset);
                self.sold_quote = self.sold_quote.saturating_add(quote);
            }
        }
        self.spread_earned = self
            .spread_earned
            .saturating_add(u128::from(u.spread_quote));
        self.swaps = self.swaps.saturating_add(1);
    }

    /// What must hold of the pool's books after every change (refused with
    /// `PoolInvariantBroken` otherwise):
    /// * queued and dead shares are part of `total_shares`;
    /// * no inventory means no cost basis;
    /// * every rate limit holds at most its maximum;
    /// * the withdrawal cursor never passes the open generation; the redemption cursor
    ///   never passes the next id, and with nothing pending nothing is expected.
    #[inline(always)]
    pub fn invariant(&self) -> Result<()> {
        let limit_ok = |l: &RateLimitState| l.is_unlimited() || l.last_amount <= l.max_amount;
        let nothing_pending = self.oldest_pending_id == self.next_redemption_id;
        let ok = self.queued_shares <= self.total_shares
            && self.dead_shares <= self.total_shares
            && (self.inventory > 0 || self.inventory_cost == 0)
            && limit_ok(&self.bid_limit)
            && limit_ok(&self.ask_limit)
            && limit_ok(&self.redeem_limit)
            && self.queue_settling_gen <= self.queue_open_gen
            && self.oldest_pending_id <= self.next_redemption_id
            && (!nothing_pending
                || (self.pending_asset == 0
                    && self.pending_expected == 0
                    && self.pending_cost == 0));
        require!(ok, TradingError::PoolInvariantBroken);
        Ok(())
    }

    /// The books after a change: the invariant, and each vault balance given holds at
    /// least what the books say (`check_quote_vault`, `check_asset_vault`).
    #[inline(always)]
    pub fn check_books(&self, quote_vault: Option<u64>, asset_vault: Option<u64>) -> Result<()> {
        self.invariant()?;
        if let Some(balance) = quote_vault {
            self.check_quote_vault(balance)?;
        }
        if let Some(balance) = asset_vault {
            self.check_asset_vault(balance)?;
        }
        Ok(())
    }

    /// The quote vault holds at least what the books say: `quote_vault >= quote_liquidity
    /// + claims_reserved` (a surplus is unbooked: issuer settlements in transit or
    /// donations). Refused with `VaultBelowBooked` otherwise.
    pub fn check_quote_vault(&self, balance: u64) -> Result<()> {
        let booked = self.quote_liquidity.safe_add(self.claims_reserved)?;
        require!(balance >= booked, TradingError::VaultBelowBooked);
        Ok(())
    }

    /// The asset vault holds at least the booked inventory (`VaultBelowBooked` otherwise).
    pub fn check_asset_vault(&self, balance: u64) -> Result<()> {
        require!(balance >= self.inventory, TradingError::VaultBelowBooked);
        Ok(())
    }

    /// `["unit", class, unit_id le, bump]`: the pool's seeds with its bump.
    pub fn signer_seeds<'a>(
        class: &'a Pubkey,
        unit_id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_UNIT, class.as_ref(), unit_id_le, bump]
    }

    /// Runs `f` with the pool PDA's signer seeds.
    pub fn with_signer<R>(&self, f: impl FnOnce(&[&[&[u8]]]) -> R) -> R {
        let id = self.unit_id.to_le_bytes();
        let bump = [self.bump];
        f(&[&Self::signer_seeds(&self.class, &id, &bump)])
    }

    /// A new pool's trading state (its identity, mints and vaults are set by the
    /// caller): both sides enabled, not paused, every rate limit full at `now`, no
    /// redemption pending. The caller reads and anchors the first price.
    pub fn open(&mut self, price_source: PriceSource, params: PoolParams, now: i64) {
        self.version = ACCOUNT_VERSION;
        self.price_source = price_source;
        self.params = params;
        self.buy_enabled = true;
        self.sell_enabled = true;
        self.pause_reason = PauseReason::None;
        self.bid_limit = params.bid_limit.full_at(now);
        self.ask_limit = params.ask_limit.full_at(now);
        self.redeem_limit = params.redeem_limit.full_at(now);
        self.oldest_pending_due = i64::MAX;
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    fn zeroed<T: AnchorDeserialize>(len: usize) -> T {
        T::deserialize(&mut &vec![0u8; len][..]).unwrap()
    }

    /// Finding 9's second half: value sitting in a pool with no shares (dust left by the
    /// last exit, a late receipt) is not bought by the next depositor's first unit.
    #[test]
    fn a_deposit_into_value_without_shares_mints_dead_shares_first() {
        let mut p: Pool = zeroed(Pool::INIT_SPACE);
        let mut pos: super::super::LpPosition = zeroed(super::super::LpPosition::INIT_SPACE);
        p.quote_liquidity = 1_000_000;
        let shares = p.book_deposit(&mut pos, 1, 1_000_000).unwrap();
        assert_eq!(shares, 1);
        assert_eq!((p.dead_shares, p.total_shares), (1_000_000, 1_000_001));
        // what the depositor's share is worth now: 1 unit, not the orphaned value
        let worth = halo_math::shares::assets_for_shares(
            pos.shares,
            p.quote_liquidity,
            p.total_shares,
            Rounding::Down,
        )
        .unwrap();
        assert_eq!(worth, 1);
        // an ordinary first deposit (nothing orphaned) mints no dead shares
        let mut q: Pool = zeroed(Pool::INIT_SPACE);
        let mut pos: super::super::LpPosition = zeroed(super::super::LpPosition::INIT_SPACE);
        assert_eq!(q.book_deposit(&mut pos, 500, 0).unwrap(), 500);
        assert_eq!(q.dead_shares, 0);
    }

    #[test]
    fn invariant_holds_for_a_new_pool_and_refuses_each_break() {
        let ok: Pool = zeroed(Pool::INIT_SPACE);
        assert!(ok.invariant().is_ok());
        let broken = |f: fn(&mut Pool)| {
            let mut p: Pool = zeroed(Pool::INIT_SPACE);
            f(&mut p);
            p.invariant().unwrap_err()
        };
        let want = anchor_lang::error::Error::from(TradingError::PoolInvariantBroken);
        assert_eq!(broken(|p| p.queued_shares = 1), want);
        assert_eq!(broken(|p| p.dead_shares = 1), want);
        assert_eq!(broken(|p| p.inventory_cost = 1), want);
        assert_eq!(broken(|p| p.ask_limit.last_amount = 1), want);
        assert_eq!(broken(|p| p.queue_settling_gen = 1), want);
        assert_eq!(broken(|p| p.oldest_pending_id = 1), want);
        assert_eq!(broken(|p| p.pending_cost = 1), want);
        // an unlimited limit may hold anything
        let mut p: Pool = zeroed(Pool::INIT_SPACE);
        p.redeem_limit.max_amount = u64::MAX;
        p.redeem_limit.last_amount = 5;
        assert!(p.invariant().is_ok());
        // vaults: exactly booked passes, one unit short is refused
        p.quote_liquidity = 10;
        p.claims_reserved = 5;
        p.inventory = 3;
        p.inventory_cost = 1;
        let short = anchor_lang::error::Error::from(TradingError::VaultBelowBooked);
        assert!(p.check_quote_vault(15).is_ok() && p.check_asset_vault(3).is_ok());
        assert_eq!(p.check_quote_vault(14).unwrap_err(), short);
        assert_eq!(p.check_asset_vault(2).unwrap_err(), short);
    }

    #[test]
    fn size_is_stable() {
        // spot-check: the account fits comfortably and its size is deliberate
        assert_eq!(
            PoolParams::INIT_SPACE,
            2 * 4 + 4 * 3 + 2 * 2 + 8 * 3 + 16 * 3 + 32 + 4 + 1 + 2
        );
        assert_eq!(RateLimitState::INIT_SPACE, 32);
        assert_eq!(
            Pool::INIT_SPACE,
            2 + 32 + 8 + 32 * 2 + 2 + 32 * 2 // ids, mints, vaults
                + 33 + PoolParams::INIT_SPACE // price source, params
                + 5 + 16 + 8 // flags, reference price
                + 32 * 3 // limits
                + 8 * 11 // accounting and queue
                + 8 + 16 * 6 + 8 * 2 // counters
                + 8 // failed_expected
                + 8 // dead shares
                + 16 + 8 + 8 + 16 + 8 // swap price, slot, change time; deviation anchor
                + 1 + 33 + 8 // pending price source
                + 8 * 3 // redemption cursor, its due time, pending asset
                + 64
        );
    }
}
