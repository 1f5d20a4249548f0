//! `halo report`: seed 002's market-making KPIs, computed from chain state alone (a
//! [`Snapshot`]), each against the seed's target range and, when outside it, with the
//! seed's action for that case.
//!
//! With the chain's history ([`Activity`]: the programs' events from landed transactions)
//! it adds what state alone cannot give: failed transactions by reason, RFQ fills, time to
//! fill of queue generations, turnover over the time-averaged inventory, and a check that
//! the events add up to the pools' lifetime counters.
//!
//! What neither gives is said so rather than guessed: quotes offered but not taken and
//! transactions refused by a cluster's preflight never reach the chain (the beacon's logs
//! and metrics count its own refusals). Without history, turnover is volume over the
//! position limit, not over an average inventory.
use halo_math::{mul_div_u64, Rounding};
use serde::Serialize;

use crate::history::Activity;
use crate::snapshot::Snapshot;

/// One KPI.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Kpi {
    pub id: &'static str,
    /// What it measures, and for which asset / pool / facility.
    pub name: String,
    /// The value in words (`99.50 %`, `2.4x`, `1,234.00 USDS`).
    pub value: String,
    /// The value in basis points, for ratios.
    pub bps: Option<u64>,
    /// The seed's target range (empty: the seed sets none).
    pub target: &'static str,
    /// `Some(false)`: outside the range; `None`: no range, or nothing to measure yet.
    pub within: Option<bool>,
    /// The seed's action when outside the range.
    pub action: Option<&'static str>,
}

/// Everything `halo report` shows.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct KpiReport {
    pub now: i64,
    pub kpis: Vec<Kpi>,
    /// What this report cannot compute from chain state, and where it lives.
    pub not_on_chain: Vec<&'static str>,
    /// The history the event-derived KPIs come from (`None`: chain state only).
    pub history: Option<Activity>,
}

const SETTLEMENT_ACTION: &str = "seed 002 §1.2 (warning level): review the issuer's settlements; fail an overdue redemption after its grace and recover or write it off through governance; temporarily widen spreads and reduce quote sizes while redemptions are in doubt";
const CONCENTRATION_ACTION: &str = "seed 002 §2.2: reevaluate position limits for the concentrated asset, adjust quoting to encourage flow that balances inventory, widen its spreads until it is back under 25 %";
const TURNOVER_ACTION: &str = "seed 002 §3.2 (high inventory levels): lower quoting spreads to encourage trades, reduce inventory by redeeming with the issuer";
const POSITION_ACTION: &str = "seed 002 §2.2 (high-risk): start a redemption with the issuer, widen the bid (the skew does so on chain), reevaluate the position limit";

fn pct(bps: u64) -> String {
    format!("{}.{:02} %", bps / 100, bps % 100)
}

fn ratio_bps(part: u64, whole: u64) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    mul_div_u64(part, 10_000, whole, Rounding::Down).ok()
}

fn sat(v: u128) -> u64 {
    u64::try_from(v).unwrap_or(u64::MAX)
}

fn secs(v: Option<i64>) -> String {
    v.map(halo_sdk::fmt::duration).unwrap_or_else(|| "-".into())
}

