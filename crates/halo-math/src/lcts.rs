//! LCTS generation maths (the Passthrough Halo's subscribe / redeem queues), pure and
//! O(1) in the number of users.
//!
//! A queue's current generation holds `total_underlying` (what waits to be converted) and
//! `total_shares` (internal, u128: claims on what remains and on the rewards). Each
//! settlement converts up to the capacity and credits the reward it produced to every
//! share at once through `reward_per_share` (WAD-scaled, cumulative), so a position's
//! claim is `shares * (reward_per_share - reward_debt) / WAD`, whatever the order of
//! claims. Every division rounds against the user: shares minted and payouts round down,
//! so the queue never pays out more than it received; the rounding dust stays in it.
//!
//! Dust: when what a settlement would leave is below `dust`, that settlement converts it
//! too (exceeding the capacity by less than `dust`), so the generation finalizes instead
//! of lingering with a remainder whose share price would explode.

use crate::fixed::{mul_div, MathError, Rounding, WAD};

/// The running totals of a queue's current generation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenerationTotals {
    /// Internal shares of every position still in the generation.
    pub total_shares: u128,
    /// precision: underlying base units waiting to be converted.
    pub total_underlying: u64,
    /// precision: WAD; reward (base units of the reward mint) per share, cumulative.
    pub reward_per_share: u128,
}

/// One owner's position in a generation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PositionShares {
    pub shares: u128,
    /// precision: WAD; `reward_per_share` when the position last claimed or entered.
    pub reward_debt: u128,
}

/// Why an LCTS operation was refused (programs map each to their own error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LctsError {
    /// The amount is below the queue's minimum entry.
    BelowMinimumEntry,
    /// The amount is too small to mint one share at the current price.
    ZeroShares,
    /// The position holds nothing in this generation.
    EmptyPosition,
    /// Everything was converted: the generation finalizes, and entries go to the next.
    GenerationDrained,
    /// A result does not fit its type.
    Math(MathError),
}

impl From<MathError> for LctsError {
    fn from(e: MathError) -> Self {
        LctsError::Math(e)
    }
}

/// What a settlement did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SettleOutcome {
    /// precision: underlying base units converted (at most capacity + dust).
    pub converted: u64,
    /// The generation has nothing left: it finalizes.
    pub drained: bool,
}

/// The reward `position` has earned and not claimed, rounded down.
pub fn pending_reward(g: &GenerationTotals, p: &PositionShares) -> Result<u64, MathError> {
    let per_share = g
        .reward_per_share
        .checked_sub(p.reward_debt)
        .ok_or(MathError::Overflow)?;
    let reward = mul_div(p.shares, per_share, WAD, Rounding::Down)?;
    u64::try_from(reward).map_err(|_| MathError::Overflow)
}

/// The underlying `position` would take out on a full exit now, rounded down.
pub fn underlying_of(g: &GenerationTotals, p: &PositionShares) -> Result<u64, MathError> {
    if g.total_shares == 0 {
        return Ok(0);
    }
    let out = mul_div(
        p.shares,
        u128::from(g.total_underlying),
        g.total_shares,
        Rounding::Down,
    )?;
    u64::try_from(out).map_err(|_| MathError::Overflow)
}

/// Adds `amount` of underlying for `position`: the shares minted (`amount` for an empty
/// generation, else `floor(amount * total_shares / total_underlying)`), after paying out
/// the position's pending reward (returned). Refused below `min_entry` or when no share
/// would be minted; nothing changes then.
pub fn enter(
    g: &mut GenerationTotals,
    p: &mut PositionShares,
    amount: u64,
    min_entry: u64,
) -> Result<(u128, u64), LctsError> {
    if amount == 0 || amount < min_entry {
        return Err(LctsError::BelowMinimumEntry);
    }
    if g.total_shares > 0 && g.total_underlying == 0 {
        return Err(LctsError::GenerationDrained);
    }
    let reward = pending_reward(g, p)?;
    let shares = if g.total_shares == 0 {
        u128::from(amount)
    } else {
        mul_div(
            u128::from(amount),
            g.total_shares,
            u128::from(g.total_underlying),
            Rounding::Down,
        )?
    };
    if shares == 0 {
        return Err(LctsError::ZeroShares);
    }
    let total_shares = g
        .total_shares
        .checked_add(shares)
        .ok_or(MathError::Overflow)?;
    let total_underlying = g
        .total_underlying
        .checked_add(amount)
        .ok_or(MathError::Overflow)?;
    let position_shares = p.shares.checked_add(shares).ok_or(MathError::Overflow)?;
    g.total_shares = total_shares;
    g.total_underlying = total_underlying;
    p.shares = position_shares;
    p.reward_debt = g.reward_per_share;
    Ok((shares, reward))
}

