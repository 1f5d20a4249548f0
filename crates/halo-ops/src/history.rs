//! What the programs' events say happened: read from the landed transactions of a chain
//! (`Ledger::history`: `getSignaturesForAddress` and `getTransaction` over JSON-RPC, or the
//! embedded chain's own record), for the KPIs chain state cannot give (refusals by reason,
//! RFQ fills, time to fill, turnover over the average inventory) and for charts over time.
//!
//! Only succeeded transactions' events count: a failed transaction's logs may show events
//! its instruction emitted before it failed, and none of that happened.
use std::collections::BTreeMap;

use anchor_lang::prelude::Pubkey;
use halo_math::rate_limit::RateLimitState;
use halo_sdk::ledger::{Ledger, TxRecord};
use serde::Serialize;

use crate::events::{self, Emitted};

/// The Halo programs whose transactions are read.
pub const PROGRAMS: [Pubkey; 6] = [
    halo_pau::ID_CONST,
    halo_oracle::ID_CONST,
    halo_trading::ID_CONST,
    halo_lcts::ID_CONST,
    halo_nfat::ID_CONST,
    halo_nfat_hook::ID_CONST,
];

/// What one pool's events add up to.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct PoolFlow {
    /// The pool's `PoolCreated` is in the history read: the sums below are over its life.
    pub whole_life: bool,
    pub swaps: u64,
    pub rfq_fills: u64,
    /// precision: asset / quote base units the pool bought (users sold).
    pub bought_asset: u128,
    pub bought_quote: u128,
    pub sold_asset: u128,
    pub sold_quote: u128,
    /// precision: quote base units.
    pub spread: u128,
    /// precision: quote base units; the sum of `RedemptionClosed.pnl`.
    pub redemption_pnl: i128,
    pub redemptions_started: u64,
    /// Inventory held, averaged over time from the pool's first event to the end of the
    /// history (base units), if any time passed.
    pub average_inventory: Option<u64>,
    #[serde(skip)]
    inventory: u64,
    #[serde(skip)]
    inventory_since: Option<i64>,
    #[serde(skip)]
    inventory_seconds: u128,
    #[serde(skip)]
    first: Option<i64>,
}

/// One generation of a queue, from its first entry to the moment it was filled.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Fill {
    /// The LCTS queue, or the trading pool (its LP withdrawal queue).
    pub queue: String,
    pub generation: u64,
    pub opened: i64,
    pub filled: Option<i64>,
    pub seconds: Option<i64>,
}

/// Everything the history says, and the time series the charts draw.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Activity {
    /// Landed transactions read (succeeded or failed).
    pub transactions: u64,
    pub failed: u64,
    /// Transactions whose logs the runtime cut short (their later events are missing).
    pub truncated_logs: u64,
    pub unreadable_events: u64,
    /// Signatures the cluster listed but whose transactions it no longer returns.
    pub missing: u64,
    /// Transactions without a block time (taken at the time of the one before).
    pub untimed: u64,
    pub first_time: Option<i64>,
    pub last_time: Option<i64>,
    /// "program.Event" -> how many.
    pub events: BTreeMap<String, u64>,
    /// Failed transactions by reason ("Name: message", or the runtime's error).
    pub refusals: BTreeMap<String, u64>,
    pub pools: BTreeMap<String, PoolFlow>,
    /// LCTS generations (first `Entered` to `GenerationFinalized`).
    pub generations: Vec<Fill>,
    /// Trading LP withdrawal generations (first request to the complete settlement).
    pub withdrawals: Vec<Fill>,
    /// Open-deal totals per facility, from the events: (owed, funded), quote base units.
    pub facilities: BTreeMap<String, (u128, u128)>,
    #[serde(skip)]
    pub(crate) series: BTreeMap<SeriesKey, Vec<(i64, i128)>>,
}

/// What a series' values are, so that the charts can scale them to whole tokens with the
/// decimals a snapshot knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Scale {
    /// Base units of the pool's quote mint (USDS).
    PoolQuote,
    /// Base units of the pool's asset.
    PoolAsset,
    /// Base units of the rate limit's mint.
    Route,
    /// Base units of the queue's underlying.
    Queue,
    /// Base units of the facility's deposit mint.
    Facility,
    /// A count.
    Count,
}