/// The KPIs of `s`, and of its history `h` when given.
pub fn run(s: &Snapshot, h: Option<&Activity>) -> KpiReport {
    let mut kpis = Vec::new();
    let st = crate::status::Status::of(s);

    // Settlement success: issuer redemptions settled over those closed (settled, failed
    // or written off).
    let settled: u64 = s.pools.iter().map(|p| p.state.redemptions_settled).sum();
    let failed: u64 = s.pools.iter().map(|p| p.state.redemptions_failed).sum();
    let bps = ratio_bps(settled, settled.saturating_add(failed));
    kpis.push(Kpi {
        id: "settlement_success",
        name: format!("settlement success rate ({settled} settled, {failed} failed)"),
        value: bps
            .map(pct)
            .unwrap_or_else(|| "no redemption closed yet".into()),
        bps,
        target: "> 99.5 %",
        within: bps.map(|b| b > 9_950),
        action: bps.filter(|b| *b <= 9_950).map(|_| SETTLEMENT_ACTION),
    });

    // Per pool: exposure (inventory + asset out for redemption) valued at NAV.
    let exposure: Vec<u64> = s
        .pools
        .iter()
        .map(|p| {
            let units = p.state.inventory.saturating_add(p.state.pending_asset);
            p.state
                .market(p.state.last_price_wad)
                .value(units, Rounding::Down)
                .unwrap_or(u64::MAX)
        })
        .collect();
    let total: u64 = exposure.iter().fold(0u64, |a, b| a.saturating_add(*b));
    for ((p, ps), value) in s.pools.iter().zip(&st.pools).zip(&exposure) {
        let who = format!("pool {} (asset {})", ps.address, ps.asset_mint);
        let q = |v: u64| halo_sdk::fmt::amount(v, ps.quote_decimals);
        let concentration = if s.pools.len() > 1 {
            ratio_bps(*value, total)
        } else {
            None
        };
        kpis.push(Kpi {
            id: "position_concentration",
            name: format!(
                "position concentration of {who}: {} of {}",
                q(*value),
                q(total)
            ),
            value: concentration
                .map(pct)
                .unwrap_or_else(|| "one pool (or no exposure): nothing to compare".into()),
            bps: concentration,
            target: "< 25 %",
            within: concentration.map(|b| b < 2_500),
            action: concentration
                .filter(|b| *b >= 2_500)
                .map(|_| CONCENTRATION_ACTION),
        });
        kpis.push(Kpi {
            id: "net_position",
            name: format!(
                "net position of {who}: inventory {} + out for redemption {} (no short side: the issuer's redemption is the hedge)",
                halo_sdk::fmt::amount(p.state.inventory, ps.asset_decimals),
                halo_sdk::fmt::amount(p.state.pending_asset, ps.asset_decimals)
            ),
            value: pct(ps.position_used_bps),
            bps: Some(ps.position_used_bps),
            target: "within the position limit (100 %)",
            within: Some(ps.position_used_bps <= 10_000),
            action: (ps.position_used_bps > 10_000).then_some(POSITION_ACTION),
        });
        let volume = sat(p.state.bought_asset.saturating_add(p.state.sold_asset));
        let flow = h.and_then(|h| h.pools.get(&ps.address));
        let average = flow.and_then(|f| f.average_inventory.filter(|a| *a > 0).map(|a| (f, a)));
        let (turnover, basis) = match average {
            // the pool's whole life is in the history: lifetime volume over it
            Some((f, avg)) if f.whole_life => (
                ratio_bps(volume, avg),
                format!(
                    "asset volume / time-averaged inventory {} over the pool's life",
                    halo_sdk::fmt::amount(avg, ps.asset_decimals)
                ),
            ),
            // only part of it: the volume and the average of the window read
            Some((f, avg)) => (
                ratio_bps(sat(f.bought_asset.saturating_add(f.sold_asset)), avg),
                format!(
                    "asset volume / time-averaged inventory {} over the history read (not the pool's whole life)",
                    halo_sdk::fmt::amount(avg, ps.asset_decimals)
                ),
            ),
            None => (
                ratio_bps(volume, p.state.params.position_limit),
                match flow {
                    None => "asset volume / position limit: no history of the inventory",
                    Some(_) => {
                        "asset volume / position limit: the history shows no inventory held over time"
                    }
                }
                .to_string(),
            ),
        };
        kpis.push(Kpi {
            id: "inventory_turnover",
            name: format!("inventory turnover of {who} ({basis})"),
            value: turnover
                .map(|b| format!("{}.{:02}x", b / 10_000, b % 10_000 / 100))
                .unwrap_or_else(|| "no position limit or inventory".into()),
            bps: turnover,
            target: "> 2.0x",
            within: turnover.filter(|_| volume > 0).map(|b| b > 20_000),
            action: turnover
                .filter(|b| volume > 0 && *b <= 20_000)
                .map(|_| TURNOVER_ACTION),
        });
        let quote_volume = sat(p.state.bought_quote.saturating_add(p.state.sold_quote));
        let spread = sat(p.state.spread_earned);
        let unrealised = i128::from(
            p.state
                .market(p.state.last_price_wad)
                .value(p.state.inventory, Rounding::Down)
                .unwrap_or(0),
        ) - i128::from(p.state.inventory_cost);
        kpis.push(Kpi {
            id: "pnl",
            name: format!(
                "P&L of {who}: spread earned {}, unrealised on inventory {}",
                q(spread),
                halo_sdk::fmt::signed_amount(unrealised, ps.quote_decimals)
            ),
            value: halo_sdk::fmt::signed_amount(p.state.realised_pnl, ps.quote_decimals),
            bps: None,
            target: "positive trend",
            within: Some(p.state.realised_pnl >= 0),
            action: (p.state.realised_pnl < 0).then_some(
                "seed 002 §4: review the losing flow (a failed redemption written off, a stale or jumping NAV) before widening the pool's limits again",
            ),
        });
        let efficiency = ratio_bps(spread, quote_volume);
        kpis.push(Kpi {
            id: "revenue_per_volume",
            name: format!(
                "spread revenue per unit of volume of {who} ({} traded)",
                q(quote_volume)
            ),
            value: efficiency
                .map(|b| format!("{b} bps"))
                .unwrap_or_else(|| "no volume".into()),
            bps: efficiency,
            target: "",
            within: None,
            action: None,
        });
        let pool_value = ps.value.unwrap_or(0);
        let turns = ratio_bps(quote_volume, pool_value);
        let yield_bps = ratio_bps(spread, pool_value);
        kpis.push(Kpi {
            id: "capital_turns",
            name: format!(
                "capital turns and effective yield of {who} over its life (volume and spread over the pool's value {})",
                q(pool_value)
            ),
            value: match (turns, yield_bps) {
                (Some(t), Some(y)) => format!("{}.{:02} turns, {} yield", t / 10_000, t % 10_000 / 100, pct(y)),
                _ => "no value".into(),
            },
            bps: turns,
            target: "",
            within: None,
            action: None,
        });
    }
    if let Some(h) = h {
        for (p, ps) in s.pools.iter().zip(&st.pools) {
            let who = format!("pool {}", ps.address);
            let flow = h.pools.get(&ps.address);
            kpis.push(Kpi {
                id: "rfq_fills",
                name: format!(
                    "RFQ quotes filled at {who} ({} swaps at the AMM); acceptance needs the quotes signed, which stay off chain",
                    flow.map_or(0, |f| f.swaps)
                ),
                value: flow.map_or(0, |f| f.rfq_fills).to_string(),
                bps: None,
                target: "",
                within: None,
                action: None,
            });
            let (value, within) = match h.pool_disagreements(&p.address, &p.state) {
                None => (
                    "the history read does not reach the pool's creation".to_string(),
                    None,
                ),
                Some(d) if d.is_empty() => (
                    "swaps, volumes, spread and inventory agree".to_string(),
                    Some(true),
                ),
                Some(d) => (d.join("; "), Some(false)),
            };
            kpis.push(Kpi {
                id: "events_match_state",
                name: format!("the events of {who} summed against its lifetime counters"),
                value,
                bps: None,
                target: "equal",
                within,
                action: within.filter(|w| !w).map(|_| {
                    "run halo check, and treat the pool as suspect until the difference is explained (a missed event, truncated logs, or state changed outside the program's instructions)"
                }),
            });
        }
        for (id, fills, what) in [
            ("lcts_time_to_fill", &h.generations, "LCTS generations"),
            (
                "lp_withdrawal_time_to_fill",
                &h.withdrawals,
                "pool LP withdrawal generations",
            ),
        ] {
            if fills.is_empty() {
                continue;
            }
            let done: Vec<i64> = fills.iter().filter_map(|f| f.seconds).collect();
            let waiting = fills.iter().filter(|f| f.filled.is_none()).count();
            let avg = (!done.is_empty()).then(|| {
                let sum: i128 = done.iter().map(|s| i128::from(*s)).sum();
                let n = i128::try_from(done.len()).unwrap_or(1);
                i64::try_from(sum / n).unwrap_or(i64::MAX)
            });
            kpis.push(Kpi {
                id,
                name: format!(
                    "time to fill of {what} ({} filled, longest {}; {waiting} still open)",
                    done.len(),
                    secs(done.iter().max().copied())
                ),
                value: format!("{} on average", secs(avg)),
                bps: None,
                target: "",
                within: None,
                action: None,
            });
        }
        let failed_bps = ratio_bps(h.failed, h.transactions);
        let mut reasons: Vec<(&String, &u64)> = h.refusals.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        kpis.push(Kpi {
            id: "refusals",
            name: format!(
                "landed transactions that failed ({} of {}{})",
                h.failed,
                h.transactions,
                if reasons.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; by reason: {}",
                        reasons
                            .iter()
                            .map(|(r, n)| format!("{n} x {r}"))
                            .collect::<Vec<_>>()
                            .join("; ")
                    )
                }
            ),
            value: failed_bps
                .map(pct)
                .unwrap_or_else(|| "no transaction".into()),
            bps: failed_bps,
            target: "",
            within: None,
            action: None,
        });
        if h.truncated_logs > 0 || h.unreadable_events > 0 || h.missing > 0 || h.untimed > 0 {
            kpis.push(Kpi {
                id: "history_gaps",
                name: "transactions whose logs were cut short, event lines that could not be read, transactions the cluster no longer returns or that have no block time".into(),
                value: format!(
                    "{} truncated, {} unreadable, {} missing, {} untimed",
                    h.truncated_logs, h.unreadable_events, h.missing, h.untimed
                ),
                bps: None,
                target: "none",
                within: Some(false),
                action: Some("the event-derived KPIs undercount: read those transactions' accounts, or raise the log limit on the validator"),
            });
        }
    }
    for u in &st.units {
        for q in &u.queues {
            kpis.push(Kpi {
                id: "queue_backlog",
                name: format!(
                    "{} queue backlog of LCTS unit {} ({} generation {}{})",
                    q.side,
                    u.address,
                    q.status,
                    q.generation,
                    q.open_for_s
                        .map(|t| format!(", open {}", halo_sdk::fmt::duration(t)))
                        .unwrap_or_default()
                ),
                value: halo_sdk::fmt::amount(q.backlog, u.underlying_decimals),
                bps: None,
                target: "",
                within: None,
                action: None,
            });
        }
    }
    for f in &st.facilities {
        let funded = ratio_bps(f.funded, f.owed);
        kpis.push(Kpi {
            id: "deals_funded",
            name: format!(
                "deals of facility {} funded vs owed ({} of {}; {} late, {} defaulted)",
                f.address,
                halo_sdk::fmt::amount(f.funded, f.deposit_decimals),
                halo_sdk::fmt::amount(f.owed, f.deposit_decimals),
                f.late.len(),
                f.defaulted.len()
            ),
            value: funded.map(pct).unwrap_or_else(|| "no open deal".into()),
            bps: funded,
            target: "no late or defaulted deal",
            within: Some(f.late.is_empty() && f.defaulted.is_empty()),
            action: (!f.late.is_empty() || !f.defaulted.is_empty()).then_some(
                "seed 003: chase the late payment with the RWA; past maturity + grace, mark the deal defaulted and start recovery",
            ),
        });
        kpis.push(Kpi {
            id: "facility_queue",
            name: format!("capital waiting in facility {}'s Prime queue", f.address),
            value: halo_sdk::fmt::amount(f.queue_backlog, f.deposit_decimals),
            bps: None,
            target: "",
            within: None,
            action: None,
        });
    }
    KpiReport {
        now: s.now,
        kpis,
        not_on_chain: if h.is_some() {
            vec![
                "quote acceptance rate (> 30 %): the quotes the beacon offered and no one took never reach the chain (the fills are counted above)",
                "refusals by a cluster's preflight: such a transaction never lands; the beacon logs each of its own and counts them (halo_beacon_actions_total{result=\"refused\"})",
                "maximum drawdown, VaR, hedging coverage: no off-chain venue or mark history on chain",
            ]
        } else {
            vec![
                "quote acceptance rate (> 30 %): the quotes the beacon offered and no one took never reach the chain; filled RFQ quotes are the pools' QuoteReceipt accounts",
                "refusals by reason: in the history of landed transactions (halo report reads it unless --no-history); a transaction refused by preflight never lands, and the beacon counts its own (halo_beacon_actions_total{result=\"refused\"})",
                "time to fill of past LCTS generations: in the history (a finalized generation keeps when it finalized, not when it opened)",
                "maximum drawdown, VaR, hedging coverage: no off-chain venue or mark history on chain",
            ]
        },
        history: h.cloned(),
    }
}

/// The report for people.
pub fn render(r: &KpiReport) -> String {
    let mut o = format!("seed 002 KPIs at chain time {}\n", r.now);
    for k in &r.kpis {
        let flag = match k.within {
            Some(true) => "ok ",
            Some(false) => "OUT",
            None => "   ",
        };
        o.push_str(&format!("  {flag} {}: {}", k.name, k.value));
        if !k.target.is_empty() {
            o.push_str(&format!(" (target {})", k.target));
        }
        o.push('\n');
        if let Some(a) = k.action {
            o.push_str(&format!("      action: {a}\n"));
        }
    }
    o.push_str("not from chain state:\n");
    for n in &r.not_on_chain {
        o.push_str(&format!("  - {n}\n"));
    }
    o
}