/// Pays `position` its pending reward (returned) and moves its debt up to date.
pub fn claim(g: &GenerationTotals, p: &mut PositionShares) -> Result<u64, MathError> {
    let reward = pending_reward(g, p)?;
    p.reward_debt = g.reward_per_share;
    Ok(reward)
}

/// A full exit: the position's part of the remaining underlying and its pending reward
/// (both rounded down) leave; the position is emptied. Refused for an empty position.
pub fn exit(g: &mut GenerationTotals, p: &mut PositionShares) -> Result<(u64, u64), LctsError> {
    if p.shares == 0 {
        return Err(LctsError::EmptyPosition);
    }
    let reward = pending_reward(g, p)?;
    let underlying = underlying_of(g, p)?;
    let total_shares = g
        .total_shares
        .checked_sub(p.shares)
        .ok_or(MathError::Overflow)?;
    let total_underlying = g
        .total_underlying
        .checked_sub(underlying)
        .ok_or(MathError::Overflow)?;
    g.total_shares = total_shares;
    // the last one out leaves nothing behind: the rounding dust goes with them
    g.total_underlying = if total_shares == 0 {
        0
    } else {
        total_underlying
    };
    let underlying = if total_shares == 0 {
        underlying
            .checked_add(total_underlying)
            .ok_or(MathError::Overflow)?
    } else {
        underlying
    };
    *p = PositionShares::default();
    Ok((underlying, reward))
}

/// How much a settlement converts: `min(capacity, total_underlying)`, or everything when
/// what would remain is below `dust`. A zero capacity converts nothing (it only unlocks).
pub fn conversion(g: &GenerationTotals, capacity: u64, dust: u64) -> u64 {
    conversion_of(g.total_underlying, capacity, dust)
}

/// [`conversion`] of `remaining` underlying (what is left after netting, say).
pub fn conversion_of(remaining: u64, capacity: u64, dust: u64) -> u64 {
    if capacity == 0 {
        return 0;
    }
    let convert = capacity.min(remaining);
    let rest = remaining.saturating_sub(convert);
    if rest < dust {
        remaining
    } else {
        convert
    }
}

/// Books a settlement that converted `converted` underlying (see [`conversion`]) into
/// `reward` of the reward mint (the caller computes it at the exchange rate): the reward
/// is spread over every share (rounded down: the dust stays in the reward vault).
pub fn settle(
    g: &mut GenerationTotals,
    converted: u64,
    reward: u64,
) -> Result<SettleOutcome, MathError> {
    let total_underlying = g
        .total_underlying
        .checked_sub(converted)
        .ok_or(MathError::Overflow)?;
    let reward_per_share = if g.total_shares == 0 {
        g.reward_per_share
    } else {
        let add = mul_div(u128::from(reward), WAD, g.total_shares, Rounding::Down)?;
        g.reward_per_share
            .checked_add(add)
            .ok_or(MathError::Overflow)?
    };
    g.total_underlying = total_underlying;
    g.reward_per_share = reward_per_share;
    Ok(SettleOutcome {
        converted,
        drained: total_underlying == 0,
    })
}

/// Halo Unit shares minted for `usds` converted on the subscribe side at `rate_wad`
/// (USDS per share, WAD), rounded down.
pub fn shares_for_usds(usds: u64, rate_wad: u128) -> Result<u64, MathError> {
    let v = mul_div(u128::from(usds), WAD, rate_wad, Rounding::Down)?;
    u64::try_from(v).map_err(|_| MathError::Overflow)
}