/// A series: (chart, name, what its values are, the account they are about).
pub(crate) type SeriesKey = (usize, String, Scale, Pubkey);

/// Chart indices (the order of `chart::history_charts`).
pub(crate) const LIQUIDITY: usize = 0;
pub(crate) const SPREAD: usize = 1;
pub(crate) const RATE_LIMITS: usize = 2;
pub(crate) const BACKLOG: usize = 3;
pub(crate) const DEALS: usize = 4;
pub(crate) const REFUSALS: usize = 5;
pub(crate) const REDEMPTION_PNL: usize = 6;

/// Reads `ledger`'s history of the Halo programs (at most `limit` transactions, the
/// newest) and adds it up; `end` is the chain time the averages run to.
pub async fn read<L: Ledger>(ledger: &mut L, limit: usize, end: i64) -> Result<Activity, String> {
    let txs = ledger.history(&PROGRAMS, limit).await?;
    Ok(Activity::of(&txs, end))
}

/// A snapshot and the history up to the same moment. The newest transaction is noted,
/// the snapshot taken, and the newest noted again: when a transaction landed in between,
/// that cheap part is tried again (five times at most). Then the history is read once,
/// and what landed after the noted transaction is left out.
pub async fn with_snapshot<L: Ledger>(
    ledger: &mut L,
    limit: usize,
) -> Result<(crate::snapshot::Snapshot, Activity), String> {
    for _ in 0..5 {
        let newest = |txs: Vec<TxRecord>| txs.into_iter().last().map(|t| t.signature);
        let mark = newest(ledger.history(&PROGRAMS, 1).await?);
        let s = crate::snapshot::Snapshot::take(ledger).await?;
        if newest(ledger.history(&PROGRAMS, 1).await?) != mark {
            continue;
        }
        let mut txs = ledger.history(&PROGRAMS, limit).await?;
        match &mark {
            None => txs.clear(),
            Some(m) => match txs.iter().rposition(|t| &t.signature == m) {
                Some(i) => txs.truncate(i + 1),
                None => {
                    return Err(format!(
                        "more than {limit} transactions landed while the chain was read: raise --limit, or run it again"
                    ))
                }
            },
        }
        let a = Activity::of(&txs, s.now);
        return Ok((s, a));
    }
    Err("transactions kept landing while the chain was read (five tries): run it again, or with --no-history".into())
}

impl Activity {
    /// Adds up `txs` (oldest first); averages over time run to `end`.
    pub fn of(txs: &[TxRecord], end: i64) -> Activity {
        let mut a = Activity::default();
        // mint per pool / queue / facility is not in the events: series carry the
        // account they are about, and the charts scale them with the snapshot's decimals
        let mut open_gens: BTreeMap<(Pubkey, u64), usize> = BTreeMap::new();
        let mut open_withdrawals: BTreeMap<(Pubkey, u64), usize> = BTreeMap::new();
        let mut deal_facility: BTreeMap<Pubkey, Pubkey> = BTreeMap::new();
        let mut limits: BTreeMap<(Pubkey, [u8; 32]), RateLimitState> = BTreeMap::new();
        let mut refusal_count: u64 = 0;
        for tx in txs {
            if tx.missing {
                a.missing += 1;
                continue;
            }
            a.transactions += 1;
            if tx.time.is_none() {
                a.untimed += 1;
            }
            let Some(t) = tx.time.or(a.last_time) else {
                continue;
            };
            a.first_time.get_or_insert(t);
            a.last_time = Some(t);
            if tx.error.is_some() {
                a.failed += 1;
                let reason = match tx.code {
                    Some(c) => halo_sdk::errors::describe(c),
                    None => tx.error.clone().unwrap_or_default(),
                };
                let n = {
                    let n = a.refusals.entry(reason.clone()).or_default();
                    *n += 1;
                    *n
                };
                refusal_count += 1;
                a.point(
                    REFUSALS,
                    "all refusals".into(),
                    Scale::Count,
                    Pubkey::default(),
                    t,
                    i128::from(refusal_count),
                );
                a.point(
                    REFUSALS,
                    reason,
                    Scale::Count,
                    Pubkey::default(),
                    t,
                    i128::from(n),
                );
                continue;
            }
            let logged = events::read(&tx.logs);
            a.truncated_logs += u64::from(logged.truncated);
            a.unreadable_events += u64::from(logged.unreadable);
            for e in &logged.events {
                *a.events
                    .entry(format!("{}.{}", program_name(&e.program), e.name))
                    .or_default() += 1;
                a.apply(
                    e,
                    t,
                    &mut open_gens,
                    &mut open_withdrawals,
                    &mut deal_facility,
                    &mut limits,
                );
            }
        }
        // the rate limits' refill up to the end of the history
        for ((controller, key), st) in &limits {
            let rl = halo_sdk::pda::rate_limit(controller, key);
            a.point(
                RATE_LIMITS,
                rl.to_string(),
                Scale::Route,
                rl,
                end,
                i128::from(st.available(end)),
            );
        }
        for flow in a.pools.values_mut() {
            flow.close(end);
        }
        // a value holds until an event changes it: every line runs to the end
        for ((chart, ..), points) in a.series.iter_mut() {
            if let Some(&(t, v)) = points.last() {
                if *chart != RATE_LIMITS && t < end {
                    points.push((end, v));
                }
            }
        }
        a
    }

