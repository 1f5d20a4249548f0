//! `halo beacon … --metrics ADDR`: the beacon's health and the chain's gauges in the
//! Prometheus text exposition format (version 0.0.4), served over plain HTTP at any path.
//!
//! Health: cycles, failed cycles, actions sent and refused, the last cycle's time and
//! duration. Gauges from a snapshot after each cycle (crates/halo-ops): per pool its USDS,
//! inventory, position use, NAV and its age, spread earned and realised P&L; per route
//! what it can move now and its max; per queue its backlog; per facility its queue, open
//! and late deals and redeem liability; and the number of broken `halo check` rules.
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use halo_ops::snapshot::Snapshot;

/// The beacon's own health.
#[derive(Clone, Debug, Default)]
pub struct Health {
    pub cycles: u64,
    pub failed_cycles: u64,
    pub sent: u64,
    pub refused: u64,
    pub last_cycle_unix: u64,
    /// When a cycle last ran to its end (0: never).
    pub last_success_unix: u64,
    pub last_cycle_seconds: f64,
}

/// The current exposition, rebuilt after each cycle.
#[derive(Clone, Debug, Default)]
pub struct Metrics {
    pub text: String,
}

/// Escapes a label value.
fn label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

struct Exposition {
    out: String,
}

impl Exposition {
    fn family(&mut self, name: &str, kind: &str, help: &str) {
        let _ = writeln!(self.out, "# HELP {name} {help}");
        let _ = writeln!(self.out, "# TYPE {name} {kind}");
    }

    fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: impl std::fmt::Display) {
        let l: Vec<String> = labels
            .iter()
            .map(|(k, v)| format!("{k}=\"{}\"", label(v)))
            .collect();
        if l.is_empty() {
            let _ = writeln!(self.out, "{name} {value}");
        } else {
            let _ = writeln!(self.out, "{name}{{{}}} {value}", l.join(","));
        }
    }
}

/// `base_units / 10^decimals` as a float for a gauge (Prometheus values are floats).
fn whole(v: u128, decimals: u8) -> f64 {
    v as f64 / 10f64.powi(i32::from(decimals))
}

impl Metrics {
    /// Rebuilds the exposition from the beacon's health and, when the chain was read, its
    /// gauges.
    pub fn update(&mut self, beacon: &str, h: &Health, chain: Option<&Snapshot>) {
        let mut e = Exposition { out: String::new() };
        let b = [("beacon", beacon)];
        e.family("halo_beacon_up", "gauge", "1 while the beacon daemon runs.");
        e.sample("halo_beacon_up", &b, 1);
        e.family("halo_beacon_cycles_total", "counter", "Cycles run.");
        e.sample("halo_beacon_cycles_total", &b, h.cycles);
        e.family(
            "halo_beacon_failed_cycles_total",
            "counter",
            "Cycles that could not run (inputs unreadable, the cluster not answering).",
        );
        e.sample("halo_beacon_failed_cycles_total", &b, h.failed_cycles);
        e.family(
            "halo_beacon_actions_total",
            "counter",
            "Actions sent, by result.",
        );
        e.sample(
            "halo_beacon_actions_total",
            &[("beacon", beacon), ("result", "sent")],
            h.sent,
        );
        e.sample(
            "halo_beacon_actions_total",
            &[("beacon", beacon), ("result", "refused")],
            h.refused,
        );
        e.family(
            "halo_beacon_last_cycle_timestamp_seconds",
            "gauge",
            "Unix time the last cycle ended.",
        );
        e.sample(
            "halo_beacon_last_cycle_timestamp_seconds",
            &b,
            h.last_cycle_unix,
        );
        e.family(
            "halo_beacon_last_success_timestamp_seconds",
            "gauge",
            "Unix time a cycle last ran to its end (a failing beacon keeps cycling; this stops moving).",
        );
        e.sample(
            "halo_beacon_last_success_timestamp_seconds",
            &b,
            h.last_success_unix,
        );
        e.family(
            "halo_beacon_last_cycle_duration_seconds",
            "gauge",
            "How long the last cycle took.",
        );
        e.sample(
            "halo_beacon_last_cycle_duration_seconds",
            &b,
            h.last_cycle_seconds,
        );
        if let Some(s) = chain {
            gauges(&mut e, s);
        }
        self.text = e.out;
    }
}