/// USDS returned for `shares` redeemed at `rate_wad`, rounded down.
pub fn usds_for_shares(shares: u64, rate_wad: u128) -> Result<u64, MathError> {
    let v = mul_div(u128::from(shares), rate_wad, WAD, Rounding::Down)?;
    u64::try_from(v).map_err(|_| MathError::Overflow)
}

/// What netting the two queues of a unit matches inside it (no PAU movement).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Netting {
    /// precision: USDS base units passed from the subscribe queue to the redeem queue.
    pub usds: u64,
    /// Halo Unit shares the subscribers receive: `floor(usds * WAD / rate)`.
    pub shares_to_subscribers: u64,
    /// Halo Unit shares the redeemers give up: `ceil(usds * WAD / rate)`, at most what
    /// they queued. The difference (at most one base unit) is burned, in the unit's favour.
    pub shares_from_redeemers: u64,
}

/// Nets `subscribe_usds` waiting to subscribe against `redeem_shares` waiting to redeem at
/// `rate_wad` (USDS per share, WAD): the matched USDS is the smaller side's value (the
/// redeem side valued rounded down), so neither side gets more than the other gives.
pub fn net(subscribe_usds: u64, redeem_shares: u64, rate_wad: u128) -> Result<Netting, MathError> {
    let redeem_value = usds_for_shares(redeem_shares, rate_wad)?;
    let usds = subscribe_usds.min(redeem_value);
    let to_subscribers = shares_for_usds(usds, rate_wad)?;
    let from_redeemers = mul_div(u128::from(usds), WAD, rate_wad, Rounding::Up)?;
    let from_redeemers = u64::try_from(from_redeemers)
        .map_err(|_| MathError::Overflow)?
        .min(redeem_shares);
    Ok(Netting {
        usds,
        shares_to_subscribers: to_subscribers,
        shares_from_redeemers: from_redeemers,
    })
}

/// What a `settle_pair` converts: the netting, then each side's conversion through the
/// PAU of what netting left (see [`conversion_of`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PairPlan {
    pub netting: Netting,
    /// precision: USDS base units through the deploy route.
    pub subscribe_external: u64,
    /// precision: shares redeemed through the return route.
    pub redeem_external: u64,
}

/// Plans a `settle_pair`: `subscribe_waiting` USDS and `redeem_waiting` shares (0 for a
/// queue that is not locked) net at `rate_wad`, then the capacities apply to what is left,
/// each with the dust rule.
pub fn plan_pair(
    subscribe_waiting: u64,
    redeem_waiting: u64,
    rate_wad: u128,
    (subscribe_capacity, redeem_capacity): (u64, u64),
    dust: u64,
) -> Result<PairPlan, MathError> {
    let netting = net(subscribe_waiting, redeem_waiting, rate_wad)?;
    let sub_left = subscribe_waiting
        .checked_sub(netting.usds)
        .ok_or(MathError::Overflow)?;
    let red_left = redeem_waiting
        .checked_sub(netting.shares_from_redeemers)
        .ok_or(MathError::Overflow)?;
    Ok(PairPlan {
        netting,
        subscribe_external: conversion_of(sub_left, subscribe_capacity, dust),
        redeem_external: conversion_of(red_left, redeem_capacity, dust),
    })
}

/// Governance's bounds on the beacon's exchange-rate updates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateBounds {
    /// precision: bps; the most one update may raise the rate (yield).
    pub max_up_bps: u16,
    /// precision: bps; the most one update may lower it (a haircut).
    pub max_down_bps: u16,
    /// precision: seconds; at most one update per epoch, and a rate older than one epoch
    /// is stale.
    pub epoch_s: i64,
}

/// Why the beacon's exchange-rate update was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateUpdateError {
    /// A zero rate.
    Zero,
    /// Less than an epoch since the last update.
    TooSoon,
    /// More than `max_up_bps` above the current rate.
    AboveBound,
    /// More than `max_down_bps` below it.
    BelowBound,
    Math(MathError),
}

