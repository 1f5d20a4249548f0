//! `halo status`: what every PAU, feed, pool, LCTS unit and NFAT facility holds now, from
//! a [`Snapshot`] alone. [`Status`] serialises to JSON for machines; [`render`] is the
//! table for people.
use std::collections::BTreeMap;

use anchor_lang::prelude::Pubkey;
use halo_sdk::fmt::{amount, duration, signed_amount, wad};
use serde::Serialize;

use crate::snapshot::Snapshot;

/// Everything `halo status` shows.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Status {
    /// The chain's unix time the snapshot was read at.
    pub now: i64,
    pub configurators: Vec<ConfiguratorStatus>,
    pub paus: Vec<PauStatus>,
    pub feeds: Vec<FeedStatus>,
    pub pools: Vec<PoolStatus>,
    pub units: Vec<UnitStatus>,
    pub facilities: Vec<FacilityStatus>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ConfiguratorStatus {
    pub address: String,
    pub admin: String,
    pub paused: bool,
    pub timelock_delay_s: i64,
    /// Timelocked additions scheduled and not yet executed or cancelled.
    pub ops_scheduled: u64,
    /// Of those, the ones whose eta has passed (anyone may execute them now).
    pub ops_executable: u64,
    pub ops_executed: u64,
    pub ops_cancelled: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PauStatus {
    pub address: String,
    pub configurator: String,
    pub pau_id: u64,
    pub registered: bool,
    pub frozen: bool,
    pub custody: Vec<CustodyStatus>,
    pub routes: Vec<RouteStatus>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct CustodyStatus {
    pub mint: String,
    pub decimals: Option<u8>,
    pub account: String,
    pub balance: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct RouteStatus {
    pub address: String,
    pub tag: String,
    pub mint: String,
    /// The mint's decimals (`null`: the mint could not be read); amounts are base units.
    pub decimals: Option<u8>,
    pub counterparty: String,
    pub unlimited: bool,
    pub max_amount: u64,
    /// Base units per second.
    pub slope: u64,
    pub available_now: u64,
    /// Seconds until the bucket is full again (`null`: it never refills).
    pub seconds_to_full: Option<u64>,
    pub total_out: u128,
    pub total_in: u128,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FeedStatus {
    pub address: String,
    pub feed_id: u64,
    pub value: u64,
    pub decimals: u8,
    pub publish_ts: i64,
    pub age_s: i64,
    pub updates: u64,
    pub reporters: u8,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PoolStatus {
    pub address: String,
    pub class: String,
    pub unit_id: u64,
    pub asset_mint: String,
    pub asset_decimals: u8,
    pub quote_decimals: u8,
    /// The last price the pool accepted (WAD: quote per asset, in whole units) and its
    /// age in seconds.
    pub nav_wad: u128,
    pub nav_age_s: i64,
    /// The spread a user sale gets now: the bid plus the inventory skew.
    pub bid_spread_bps: u32,
    pub skew_bps: u32,
    pub ask_spread_bps: u32,
    pub quote_liquidity: u64,
    pub claims_reserved: u64,
    pub inventory: u64,
    pub position_limit: u64,
    /// Inventory plus asset out for redemption, in bps of the position limit.
    pub position_used_bps: u64,
    pub pending_redemptions: u64,
    pub pending_asset: u64,
    pub pending_expected: u64,
    pub failed_expected: u64,
    pub paused: bool,
    pub pause_reason: String,
    pub buy_enabled: bool,
    pub sell_enabled: bool,
    pub redemption_failed: bool,
    pub total_shares: u64,
    pub queued_shares: u64,
    /// LP value (free USDS + inventory at NAV + expected redemptions), quote base units.
    pub value: Option<u64>,
    /// Quote per share (WAD), `null` with no shares.
    pub share_price_wad: Option<u128>,
    pub swaps: u64,
    pub spread_earned: u128,
    pub realised_pnl: i128,
    pub quote_vault_balance: Option<u64>,
    pub asset_vault_balance: Option<u64>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct UnitStatus {
    pub address: String,
    pub class: String,
    pub unit_id: u64,
    pub underlying_decimals: u8,
    /// `unit`, `subscribe`, `redeem`: which pauses are on.
    pub paused: Vec<String>,
    /// Underlying per share (WAD) and its age.
    pub rate_wad: u128,
    pub rate_age_s: i64,
    pub queues: Vec<QueueStatus>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct QueueStatus {
    pub address: String,
    pub side: String,
    pub status: String,
    pub generation: u64,
    /// What waits to be converted (USDS on the subscribe side, shares on the redeem side).
    pub backlog: u64,
    pub positions: u64,
    /// Seconds since the current generation opened (`null` while dormant).
    pub open_for_s: Option<i64>,
    pub converted: u64,
    pub finalized_generations: u64,
    pub underlying_vault_balance: Option<u64>,
    pub reward_vault_balance: Option<u64>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FacilityStatus {
    pub address: String,
    pub facility_id: u64,
    pub name: String,
    pub deposit_decimals: u8,
    pub halted: bool,
    pub allow_list: bool,
    /// The Primes' queue: capital waiting for a strike.
    pub queue_backlog: u64,
    pub queue_depositors: u64,
    pub queue_vault_balance: Option<u64>,
    pub redeem_vault_balance: Option<u64>,
    /// Books by status (`Created`, `Filling`, ...).
    pub books: BTreeMap<String, u64>,
    /// Open deals by status, and deals closed (their NFT burned, the account gone).
    pub deals: BTreeMap<String, u64>,
    pub deals_closed: u64,
    pub principal_outstanding: u64,
    pub redeem_liability: u64,
    /// What the open deals have been funded, and what they owe in all (principal,
    /// interest, penalties).
    pub funded: u64,
    pub owed: u64,
    pub late: Vec<LateDeal>,
    pub defaulted: Vec<u64>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct LateDeal {
    pub deal_id: u64,
    pub days_overdue: u64,
    pub overdue: u64,
}

fn key(k: &Pubkey) -> String {
    k.to_string()
}

fn tag(t: &[u8]) -> String {
    String::from_utf8_lossy(t).into_owned()
}

impl Status {
    pub fn of(s: &Snapshot) -> Status {
        let now = s.now;
        let configurators = s
            .configurators
            .iter()
            .map(|c| {
                let ops = s.ops.iter().filter(|o| o.state.configurator == c.address);
                let (mut scheduled, mut executable, mut executed, mut cancelled) = (0, 0, 0, 0);
                for o in ops {
                    use halo_pau::state::OpStatus;
                    match o.state.status {
                        OpStatus::Scheduled => {
                            scheduled += 1;
                            if o.state.eta <= now {
                                executable += 1;
                            }
                        }
                        OpStatus::Executed => executed += 1,
                        OpStatus::Cancelled => cancelled += 1,
                    }
                }
                ConfiguratorStatus {
                    address: key(&c.address),
                    admin: key(&c.state.admin),
                    paused: c.state.paused,
                    timelock_delay_s: c.state.timelock_delay_s,
                    ops_scheduled: scheduled,
                    ops_executable: executable,
                    ops_executed: executed,
                    ops_cancelled: cancelled,
                }
            })
            .collect();
        let paus = s
            .controllers
            .iter()
            .map(|c| PauStatus {
                address: key(&c.address),
                configurator: key(&c.state.configurator),
                pau_id: c.state.pau_id,
                registered: c.state.registered,
                frozen: c.state.frozen,
                custody: s
                    .custody
                    .get(&c.address)
                    .map(|held| {
                        held.iter()
                            .map(|h| CustodyStatus {
                                mint: key(&h.mint),
                                account: key(&h.account),
                                decimals: s.decimals.get(&h.mint).copied(),
                                balance: h.balance,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                routes: s
                    .rate_limits
                    .iter()
                    .filter(|r| r.state.controller == c.address)
                    .map(|r| {
                        let l = &r.state.limit;
                        RouteStatus {
                            address: key(&r.address),
                            tag: tag(r.state.tag()),
                            mint: key(&r.state.mint),
                            decimals: s.decimals.get(&r.state.mint).copied(),
                            counterparty: key(&r.state.counterparty),
                            unlimited: l.is_unlimited(),
                            max_amount: l.max_amount,
                            slope: l.slope,
                            available_now: l.available(now),
                            seconds_to_full: l.seconds_to_full(now),
                            total_out: r.state.total_out,
                            total_in: r.state.total_in,
                        }
                    })
                    .collect(),
            })
            .collect();
        let feeds = s
            .feeds
            .iter()
            .map(|f| FeedStatus {
                address: key(&f.address),
                feed_id: f.state.feed_id,
                value: f.state.value,
                decimals: f.state.decimals,
                publish_ts: f.state.publish_ts,
                age_s: now.saturating_sub(f.state.publish_ts),
                updates: f.state.updates,
                reporters: f.state.reporter_count,
            })
            .collect();
        let pools = s.pools.iter().map(|p| pool_status(s, p)).collect();
        let units = s.units.iter().map(|u| unit_status(s, u)).collect();
        let facilities = s.facilities.iter().map(|f| facility_status(s, f)).collect();
        Status {
            now,
            configurators,
            paus,
            feeds,
            pools,
            units,
            facilities,
        }
    }
}

fn pool_status(s: &Snapshot, p: &crate::snapshot::Entry<halo_trading::state::Pool>) -> PoolStatus {
    let st = &p.state;
    let pr = &st.params;
    let skewed = halo_math::pricing::skewed_spread_bps(
        u32::from(pr.bid_spread_bps),
        u32::from(pr.skew_start_bps),
        u32::from(pr.skew_max_bps),
        st.inventory,
        pr.position_limit,
    )
    .unwrap_or(u32::from(pr.bid_spread_bps));
    let exposure = st.inventory.saturating_add(st.pending_asset);
    let position_used_bps = halo_math::shares::used_bps(exposure, pr.position_limit);
    let value = st.value(st.last_price_wad).ok();
    let share_price_wad =
        value.and_then(|v| halo_math::shares::share_price_wad(v, st.total_shares));
    PoolStatus {
        address: key(&p.address),
        class: key(&st.class),
        unit_id: st.unit_id,
        asset_mint: key(&st.asset_mint),
        asset_decimals: st.asset_decimals,
        quote_decimals: st.quote_decimals,
        nav_wad: st.last_price_wad,
        nav_age_s: s.now.saturating_sub(st.last_price_ts),
        bid_spread_bps: skewed,
        skew_bps: skewed.saturating_sub(u32::from(pr.bid_spread_bps)),
        ask_spread_bps: u32::from(pr.ask_spread_bps),
        quote_liquidity: st.quote_liquidity,
        claims_reserved: st.claims_reserved,
        inventory: st.inventory,
        position_limit: pr.position_limit,
        position_used_bps,
        pending_redemptions: st.next_redemption_id.saturating_sub(st.oldest_pending_id),
        pending_asset: st.pending_asset,
        pending_expected: st.pending_expected,
        failed_expected: st.failed_expected,
        paused: st.paused,
        pause_reason: format!("{:?}", st.pause_reason),
        buy_enabled: st.buy_enabled,
        sell_enabled: st.sell_enabled,
        redemption_failed: st.redemption_failed,
        total_shares: st.total_shares,
        queued_shares: st.queued_shares,
        value,
        share_price_wad,
        swaps: st.swaps,
        spread_earned: st.spread_earned,
        realised_pnl: st.realised_pnl,
        quote_vault_balance: s.balance(&st.quote_vault),
        asset_vault_balance: s.balance(&st.asset_vault),
    }
}

fn unit_status(s: &Snapshot, u: &crate::snapshot::Entry<halo_lcts::state::LctsUnit>) -> UnitStatus {
    use halo_lcts::constants::{PAUSE_REDEEM, PAUSE_SUBSCRIBE, PAUSE_UNIT};
    let st = &u.state;
    let paused = [
        (PAUSE_UNIT, "unit"),
        (PAUSE_SUBSCRIBE, "subscribe"),
        (PAUSE_REDEEM, "redeem"),
    ]
    .iter()
    .filter(|(flag, _)| st.paused & flag != 0)
    .map(|(_, name)| (*name).to_string())
    .collect();
    let queues = [st.subscribe_queue, st.redeem_queue]
        .iter()
        .filter_map(|a| s.queues.iter().find(|q| q.address == *a))
        .map(|q| {
            let qs = &q.state;
            let dormant = matches!(qs.status, halo_lcts::state::QueueStatus::Dormant);
            QueueStatus {
                address: key(&q.address),
                side: format!("{:?}", qs.side).to_lowercase(),
                status: format!("{:?}", qs.status),
                generation: qs.gen_id,
                backlog: qs.total_underlying,
                positions: qs.positions,
                open_for_s: (!dormant).then(|| s.now.saturating_sub(qs.opened_at)),
                converted: qs.converted,
                finalized_generations: s
                    .finalized
                    .iter()
                    .filter(|g| g.state.queue == q.address)
                    .count() as u64,
                underlying_vault_balance: s.balance(&qs.underlying_vault),
                reward_vault_balance: s.balance(&qs.reward_vault),
            }
        })
        .collect();
    UnitStatus {
        address: key(&u.address),
        class: key(&st.class),
        unit_id: st.unit_id,
        underlying_decimals: st.underlying_decimals,
        paused,
        rate_wad: st.rate_wad,
        rate_age_s: s.now.saturating_sub(st.rate_updated_at),
        queues,
    }
}

fn facility_status(
    s: &Snapshot,
    f: &crate::snapshot::Entry<halo_nfat::state::Facility>,
) -> FacilityStatus {
    let st = &f.state;
    let mut books = BTreeMap::new();
    for b in s.books.iter().filter(|b| b.state.facility == f.address) {
        *books.entry(format!("{:?}", b.state.status)).or_insert(0) += 1;
    }
    let mut deals = BTreeMap::new();
    let (mut funded, mut owed) = (0u64, 0u64);
    let mut late = Vec::new();
    let mut defaulted = Vec::new();
    let mut open = 0u64;
    let mut mine: Vec<_> = s
        .deals
        .iter()
        .filter(|d| d.state.facility == f.address)
        .collect();
    mine.sort_by_key(|d| d.state.deal_id);
    for d in mine {
        let ds = &d.state;
        open += 1;
        *deals.entry(format!("{:?}", ds.status)).or_insert(0) += 1;
        if matches!(ds.status, halo_nfat::state::DealStatus::Defaulted) {
            defaulted.push(ds.deal_id);
        }
        let l = &ds.ledger;
        funded = funded.saturating_add(l.funded.total().unwrap_or(0));
        owed = owed.saturating_add(
            ds.terms
                .principal
                .saturating_add(l.total_interest)
                .saturating_add(l.penalty_owed),
        );
        if let Some(standing) = halo_sdk::nfat::standing(st, ds, s.now) {
            let overdue = standing
                .overdue
                .principal
                .saturating_add(standing.overdue.interest);
            if standing.days_overdue > 0 && overdue > 0 {
                late.push(LateDeal {
                    deal_id: ds.deal_id,
                    days_overdue: standing.days_overdue,
                    overdue,
                });
            }
        }
    }
    FacilityStatus {
        address: key(&f.address),
        facility_id: st.facility_id,
        name: st.name.clone(),
        deposit_decimals: st.deposit_decimals,
        halted: st.halted,
        allow_list: st.allow_list,
        queue_backlog: st.queue.total_underlying,
        queue_depositors: s
            .queue_deposits
            .iter()
            .filter(|q| q.state.facility == f.address && q.state.shares > 0)
            .count() as u64,
        queue_vault_balance: s.balance(&st.queue_vault),
        redeem_vault_balance: s.balance(&st.redeem_vault),
        books,
        deals,
        deals_closed: st.next_deal_id.saturating_sub(open),
        principal_outstanding: st.deals.principal_outstanding,
        redeem_liability: st.deals.redeem_liability,
        funded,
        owed,
        late,
        defaulted,
    }
}

/// A duration or "never".
fn eta(s: Option<u64>) -> String {
    match s {
        Some(0) => "full".into(),
        Some(t) => duration(i64::try_from(t).unwrap_or(i64::MAX)),
        None => "never (no slope)".into(),
    }
}

fn flags(pairs: &[(bool, &str)]) -> String {
    let on: Vec<&str> = pairs.iter().filter(|(b, _)| *b).map(|(_, n)| *n).collect();
    if on.is_empty() {
        "none".into()
    } else {
        on.join(", ")
    }
}

/// The table for people.
pub fn render(st: &Status) -> String {
    let mut o = String::new();
    let mut line = |s: String| {
        o.push_str(&s);
        o.push('\n');
    };
    line(format!("chain time {}", st.now));
    for c in &st.configurators {
        line(format!(
            "\nconfigurator {}: admin {}, timelock {}, {}; ops scheduled {} ({} executable now), executed {}, cancelled {}",
            c.address,
            c.admin,
            duration(c.timelock_delay_s),
            if c.paused { "PAUSED" } else { "running" },
            c.ops_scheduled,
            c.ops_executable,
            c.ops_executed,
            c.ops_cancelled
        ));
    }
    for p in &st.paus {
        line(format!(
            "\nPAU {} (id {}): {}{}",
            p.address,
            p.pau_id,
            if p.registered {
                "registered"
            } else {
                "NOT registered"
            },
            if p.frozen { ", FROZEN" } else { "" }
        ));
        for c in &p.custody {
            let held = match c.decimals {
                Some(d) => amount(c.balance, d),
                None => format!("{} base units", c.balance),
            };
            line(format!(
                "  custody {} of mint {}: {held}",
                c.account, c.mint
            ));
        }
        if !p.routes.is_empty() {
            line(format!(
                "  {:<16} {:>22} {:>18} {:>22} {:>18}  to {}",
                "route", "max", "slope/s", "available now", "time to full", "counterparty"
            ));
        }
        for r in &p.routes {
            let (max, avail) = if r.unlimited {
                ("unlimited".to_string(), "unlimited".to_string())
            } else {
                let units = |v: u64| match r.decimals {
                    Some(d) => amount(v, d),
                    None => format!("{v} base units"),
                };
                (units(r.max_amount), units(r.available_now))
            };
            let slope = match r.decimals {
                Some(d) => amount(r.slope, d),
                None => r.slope.to_string(),
            };
            line(format!(
                "  {:<16} {:>22} {:>18} {:>22} {:>18}  {}",
                r.tag,
                max,
                slope,
                avail,
                eta(r.seconds_to_full),
                r.counterparty
            ));
        }
    }
    for f in &st.feeds {
        line(format!(
            "\nfeed {} (id {}): {} published {} ago ({} updates, {} reporters)",
            f.address,
            f.feed_id,
            amount(f.value, f.decimals),
            duration(f.age_s),
            f.updates,
            f.reporters
        ));
    }
    for p in &st.pools {
        let q = |v: u64| amount(v, p.quote_decimals);
        let a = |v: u64| amount(v, p.asset_decimals);
        line(format!(
            "\npool {} (unit {}, asset {})",
            p.address, p.unit_id, p.asset_mint
        ));
        line(format!(
            "  NAV {} ({} old); bid NAV - {} bps (skew +{}), ask NAV + {} bps",
            wad(p.nav_wad, 6),
            duration(p.nav_age_s),
            p.bid_spread_bps,
            p.skew_bps,
            p.ask_spread_bps
        ));
        line(format!(
            "  USDS {} free + {} reserved for claims; inventory {} of a {} position limit ({}.{:02} %)",
            q(p.quote_liquidity),
            q(p.claims_reserved),
            a(p.inventory),
            a(p.position_limit),
            p.position_used_bps / 100,
            p.position_used_bps % 100
        ));
        line(format!(
            "  redemptions pending {} ({} asset, {} USDS expected); failed, unrecovered {}",
            p.pending_redemptions,
            a(p.pending_asset),
            q(p.pending_expected),
            q(p.failed_expected)
        ));
        line(format!(
            "  shares {} ({} queued); value {}; share price {}; {} swaps, spread earned {}, realised P&L {}",
            q(p.total_shares),
            q(p.queued_shares),
            p.value.map(q).unwrap_or_else(|| "unknown".into()),
            p.share_price_wad
                .map(|w| wad(w, 6))
                .unwrap_or_else(|| "n/a".into()),
            p.swaps,
            amount(p.spread_earned, p.quote_decimals),
            signed_amount(p.realised_pnl, p.quote_decimals)
        ));
        line(format!(
            "  pauses: {}",
            flags(&[
                (p.paused, &format!("paused ({})", p.pause_reason)),
                (!p.buy_enabled, "pool buys off"),
                (!p.sell_enabled, "pool sells off"),
                (p.redemption_failed, "redemption failed"),
            ])
        ));
    }
    for u in &st.units {
        line(format!(
            "\nLCTS unit {} (id {}): rate {} ({} old); paused: {}",
            u.address,
            u.unit_id,
            wad(u.rate_wad, 6),
            duration(u.rate_age_s),
            if u.paused.is_empty() {
                "none".into()
            } else {
                u.paused.join(", ")
            }
        ));
        for q in &u.queues {
            line(format!(
                "  {} queue: {} generation {}, backlog {} base units in {} positions{}; converted {} in all, {} generations finalized",
                q.side,
                q.status,
                q.generation,
                q.backlog,
                q.positions,
                q.open_for_s
                    .map(|t| format!(", open {}", duration(t)))
                    .unwrap_or_default(),
                q.converted,
                q.finalized_generations
            ));
        }
    }
    for f in &st.facilities {
        let m = |v: u64| amount(v, f.deposit_decimals);
        line(format!(
            "\nfacility {} (id {}, {}): {}{}",
            f.address,
            f.facility_id,
            f.name,
            if f.halted { "HALTED" } else { "open" },
            if f.allow_list { ", allow-list on" } else { "" }
        ));
        line(format!(
            "  queue backlog {} from {} Primes; redeem vault {}",
            m(f.queue_backlog),
            f.queue_depositors,
            f.redeem_vault_balance
                .map(m)
                .unwrap_or_else(|| "missing".into())
        ));
        let join = |map: &BTreeMap<String, u64>| {
            if map.is_empty() {
                "none".to_string()
            } else {
                map.iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        line(format!("  books: {}", join(&f.books)));
        line(format!(
            "  deals: {}; closed {}; funded {} of {} owed; principal outstanding {}",
            join(&f.deals),
            f.deals_closed,
            m(f.funded),
            m(f.owed),
            m(f.principal_outstanding)
        ));
        let late: Vec<String> = f
            .late
            .iter()
            .map(|l| {
                format!(
                    "deal {} {} days ({} overdue)",
                    l.deal_id,
                    l.days_overdue,
                    m(l.overdue)
                )
            })
            .collect();
        line(format!(
            "  late: {}; defaulted: {}",
            if late.is_empty() {
                "none".into()
            } else {
                late.join(", ")
            },
            if f.defaulted.is_empty() {
                "none".into()
            } else {
                f.defaulted
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        ));
    }
    if st.configurators.is_empty()
        && st.pools.is_empty()
        && st.units.is_empty()
        && st.facilities.is_empty()
    {
        line("\nno Halo accounts on this chain".into());
    }
    o
}

/// `st` as JSON with every address replaced by `"<address>"`, every absolute time (the
/// snapshot's `now`, a feed's `publish_ts`) by `"<time>"`, and every list sorted: two runs
/// of one scenario on two chains (fresh keys each, so other addresses and another order;
/// another genesis time, the same warps) compare equal when every amount and every age is
/// the same.
pub fn without_addresses(st: &Status) -> serde_json::Value {
    mask_addresses(serde_json::to_value(st).expect("a status always serialises"))
}

/// [`without_addresses`] on a status already in JSON (`halo status --output json`).
pub fn mask_addresses(mut v: serde_json::Value) -> serde_json::Value {
    fn mask(v: &mut serde_json::Value) {
        use serde_json::Value;
        match v {
            Value::String(s) if s.len() >= 32 && s.parse::<Pubkey>().is_ok() => {
                *s = "<address>".into();
            }
            Value::Array(items) => {
                items.iter_mut().for_each(mask);
                items.sort_by_key(|x| x.to_string());
            }
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == "now" || k == "publish_ts" {
                        *v = Value::String("<time>".into());
                    } else {
                        mask(v);
                    }
                }
            }
            _ => {}
        }
    }
    mask(&mut v);
    v
}