fn gauges(e: &mut Exposition, s: &Snapshot) {
    let st = halo_ops::status::Status::of(s);
    let report = halo_ops::check::run(s, None);
    e.family(
        "halo_check_breaks",
        "gauge",
        "Broken conservation rules (halo check).",
    );
    e.sample("halo_check_breaks", &[], report.breaks.len());
    e.family(
        "halo_route_available",
        "gauge",
        "What a PAU route can move now (whole tokens).",
    );
    for p in &st.paus {
        for r in p.routes.iter().filter(|r| !r.unlimited) {
            e.sample(
                "halo_route_available",
                &[("pau", &p.address), ("route", &r.address), ("tag", &r.tag)],
                whole(u128::from(r.available_now), r.decimals.unwrap_or(6)),
            );
        }
    }
    // seed 002's KPIs from chain state: how many of each are outside the seed's range
    let kpis = halo_ops::report::run(s, None);
    e.family(
        "halo_kpi_out_of_range",
        "gauge",
        "Seed 002 KPIs outside their target range (halo report), by KPI.",
    );
    let mut out: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for k in &kpis.kpis {
        let n = out.entry(k.id).or_default();
        n.0 += usize::from(k.within == Some(false));
        n.1 += usize::from(k.within.is_some());
    }
    for (id, (outside, measured)) in &out {
        if *measured > 0 {
            e.sample("halo_kpi_out_of_range", &[("kpi", id)], *outside);
        }
    }
    for (name, help) in [
        ("halo_pool_usds", "A pool's free USDS (whole tokens)."),
        (
            "halo_pool_inventory",
            "A pool's booked inventory (whole tokens).",
        ),
        (
            "halo_pool_position_used_ratio",
            "Inventory plus asset out for redemption over the position limit.",
        ),
        (
            "halo_pool_nav",
            "The last price the pool accepted (quote per asset).",
        ),
        ("halo_pool_nav_age_seconds", "Age of that price."),
        (
            "halo_pool_spread_earned",
            "Spread earned over every swap (whole tokens).",
        ),
        ("halo_pool_realised_pnl", "Realised P&L (whole tokens)."),
        ("halo_pool_paused", "1 when the pool is paused."),
    ] {
        e.family(name, "gauge", help);
        for p in &st.pools {
            let l = [
                ("pool", p.address.as_str()),
                ("asset", p.asset_mint.as_str()),
            ];
            let v = match name {
                "halo_pool_usds" => whole(u128::from(p.quote_liquidity), p.quote_decimals),
                "halo_pool_inventory" => whole(u128::from(p.inventory), p.asset_decimals),
                "halo_pool_position_used_ratio" => p.position_used_bps as f64 / 10_000.0,
                "halo_pool_nav" => p.nav_wad as f64 / 1e18,
                "halo_pool_nav_age_seconds" => p.nav_age_s as f64,
                "halo_pool_spread_earned" => whole(p.spread_earned, p.quote_decimals),
                "halo_pool_realised_pnl" => {
                    let m = whole(p.realised_pnl.unsigned_abs(), p.quote_decimals);
                    if p.realised_pnl < 0 {
                        -m
                    } else {
                        m
                    }
                }
                _ => f64::from(u8::from(p.paused)),
            };
            e.sample(name, &l, v);
        }
    }
    e.family(
        "halo_queue_backlog",
        "gauge",
        "What waits in an LCTS queue (whole tokens).",
    );
    for u in &st.units {
        for q in &u.queues {
            e.sample(
                "halo_queue_backlog",
                &[("unit", &u.address), ("side", &q.side)],
                whole(u128::from(q.backlog), u.underlying_decimals),
            );
        }
    }
    for (name, help) in [
        (
            "halo_facility_queue",
            "Capital in a facility's Prime queue (whole tokens).",
        ),
        ("halo_facility_open_deals", "Open deals."),
        ("halo_facility_late_deals", "Deals with an overdue payment."),
        ("halo_facility_defaulted_deals", "Defaulted deals."),
        (
            "halo_facility_redeem_liability",
            "What the redeem vault owes holders (whole tokens).",
        ),
    ] {
        e.family(name, "gauge", help);
        for f in &st.facilities {
            let v = match name {
                "halo_facility_queue" => whole(u128::from(f.queue_backlog), f.deposit_decimals),
                "halo_facility_open_deals" => ["Active", "Defaulted"]
                    .iter()
                    .map(|k| f.deals.get(*k).copied().unwrap_or(0))
                    .sum::<u64>() as f64,
                "halo_facility_late_deals" => f.late.len() as f64,
                "halo_facility_defaulted_deals" => f.defaulted.len() as f64,
                _ => whole(u128::from(f.redeem_liability), f.deposit_decimals),
            };
            e.sample(name, &[("facility", &f.address)], v);
        }
    }
}