    fn point(
        &mut self,
        chart: usize,
        name: String,
        scale: Scale,
        account: Pubkey,
        t: i64,
        v: i128,
    ) {
        self.series
            .entry((chart, name, scale, account))
            .or_default()
            .push((t, v));
    }

    #[allow(clippy::too_many_arguments)]
    fn apply(
        &mut self,
        e: &Emitted,
        t: i64,
        open_gens: &mut BTreeMap<(Pubkey, u64), usize>,
        open_withdrawals: &mut BTreeMap<(Pubkey, u64), usize>,
        deal_facility: &mut BTreeMap<Pubkey, Pubkey>,
        limits: &mut BTreeMap<(Pubkey, [u8; 32]), RateLimitState>,
    ) {
        use halo_lcts::events as l;
        use halo_nfat::events as n;
        use halo_pau::events as p;
        use halo_trading::events as tr;
        let (pau, trading, lcts, nfat) = (
            &halo_pau::ID,
            &halo_trading::ID,
            &halo_lcts::ID,
            &halo_nfat::ID,
        );
        // PAU rate limits: every movement and change carries the state after it
        let rate_limit = if let Some(x) = e.decode::<p::Transferred>(pau) {
            Some((x.controller, x.key, x.state))
        } else if let Some(x) = e.decode::<p::Drawn>(pau) {
            Some((x.controller, x.key, x.state))
        } else if let Some(x) = e.decode::<p::Repaid>(pau) {
            Some((x.controller, x.key, x.state))
        } else if let Some(x) = e.decode::<p::RateLimitCreated>(pau) {
            Some((x.controller, x.key, x.state))
        } else if let Some(x) = e.decode::<p::RateLimitSet>(pau) {
            Some((x.controller, x.key, x.state))
        } else {
            e.decode::<p::RateLimitRemoved>(pau)
                .map(|x| (x.controller, x.key, x.state))
        };
        if let Some((controller, key, s)) = rate_limit {
            let rl = halo_sdk::pda::rate_limit(&controller, &key);
            let after = RateLimitState {
                max_amount: s.max_amount,
                slope: s.slope,
                last_amount: s.last_amount,
                last_updated: s.last_updated,
            };
            if after.is_unlimited() {
                return;
            }
            // the refill since the last event, then the step this one made
            if let Some(before) = limits.insert((controller, key), after) {
                self.point(
                    RATE_LIMITS,
                    rl.to_string(),
                    Scale::Route,
                    rl,
                    t,
                    i128::from(before.available(t)),
                );
            }
            self.point(
                RATE_LIMITS,
                rl.to_string(),
                Scale::Route,
                rl,
                t,
                i128::from(s.available),
            );
            return;
        }
        if let Some(x) = e.decode::<tr::PoolCreated>(trading) {
            let f = self.pools.entry(x.pool.to_string()).or_default();
            f.whole_life = true;
            f.touch(t);
        } else if let Some(x) = e.decode::<tr::SwapExecuted>(trading) {
            let f = self.pools.entry(x.pool.to_string()).or_default();
            f.touch(t);
            f.swaps += 1;
            let (asset, quote) = (u128::from(x.asset_amount), u128::from(x.quote_amount));
            if x.user_sold {
                f.bought_asset += asset;
                f.bought_quote += quote;
            } else {
                f.sold_asset += asset;
                f.sold_quote += quote;
            }
            f.spread += u128::from(x.spread_quote);
            f.set_inventory(x.inventory_after, t);
            let spread = f.spread;
            self.pool_liquidity(&x.pool, t, x.quote_liquidity_after, Some(x.inventory_after));
            self.point(
                SPREAD,
                format!("spread {}", x.pool),
                Scale::PoolQuote,
                x.pool,
                t,
                i128::try_from(spread).unwrap_or(i128::MAX),
            );
        } else if let Some(x) = e.decode::<tr::QuoteFilled>(trading) {
            self.pools.entry(x.pool.to_string()).or_default().rfq_fills += 1;
        } else if let Some(x) = e.decode::<tr::RedemptionStarted>(trading) {
            let f = self.pools.entry(x.pool.to_string()).or_default();
            f.touch(t);
            f.redemptions_started += 1;
            let inv = f.inventory.saturating_sub(x.amount);
            f.set_inventory(inv, t);
            self.point(
                LIQUIDITY,
                format!("inventory {}", x.pool),
                Scale::PoolAsset,
                x.pool,
                t,
                i128::from(inv),
            );
        } else if let Some(x) = e.decode::<tr::RedemptionClosed>(trading) {
            let f = self.pools.entry(x.pool.to_string()).or_default();
            f.redemption_pnl += i128::from(x.pnl);
            let pnl = f.redemption_pnl;
            self.point(
                REDEMPTION_PNL,
                format!("redemption P&L {}", x.pool),
                Scale::PoolQuote,
                x.pool,
                t,
                pnl,
            );
        } else if let Some(x) = e.decode::<tr::WithdrawalRequested>(trading) {
            Fill::open(
                &mut self.withdrawals,
                open_withdrawals,
                x.pool,
                x.generation,
                t,
            );
        } else if let Some(x) = e.decode::<tr::WithdrawalsSettled>(trading) {
            self.pool_liquidity(&x.pool, t, x.quote_liquidity_after, None);
            if x.complete {
                Fill::close(
                    &mut self.withdrawals,
                    open_withdrawals,
                    x.pool,
                    x.generation,
                    t,
                );
            }
        } else if let Some(x) = e.decode::<l::Entered>(lcts) {
            Fill::open(&mut self.generations, open_gens, x.queue, x.gen_id, t);
            self.backlog(&x.queue, t, x.total_underlying);
        } else if let Some(x) = e.decode::<l::Exited>(lcts) {
            self.backlog(&x.queue, t, x.total_underlying);
        } else if let Some(x) = e.decode::<l::Locked>(lcts) {
            self.backlog(&x.queue, t, x.total_underlying);
        } else if let Some(x) = e.decode::<l::GenerationFinalized>(lcts) {
            Fill::close(&mut self.generations, open_gens, x.queue, x.gen_id, t);
            // what the generation held is converted: the queue's backlog is empty
            self.backlog(&x.queue, t, 0);
        } else if let Some(x) = e.decode::<n::DealStruck>(nfat) {
            deal_facility.insert(x.deal, x.facility);
            let owed = u128::from(x.terms.principal) + u128::from(x.total_interest);
            self.facility_moved(&x.facility, t, owed, 0);
        } else if let Some(x) = e.decode::<n::DealFunded>(nfat) {
            if let Some(f) = deal_facility.get(&x.deal).copied() {
                let paid = u128::from(x.principal) + u128::from(x.interest);
                self.facility_moved(&f, t, 0, paid);
            }
        }
    }