/// Checks the beacon's update of the rate from `old_wad` (last set at `updated_at`) to
/// `new_wad` at `now`: once per epoch, within the bounds of the old rate (the upper
/// bound rounded down, the lower rounded up: both against the beacon).
pub fn check_rate_update(
    old_wad: u128,
    new_wad: u128,
    updated_at: i64,
    now: i64,
    b: &RateBounds,
) -> Result<(), RateUpdateError> {
    if new_wad == 0 {
        return Err(RateUpdateError::Zero);
    }
    if now < updated_at.saturating_add(b.epoch_s) {
        return Err(RateUpdateError::TooSoon);
    }
    let bps = |v: u16, r: Rounding| mul_div(old_wad, u128::from(v), 10_000, r);
    let up = bps(b.max_up_bps, Rounding::Down).map_err(RateUpdateError::Math)?;
    let down = bps(b.max_down_bps, Rounding::Up).map_err(RateUpdateError::Math)?;
    let ceiling = old_wad
        .checked_add(up)
        .ok_or(RateUpdateError::Math(MathError::Overflow))?;
    let floor = old_wad.saturating_sub(down);
    if new_wad > ceiling {
        return Err(RateUpdateError::AboveBound);
    }
    if new_wad < floor {
        return Err(RateUpdateError::BelowBound);
    }
    Ok(())
}