/// Answers one scrape: reads the request to its blank line (answering before the request
/// is in would reset the connection), then writes the exposition; 2 s timeouts each way.
fn answer(mut stream: std::net::TcpStream, metrics: &Mutex<Metrics>) {
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
    let _ = stream.set_write_timeout(Some(std::time::Duration::from_secs(2)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 16 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let body = metrics.lock().map(|m| m.text.clone()).unwrap_or_default();
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// Serves `metrics` at `addr` on a thread of its own; returns the bound address (port 0
/// picks a free one).
pub fn serve(addr: &str, metrics: Arc<Mutex<Metrics>>) -> Result<std::net::SocketAddr, String> {
    let listener = TcpListener::bind(addr).map_err(|e| format!("--metrics {addr}: {e}"))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("--metrics {addr}: {e}"))?;
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let metrics = Arc::clone(&metrics);
            // a connection of its own each: a slow or idle client never holds up a scrape
            std::thread::spawn(move || answer(stream, &metrics));
        }
    });
    Ok(bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_reads_as_prometheus_text_and_is_served_over_http() {
        let m = Arc::new(Mutex::new(Metrics::default()));
        m.lock().unwrap().update(
            "amm",
            &Health {
                cycles: 3,
                failed_cycles: 1,
                sent: 2,
                refused: 1,
                last_cycle_unix: 1_799_053_200,
                last_success_unix: 1_799_053_140,
                last_cycle_seconds: 0.25,
            },
            None,
        );
        let addr = serve("127.0.0.1:0", Arc::clone(&m)).unwrap();
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(s, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
        assert!(answer.contains("text/plain; version=0.0.4"));
        for line in [
            "# TYPE halo_beacon_cycles_total counter",
            "halo_beacon_cycles_total{beacon=\"amm\"} 3",
            "halo_beacon_actions_total{beacon=\"amm\",result=\"refused\"} 1",
            "halo_beacon_last_cycle_duration_seconds{beacon=\"amm\"} 0.25",
            "halo_beacon_last_success_timestamp_seconds{beacon=\"amm\"} 1799053140",
        ] {
            assert!(answer.contains(line), "{line} not in\n{answer}");
        }
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }

    /// The Grafana dashboard shipped in ops/grafana queries only metrics served here.
    #[test]
    fn the_grafana_dashboard_queries_only_served_metrics() {
        let mut m = Metrics::default();
        m.update("amm", &Health::default(), Some(&Snapshot::default()));
        let served: Vec<&str> = m
            .text
            .lines()
            .filter_map(|l| l.strip_prefix("# TYPE "))
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        let dashboard: serde_json::Value =
            serde_json::from_str(include_str!("../../../ops/grafana/halo-beacons.json"))
                .expect("dashboard JSON");
        let mut queried = 0;
        for panel in dashboard["panels"].as_array().expect("panels") {
            for target in panel["targets"].as_array().expect("targets") {
                let expr = target["expr"].as_str().expect("expr");
                let names: Vec<&str> = expr
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .filter(|w| w.starts_with("halo_"))
                    .collect();
                assert!(!names.is_empty(), "{expr}");
                for n in names {
                    assert!(
                        served.contains(&n),
                        "{n} (in {expr}) is not served: {served:?}"
                    );
                    queried += 1;
                }
            }
        }
        assert!(queried >= 15);
    }
}