    /// A queue's backlog after an event that states it.
    fn backlog(&mut self, queue: &Pubkey, t: i64, underlying: u64) {
        let v = i128::from(underlying);
        self.point(BACKLOG, queue.to_string(), Scale::Queue, *queue, t, v);
    }

    /// A pool's USDS (and inventory) after an event that states them.
    fn pool_liquidity(&mut self, pool: &Pubkey, t: i64, usds: u64, inventory: Option<u64>) {
        self.point(
            LIQUIDITY,
            format!("USDS {pool}"),
            Scale::PoolQuote,
            *pool,
            t,
            i128::from(usds),
        );
        if let Some(inv) = inventory {
            self.point(
                LIQUIDITY,
                format!("inventory {pool}"),
                Scale::PoolAsset,
                *pool,
                t,
                i128::from(inv),
            );
        }
    }

    fn facility_moved(&mut self, facility: &Pubkey, t: i64, owed: u128, funded: u128) {
        let e = self.facilities.entry(facility.to_string()).or_default();
        e.0 += owed;
        e.1 += funded;
        let (o, f) = *e;
        let sat = |v: u128| i128::try_from(v).unwrap_or(i128::MAX);
        self.point(
            DEALS,
            format!("owed {facility}"),
            Scale::Facility,
            *facility,
            t,
            sat(o),
        );
        self.point(
            DEALS,
            format!("funded {facility}"),
            Scale::Facility,
            *facility,
            t,
            sat(f),
        );
    }