/// A rate last set at `updated_at` is stale at `now` once more than an epoch has passed:
/// settlement waits for a refresh (or governance).
pub fn rate_is_stale(updated_at: i64, now: i64, epoch_s: i64) -> bool {
    now > updated_at.saturating_add(epoch_s)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn first_entry_mints_one_share_per_unit_and_later_ones_at_the_price() {
        let mut g = GenerationTotals::default();
        let (mut a, mut b) = (PositionShares::default(), PositionShares::default());
        assert_eq!(enter(&mut g, &mut a, 1_000, 1), Ok((1_000, 0)));
        assert_eq!(enter(&mut g, &mut b, 500, 1), Ok((500, 0)));
        assert_eq!((g.total_shares, g.total_underlying), (1_500, 1_500));
        assert_eq!(
            enter(&mut g, &mut b, 0, 0),
            Err(LctsError::BelowMinimumEntry)
        );
        assert_eq!(
            enter(&mut g, &mut b, 9, 10),
            Err(LctsError::BelowMinimumEntry)
        );
    }

    #[test]
    fn settlement_shares_capacity_pro_rata() {
        // two users, 600 and 400; capacity 500 converts into 250 reward
        let mut g = GenerationTotals::default();
        let (mut a, mut b) = (PositionShares::default(), PositionShares::default());
        enter(&mut g, &mut a, 600, 1).unwrap();
        enter(&mut g, &mut b, 400, 1).unwrap();
        let c = conversion(&g, 500, 0);
        assert_eq!(c, 500);
        let out = settle(&mut g, c, 250).unwrap();
        assert!(!out.drained);
        assert_eq!(pending_reward(&g, &a), Ok(150));
        assert_eq!(pending_reward(&g, &b), Ok(100));
        assert_eq!(underlying_of(&g, &a), Ok(300));
        assert_eq!(underlying_of(&g, &b), Ok(200));
        // a late entrant earns nothing from before its entry
        let mut c3 = PositionShares::default();
        enter(&mut g, &mut c3, 100, 1).unwrap();
        assert_eq!(pending_reward(&g, &c3), Ok(0));
    }

    #[test]
    fn a_pair_nets_first_then_converts_what_is_left_within_the_capacities() {
        // 1,000 USDS against 400 shares at 1.0: 400 netted, 600 left for the deploy route
        let p = plan_pair(1_000, 400, WAD, (250, 100), 10).unwrap();
        assert_eq!(p.netting.usds, 400);
        assert_eq!((p.subscribe_external, p.redeem_external), (250, 0));
        // a side that is not locked brings nothing
        let p = plan_pair(0, 400, WAD, (250, 100), 10).unwrap();
        assert_eq!(
            (p.netting.usds, p.subscribe_external, p.redeem_external),
            (0, 0, 100)
        );
        // capacities above the queues convert everything; zero capacities only net
        let p = plan_pair(1_000, 1_500, WAD, (u64::MAX, u64::MAX), 10).unwrap();
        assert_eq!(
            (p.netting.usds, p.subscribe_external, p.redeem_external),
            (1_000, 0, 500)
        );
        let p = plan_pair(1_000, 995, WAD, (0, 0), 10).unwrap();
        assert_eq!(
            (p.subscribe_external, p.redeem_external),
            (0, 0),
            "no dust sweep without capacity"
        );
    }

    #[test]
    fn dust_below_the_threshold_is_converted_so_the_generation_finalizes() {
        let mut g = GenerationTotals::default();
        let mut a = PositionShares::default();
        enter(&mut g, &mut a, 1_000, 1).unwrap();
        // capacity 995 would leave 5 < dust 10: everything converts
        assert_eq!(conversion(&g, 995, 10), 1_000);
        assert_eq!(conversion(&g, 900, 10), 900);
        assert_eq!(conversion(&g, 0, 10), 0);
        assert_eq!(conversion_of(5, 0, 10), 0);
        assert_eq!(conversion_of(5, 1, 10), 5);
        let out = settle(&mut g, 1_000, 1_000).unwrap();
        assert!(out.drained);
        assert_eq!(pending_reward(&g, &a), Ok(1_000));
        // a drained generation takes no new entry (it would buy the old shares' rewards)
        let mut late = PositionShares::default();
        assert_eq!(
            enter(&mut g, &mut late, 10, 1),
            Err(LctsError::GenerationDrained)
        );
    }

    #[test]
    fn exit_takes_the_part_and_the_last_one_takes_the_dust() {
        let mut g = GenerationTotals::default();
        let (mut a, mut b) = (PositionShares::default(), PositionShares::default());
        enter(&mut g, &mut a, 3, 1).unwrap();
        enter(&mut g, &mut b, 4, 1).unwrap();
        settle(&mut g, 2, 0).unwrap(); // 5 left for 7 shares
        assert_eq!(exit(&mut g, &mut a), Ok((2, 0))); // floor(3 * 5 / 7)
        assert_eq!(exit(&mut g, &mut b), Ok((3, 0))); // the rest
        assert_eq!(g.total_underlying, 0);
        assert_eq!(exit(&mut g, &mut b), Err(LctsError::EmptyPosition));
    }

    #[test]
    fn exchange_rate_conversions_round_down() {
        let rate = WAD + WAD / 2; // 1.5 USDS per share
        assert_eq!(shares_for_usds(3, rate), Ok(2));
        assert_eq!(shares_for_usds(2, rate), Ok(1));
        assert_eq!(usds_for_shares(3, rate), Ok(4));
        assert!(shares_for_usds(1, 0).is_err());
    }

    #[test]
    fn netting_matches_the_smaller_side_and_rounds_for_the_unit() {
        let rate = WAD + WAD / 2; // 1.5 USDS per share
                                  // 100 USDS against 1,000 shares (worth 1,500): all 100 USDS match
        let n = net(100, 1_000, rate).unwrap();
        assert_eq!(n.usds, 100);
        assert_eq!(n.shares_to_subscribers, 66); // floor(100 / 1.5)
        assert_eq!(n.shares_from_redeemers, 67); // ceil(100 / 1.5)
                                                 // 1,000 USDS against 10 shares (worth 15): 15 USDS match, all 10 shares go
        let n = net(1_000, 10, rate).unwrap();
        assert_eq!(
            (n.usds, n.shares_to_subscribers, n.shares_from_redeemers),
            (15, 10, 10)
        );
        assert_eq!(net(0, 10, rate).unwrap(), Netting::default());
        assert_eq!(net(10, 0, rate).unwrap(), Netting::default());
    }

    proptest! {
        #[test]
        fn netting_never_creates_shares_or_usds(
            usds in 0u64..1_000_000_000_000_000, shares in 0u64..1_000_000_000_000_000,
            rate in (WAD / 1_000)..(WAD * 1_000),
        ) {
            let n = net(usds, shares, rate).unwrap();
            prop_assert!(n.usds <= usds);
            prop_assert!(n.shares_from_redeemers <= shares);
            prop_assert!(n.shares_to_subscribers <= n.shares_from_redeemers);
            // the redeemers are paid no more than their shares are worth
            prop_assert!(n.usds <= usds_for_shares(n.shares_from_redeemers, rate).unwrap());
        }
    }

    #[test]
    fn rate_updates_once_per_epoch_within_bounds() {
        let b = RateBounds {
            max_up_bps: 100,
            max_down_bps: 500,
            epoch_s: 86_400,
        };
        let old = WAD;
        let day = 86_400;
        // exactly at the bounds: +1 % and -5 %
        assert_eq!(check_rate_update(old, old + WAD / 100, 0, day, &b), Ok(()));
        assert_eq!(check_rate_update(old, old - WAD / 20, 0, day, &b), Ok(()));
        // one unit beyond either bound, too soon, zero
        assert_eq!(
            check_rate_update(old, old + WAD / 100 + 1, 0, day, &b),
            Err(RateUpdateError::AboveBound)
        );
        assert_eq!(
            check_rate_update(old, old - WAD / 20 - 1, 0, day, &b),
            Err(RateUpdateError::BelowBound)
        );
        assert_eq!(
            check_rate_update(old, old, 0, day - 1, &b),
            Err(RateUpdateError::TooSoon)
        );
        assert_eq!(
            check_rate_update(old, 0, 0, day, &b),
            Err(RateUpdateError::Zero)
        );
        // staleness: fresh through one epoch, stale after
        assert!(!rate_is_stale(0, day, day));
        assert!(rate_is_stale(0, day + 1, day));
    }

    #[derive(Clone, Debug)]
    enum Op {
        Enter(usize, u64),
        Exit(usize),
        Claim(usize),
        Settle(u64, u64),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0usize..4, 1u64..1_000_000_000).prop_map(|(u, a)| Op::Enter(u, a)),
            (0usize..4).prop_map(Op::Exit),
            (0usize..4).prop_map(Op::Claim),
            (0u64..2_000_000_000, 0u64..1_000_000_000).prop_map(|(c, r)| Op::Settle(c, r)),
        ]
    }

    proptest! {
        /// Random sequences by four users: the positions' claims never exceed what the
        /// queue holds, rewards paid never exceed rewards received, and everything paid
        /// out plus what remains equals what came in.
        #[test]
        fn the_queue_never_pays_out_more_than_it_holds(ops in proptest::collection::vec(op(), 1..60)) {
            let mut g = GenerationTotals::default();
            let mut pos = [PositionShares::default(); 4];
            let (mut underlying_in, mut underlying_out, mut converted) = (0u128, 0u128, 0u128);
            let (mut reward_in, mut reward_out) = (0u128, 0u128);
            for op in ops {
                match op {
                    Op::Enter(u, a) => {
                        if let Ok((_, r)) = enter(&mut g, &mut pos[u], a, 1) {
                            underlying_in += u128::from(a);
                            reward_out += u128::from(r);
                        }
                    }
                    Op::Exit(u) => {
                        if let Ok((x, r)) = exit(&mut g, &mut pos[u]) {
                            underlying_out += u128::from(x);
                            reward_out += u128::from(r);
                        }
                    }
                    Op::Claim(u) => reward_out += u128::from(claim(&g, &mut pos[u]).unwrap()),
                    Op::Settle(c, r) => {
                        if g.total_shares == 0 { continue; }
                        let x = conversion(&g, c, 10);
                        settle(&mut g, x, r).unwrap();
                        converted += u128::from(x);
                        reward_in += u128::from(r);
                    }
                }
                let claims: u128 = pos.iter().map(|p| u128::from(underlying_of(&g, p).unwrap())).sum();
                prop_assert!(claims <= u128::from(g.total_underlying));
                let owed: u128 = pos.iter().map(|p| u128::from(pending_reward(&g, p).unwrap())).sum();
                prop_assert!(reward_out + owed <= reward_in);
                prop_assert_eq!(underlying_in, underlying_out + converted + u128::from(g.total_underlying));
            }
        }
    }
}