    /// The events' sums against a pool's lifetime counters in chain state: `None` when
    /// the history does not cover the pool's whole life, else the fields that differ
    /// (empty: they agree).
    pub fn pool_disagreements(
        &self,
        pool: &Pubkey,
        state: &halo_trading::state::Pool,
    ) -> Option<Vec<String>> {
        let f = self.pools.get(&pool.to_string())?;
        if !f.whole_life {
            return None;
        }
        let mut out = Vec::new();
        let mut cmp = |what: &str, events: u128, chain: u128| {
            if events != chain {
                out.push(format!("{what}: events {events}, chain state {chain}"));
            }
        };
        cmp("swaps", u128::from(f.swaps), u128::from(state.swaps));
        cmp("bought_asset", f.bought_asset, state.bought_asset);
        cmp("bought_quote", f.bought_quote, state.bought_quote);
        cmp("sold_asset", f.sold_asset, state.sold_asset);
        cmp("sold_quote", f.sold_quote, state.sold_quote);
        cmp("spread_earned", f.spread, state.spread_earned);
        cmp(
            "inventory",
            u128::from(f.inventory),
            u128::from(state.inventory),
        );
        Some(out)
    }
}

impl PoolFlow {
    fn touch(&mut self, t: i64) {
        self.first.get_or_insert(t);
        self.inventory_since.get_or_insert(t);
    }

    fn set_inventory(&mut self, inventory: u64, t: i64) {
        self.accrue(t);
        self.inventory = inventory;
    }

    fn accrue(&mut self, t: i64) {
        if let Some(since) = self.inventory_since {
            let dt = u128::try_from(t.saturating_sub(since)).unwrap_or(0);
            self.inventory_seconds = self
                .inventory_seconds
                .saturating_add(u128::from(self.inventory).saturating_mul(dt));
        }
        self.inventory_since = Some(t);
    }

    fn close(&mut self, end: i64) {
        self.accrue(end);
        let span = self.first.map(|f| end.saturating_sub(f)).unwrap_or(0);
        self.average_inventory = u128::try_from(span)
            .ok()
            .filter(|s| *s > 0)
            .and_then(|s| u64::try_from(self.inventory_seconds / s).ok());
    }
}

impl Fill {
    /// Files generation `generation` of `queue` as opened at `t`, unless it already is
    /// (its first entry or request opens it).
    fn open(
        fills: &mut Vec<Fill>,
        open: &mut BTreeMap<(Pubkey, u64), usize>,
        queue: Pubkey,
        generation: u64,
        t: i64,
    ) {
        if let std::collections::btree_map::Entry::Vacant(v) = open.entry((queue, generation)) {
            v.insert(fills.len());
            fills.push(Fill {
                queue: queue.to_string(),
                generation,
                opened: t,
                filled: None,
                seconds: None,
            });
        }
    }

    /// Marks that generation filled at `t`, if the history saw it open.
    fn close(
        fills: &mut [Fill],
        open: &mut BTreeMap<(Pubkey, u64), usize>,
        queue: Pubkey,
        generation: u64,
        t: i64,
    ) {
        if let Some(f) = open
            .remove(&(queue, generation))
            .and_then(|i| fills.get_mut(i))
        {
            f.filled = Some(t);
            f.seconds = Some(t.saturating_sub(f.opened));
        }
    }
}

/// The program's crate name, for event keys.
pub fn program_name(p: &Pubkey) -> &'static str {
    [
        (halo_pau::ID, "halo_pau"),
        (halo_oracle::ID, "halo_oracle"),
        (halo_trading::ID, "halo_trading"),
        (halo_lcts::ID, "halo_lcts"),
        (halo_nfat::ID, "halo_nfat"),
        (halo_nfat_hook::ID, "halo_nfat_hook"),
    ]
    .into_iter()
    .find(|(id, _)| id == p)
    .map_or("other", |(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::tests::data_line as data;

    fn tx(t: i64, program: &Pubkey, lines: Vec<String>) -> TxRecord {
        let mut logs = vec![format!("Program {program} invoke [1]")];
        logs.extend(lines);
        logs.push(format!("Program {program} success"));
        TxRecord {
            signature: format!("sig{t}"),
            slot: u64::try_from(t).unwrap(),
            time: Some(t),
            error: None,
            code: None,
            logs,
            missing: false,
        }
    }

    #[test]
    fn queues_fill_times_refusals_and_rate_limit_refills_add_up() {
        use halo_lcts::events as l;
        use halo_pau::events as p;
        use halo_trading::events as tr;
        let (pool, queue, controller) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let snap = |available: u64, at: i64| halo_pau::state::RateLimitSnapshot {
            max_amount: 1_000,
            slope: 10,
            last_amount: available,
            last_updated: at,
            available,
        };
        let entered = |total: u64| l::Entered {
            queue,
            owner: Pubkey::new_unique(),
            gen_id: 3,
            amount: 5,
            opened: true,
            shares: 5,
            reward_paid: 0,
            total_underlying: total,
            total_shares: 5,
        };
        let mut failed = tx(150, &halo_trading::ID, vec![]);
        failed.error = Some("InstructionError(0, Custom(6201))".into());
        failed.code = Some(6201);
        // a failed transaction's events did not happen
        failed.logs.insert(
            1,
            data(&tr::WithdrawalRequested {
                pool,
                owner: pool,
                generation: 9,
                shares: 1,
            }),
        );
        let txs = vec![
            tx(
                100,
                &halo_pau::ID,
                vec![data(&p::Drawn {
                    controller,
                    integration: pool,
                    key: [7; 32],
                    amount: 600,
                    received: 600,
                    state: snap(400, 100),
                })],
            ),
            tx(110, &halo_lcts::ID, vec![data(&entered(5))]),
            tx(
                120,
                &halo_trading::ID,
                vec![data(&tr::WithdrawalRequested {
                    pool,
                    owner: pool,
                    generation: 2,
                    shares: 10,
                })],
            ),
            tx(130, &halo_lcts::ID, vec![data(&entered(10))]),
            failed,
            tx(
                160,
                &halo_trading::ID,
                vec![data(&tr::WithdrawalsSettled {
                    pool,
                    generation: 2,
                    shares_burned: 10,
                    quote_paid: 10,
                    complete: true,
                    quote_liquidity_after: 90,
                })],
            ),
            tx(
                170,
                &halo_lcts::ID,
                vec![
                    data(&l::GenerationFinalized {
                        queue,
                        generation: Pubkey::new_unique(),
                        gen_id: 3,
                        final_reward_per_share: 0,
                        total_shares: 10,
                    }),
                    "Log truncated".into(),
                ],
            ),
            tx(
                180,
                &halo_pau::ID,
                vec![data(&p::Drawn {
                    controller,
                    integration: pool,
                    key: [7; 32],
                    amount: 500,
                    received: 500,
                    state: snap(300, 180),
                })],
            ),
        ];
        // a signature the cluster no longer serves, and a transaction without a block time
        // (it is taken at the time of the one before)
        let mut txs = txs;
        let mut pruned = tx(185, &halo_pau::ID, vec![]);
        (pruned.missing, pruned.logs) = (true, vec![]);
        let mut untimed = tx(190, &halo_pau::ID, vec![]);
        untimed.time = None;
        txs.extend([pruned, untimed]);
        let a = Activity::of(&txs, 200);
        assert_eq!((a.missing, a.untimed), (1, 1));
        assert_eq!((a.transactions, a.failed, a.truncated_logs), (9, 1, 1));
        assert_eq!((a.first_time, a.last_time), (Some(100), Some(180)));
        // the refusal by its program's name and message
        assert_eq!(a.refusals.len(), 1);
        let (reason, n) = a.refusals.iter().next().unwrap();
        assert!(reason.starts_with("NotBeacon: "), "{reason}");
        assert_eq!(*n, 1);
        // the failed transaction's withdrawal request is not there
        assert_eq!(a.events.get("halo_trading.WithdrawalRequested"), Some(&1));
        assert_eq!(
            a.withdrawals,
            vec![Fill {
                queue: pool.to_string(),
                generation: 2,
                opened: 120,
                filled: Some(160),
                seconds: Some(40),
            }]
        );
        // the generation opened at its first entry, not its second
        assert_eq!(a.generations.len(), 1);
        assert_eq!(
            (a.generations[0].opened, a.generations[0].seconds),
            (110, Some(60))
        );
        // the rate limit: 400 after the first draw, refilled 10/s to 1,000 by 180 (capped),
        // 300 after the second, and 500 at the end of the history (200)
        let rl = halo_sdk::pda::rate_limit(&controller, &[7; 32]);
        let line: Vec<(i64, i128)> = a
            .series
            .iter()
            .find(|((c, _, _, acct), _)| *c == RATE_LIMITS && *acct == rl)
            .map(|(_, v)| v.clone())
            .unwrap();
        assert_eq!(line, vec![(100, 400), (180, 1_000), (180, 300), (200, 500)]);
        // the backlog line: 5, 10, then empty at finalization
        let backlog: Vec<i128> = a
            .series
            .iter()
            .find(|((c, _, _, _), _)| *c == BACKLOG)
            .map(|(_, v)| v.iter().map(|p| p.1).collect())
            .unwrap();
        assert_eq!(backlog, vec![5, 10, 0, 0]);
    }

    #[test]
    fn average_inventory_weighs_each_level_by_how_long_it_was_held() {
        use halo_trading::events as tr;
        let pool = Pubkey::new_unique();
        let swap = |inventory_after: u64| tr::SwapExecuted {
            pool,
            user: pool,
            user_sold: true,
            exact_in: true,
            asset_amount: 100,
            quote_amount: 100,
            price_used_wad: 1,
            spread_bps: 0,
            spread_quote: 1,
            inventory_after,
            quote_liquidity_after: 0,
        };
        let created = tr::PoolCreated {
            class: pool,
            pool,
            book: pool,
            asset_mint: pool,
            price_source: halo_trading::state::PriceSource::Fixed { price_wad: 1 },
            params: halo_harness::trading::default_params(),
        };
        let txs = vec![
            tx(0, &halo_trading::ID, vec![data(&created)]),
            // 0 for 10 s, then 100 for 10 s, then 50 (a redemption of 50) for 20 s
            tx(10, &halo_trading::ID, vec![data(&swap(100))]),
            tx(
                20,
                &halo_trading::ID,
                vec![data(&tr::RedemptionStarted {
                    pool,
                    redemption: pool,
                    id: 0,
                    amount: 50,
                    nav_wad: 1,
                    expected_quote: 50,
                    cost_basis: 50,
                    expected_by: 0,
                })],
            ),
        ];
        let a = Activity::of(&txs, 40);
        let f = &a.pools[&pool.to_string()];
        assert!(f.whole_life);
        // (0*10 + 100*10 + 50*20) / 40 = 50
        assert_eq!(f.average_inventory, Some(50));
        assert_eq!((f.swaps, f.bought_asset, f.spread), (1, 100, 1));
        // nothing held for no time: no average
        let none = Activity::of(&txs[..1], 0);
        assert_eq!(none.pools[&pool.to_string()].average_inventory, None);
    }
}
