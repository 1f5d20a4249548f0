//! Charts: time series of chain state, recorded while a scenario runs ([`Recorder`], a
//! `Ledger` that reads a [`Status`] whenever the clock moves), drawn as SVG line charts.
//!
//! No plotting dependency: an SVG is a few hundred lines of text, and a chart here is
//! lines on two axes with ticks, a title, axis labels and a legend.
use std::fmt::Write as _;

use anchor_lang::prelude::Pubkey;
use halo_sdk::ledger::{Keypair, Ledger, RawAccount, Receipt, Refusal};
use halo_sdk::Instruction;

use crate::history::{Activity, Scale};
use crate::snapshot::Snapshot;
use crate::status::Status;

/// A chain state at one moment.
#[derive(Clone, Debug)]
pub struct Sample {
    pub t: i64,
    pub status: Status,
}

/// A `Ledger` that records a [`Sample`] at each clock warp: the last state of the second
/// it leaves and the first of the one it reaches (the transactions of one second share
/// one x on a time axis, so this is every point a chart can show).
pub struct Recorder<'a, L: Ledger> {
    pub inner: &'a mut L,
    pub samples: Vec<Sample>,
    /// Off: a plain pass-through that records nothing.
    on: bool,
}

impl<'a, L: Ledger> Recorder<'a, L> {
    pub fn new(inner: &'a mut L, on: bool) -> Self {
        Self {
            inner,
            samples: Vec::new(),
            on,
        }
    }

    /// Reads the chain now (the run's last state: call it when the run ends).
    pub async fn sample(&mut self) {
        if !self.on {
            return;
        }
        if let Ok(s) = Snapshot::take(self.inner).await {
            self.push(&s);
        }
    }

    /// Files `s`, unless it reads exactly as the last sample. Two samples of one second
    /// (a warp's arrival, then the transactions of that second before the next warp) draw
    /// a vertical step: what moved at that moment.
    fn push(&mut self, s: &Snapshot) {
        let status = Status::of(s);
        if self
            .samples
            .last()
            .is_some_and(|l| l.t == s.now && l.status == status)
        {
            return;
        }
        self.samples.push(Sample { t: s.now, status });
    }
}

impl<L: Ledger> Ledger for Recorder<'_, L> {
    fn payer_key(&self) -> Pubkey {
        self.inner.payer_key()
    }

    fn new_keypair(&mut self) -> Keypair {
        self.inner.new_keypair()
    }

    async fn send(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, Refusal> {
        self.inner.send(ixs, signers).await
    }

    async fn now(&mut self) -> i64 {
        self.inner.now().await
    }

    /// The state at the old second (every transaction of that second has landed), then
    /// the same accounts at the new second (a warp moves nothing but the clock, and what
    /// a rate limit has refilled is read at the new time): one read per warp.
    async fn set_time(&mut self, unix_timestamp: i64) {
        let before = if self.on {
            Snapshot::take(self.inner).await.ok()
        } else {
            None
        };
        self.inner.set_time(unix_timestamp).await;
        if let Some(mut s) = before {
            self.push(&s);
            s.now = self.inner.now().await;
            self.push(&s);
        }
    }

    async fn raw_account(&mut self, address: &Pubkey) -> Option<RawAccount> {
        self.inner.raw_account(address).await
    }

    async fn rent(&mut self, space: usize) -> u64 {
        self.inner.rent(space).await
    }

    async fn set_account(&mut self, address: &Pubkey, account: RawAccount) {
        self.inner.set_account(address, account).await
    }

    async fn program_accounts(
        &mut self,
        program: &Pubkey,
    ) -> Result<Vec<(Pubkey, RawAccount)>, String> {
        self.inner.program_accounts(program).await
    }

    async fn history(
        &mut self,
        programs: &[Pubkey],
        limit: usize,
    ) -> Result<Vec<halo_sdk::ledger::TxRecord>, String> {
        self.inner.history(programs, limit).await
    }
}

/// One line of a chart.
#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    /// (x, y), x increasing.
    pub points: Vec<(f64, f64)>,
}

/// A line chart.
#[derive(Clone, Debug)]
pub struct Chart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<Series>,
}

const COLORS: [&str; 8] = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
];

/// A "nice" step near `range / 5` (1, 2 or 5 times a power of ten).
fn step(range: f64) -> f64 {
    if range <= 0.0 || !range.is_finite() {
        return 1.0;
    }
    let raw = range / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let r = raw / mag;
    let m = if r < 1.5 {
        1.0
    } else if r < 3.5 {
        2.0
    } else if r < 7.5 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// A tick label: 1.2M, 350K, 12, 0.5.
fn tick(v: f64) -> String {
    let a = v.abs();
    let (d, suffix) = if a >= 1e9 {
        (1e9, "B")
    } else if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e3 {
        (1e3, "K")
    } else {
        (1.0, "")
    };
    let x = v / d;
    if (x - x.round()).abs() < 1e-9 {
        format!("{}{suffix}", x.round() as i64)
    } else {
        format!("{x:.1}{suffix}")
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl Chart {
    /// The chart as a standalone SVG document (800 × 420).
    pub fn to_svg(&self) -> String {
        let (w, h) = (800.0, 420.0);
        let (left, right, top, bottom) = (80.0, 200.0, 40.0, 50.0);
        let pts = self.series.iter().flat_map(|s| s.points.iter());
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, 0f64, f64::MIN);
        for &(x, y) in pts {
            x0 = x0.min(x);
            x1 = x1.max(x);
            y0 = y0.min(y);
            y1 = y1.max(y);
        }
        if x0 > x1 {
            (x0, x1, y1) = (0.0, 1.0, 1.0);
        }
        if x1 <= x0 {
            x1 = x0 + 1.0;
        }
        if y1 <= y0 {
            y1 = y0 + 1.0;
        }
        let ys = step(y1 - y0);
        let (y0, y1) = ((y0 / ys).floor() * ys, (y1 / ys).ceil() * ys);
        let xs = step(x1 - x0);
        let (pw, ph) = (w - left - right, h - top - bottom);
        let px = |x: f64| left + (x - x0) / (x1 - x0) * pw;
        let py = |y: f64| top + ph - (y - y0) / (y1 - y0) * ph;
        let mut o = String::new();
        let _ = writeln!(
            o,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">"#
        );
        let _ = writeln!(o, r#"<rect width="{w}" height="{h}" fill="white"/>"#);
        let _ = writeln!(
            o,
            r#"<text x="{}" y="24" font-size="16" font-weight="bold">{}</text>"#,
            left,
            escape(&self.title)
        );
        // grid and y ticks
        let mut y = y0;
        while y <= y1 + ys / 2.0 {
            let _ = writeln!(
                o,
                r##"<line x1="{left}" y1="{py:.1}" x2="{:.1}" y2="{py:.1}" stroke="#e0e0e0"/><text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"##,
                left + pw,
                left - 6.0,
                py(y) + 4.0,
                tick(y),
                py = py(y)
            );
            y += ys;
        }
        // x ticks
        let mut x = (x0 / xs).ceil() * xs;
        while x <= x1 + xs / 1e6 {
            let _ = writeln!(
                o,
                r##"<line x1="{px:.1}" y1="{:.1}" x2="{px:.1}" y2="{:.1}" stroke="#999"/><text x="{px:.1}" y="{:.1}" text-anchor="middle">{}</text>"##,
                top + ph,
                top + ph + 5.0,
                top + ph + 18.0,
                tick(x),
                px = px(x)
            );
            x += xs;
        }
        let _ = writeln!(
            o,
            r##"<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>"##
        );
        let _ = writeln!(
            o,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            left + pw / 2.0,
            h - 12.0,
            escape(&self.x_label)
        );
        let _ = writeln!(
            o,
            r#"<text transform="translate(18 {:.1}) rotate(-90)" text-anchor="middle">{}</text>"#,
            top + ph / 2.0,
            escape(&self.y_label)
        );
        for (i, s) in self.series.iter().enumerate() {
            let color = COLORS[i % COLORS.len()];
            let path: Vec<String> = s
                .points
                .iter()
                .map(|&(x, y)| format!("{:.1},{:.1}", px(x), py(y)))
                .collect();
            if path.len() == 1 {
                let (x, y) = s.points[0];
                let _ = writeln!(
                    o,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{color}"/>"#,
                    px(x),
                    py(y)
                );
            } else if !path.is_empty() {
                let _ = writeln!(
                    o,
                    r#"<polyline fill="none" stroke="{color}" stroke-width="2" points="{}"/>"#,
                    path.join(" ")
                );
            }
            let ly = top + 10.0 + 20.0 * i as f64;
            let _ = writeln!(
                o,
                r#"<line x1="{:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{color}" stroke-width="3"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                left + pw + 12.0,
                left + pw + 32.0,
                left + pw + 38.0,
                ly + 4.0,
                escape(&s.name)
            );
        }
        o.push_str("</svg>\n");
        o
    }
}

/// Whole tokens from base units (a chart's y value).
fn whole(v: u128, decimals: u8) -> f64 {
    v as f64 / 10f64.powi(i32::from(decimals))
}

/// Days since the first sample.
fn days(samples: &[Sample], t: i64) -> f64 {
    let t0 = samples.first().map_or(t, |s| s.t);
    (t - t0) as f64 / 86_400.0
}

/// Short name of an address for a legend.
fn short(a: &str) -> String {
    a.chars().take(6).collect()
}

/// The charts a run's samples give: pool USDS vs inventory, cumulative spread, realised P&L,
/// every rate limit's available amount, queue backlogs, deals funded vs owed. Each as
/// (file stem, chart); a chart with no series is left out.
pub fn charts(scenario: &str, samples: &[Sample]) -> Vec<(String, Chart)> {
    use std::collections::BTreeMap;
    let mut by_key: BTreeMap<(usize, String), Vec<(f64, f64)>> = BTreeMap::new();
    let mut push = |chart: usize, name: String, x: f64, y: f64| {
        by_key.entry((chart, name)).or_default().push((x, y));
    };
    for s in samples {
        let x = days(samples, s.t);
        for p in &s.status.pools {
            let id = short(&p.address);
            push(
                0,
                format!("USDS {id}"),
                x,
                whole(u128::from(p.quote_liquidity), p.quote_decimals),
            );
            push(
                0,
                format!("inventory {id}"),
                x,
                whole(u128::from(p.inventory), p.asset_decimals),
            );
            push(
                1,
                format!("spread {id}"),
                x,
                whole(p.spread_earned, p.quote_decimals),
            );
            let pnl = whole(p.realised_pnl.unsigned_abs(), p.quote_decimals);
            push(
                5,
                format!("realised P&L {id}"),
                x,
                if p.realised_pnl < 0 { -pnl } else { pnl },
            );
        }
        for pau in &s.status.paus {
            for r in pau.routes.iter().filter(|r| !r.unlimited) {
                push(
                    2,
                    format!("{} {}", r.tag, short(&r.address)),
                    x,
                    whole(u128::from(r.available_now), 6),
                );
            }
        }
        for u in &s.status.units {
            for q in &u.queues {
                push(
                    3,
                    format!("{} {}", q.side, short(&u.address)),
                    x,
                    whole(u128::from(q.backlog), u.underlying_decimals),
                );
            }
        }
        for f in &s.status.facilities {
            let id = short(&f.address);
            push(
                4,
                format!("funded {id}"),
                x,
                whole(u128::from(f.funded), f.deposit_decimals),
            );
            push(
                4,
                format!("owed {id}"),
                x,
                whole(u128::from(f.owed), f.deposit_decimals),
            );
        }
    }
    let specs = [
        (
            "pool-usds-vs-inventory",
            "pool USDS vs inventory",
            "whole tokens",
        ),
        ("pool-spread", "cumulative spread earned per pool", "USDS"),
        ("rate-limits", "rate limits: available now", "USDS"),
        ("queue-backlog", "LCTS queue backlog", "whole tokens"),
        ("deals-funded-vs-owed", "open deals: funded vs owed", "USDS"),
        ("pool-realised-pnl", "realised P&L per pool", "USDS"),
    ];
    assemble(scenario, &specs, &by_key, "days since the scenario began")
}

/// The charts `specs` name, each from the series of `by_key` filed under its index: at
/// most eight lines each (the ones that move most); a chart whose lines are all zero is
/// left out.
fn assemble(
    prefix: &str,
    specs: &[(&str, &str, &str)],
    by_key: &std::collections::BTreeMap<(usize, String), Vec<(f64, f64)>>,
    x_label: &str,
) -> Vec<(String, Chart)> {
    let mut out = Vec::new();
    for (i, (stem, title, unit)) in specs.iter().enumerate() {
        let mut series: Vec<Series> = by_key
            .iter()
            .filter(|((c, _), _)| *c == i)
            .map(|((_, name), points)| Series {
                name: if name.chars().count() > 24 {
                    format!("{}…", name.chars().take(23).collect::<String>())
                } else {
                    name.clone()
                },
                points: points.clone(),
            })
            .collect();
        // a legend of at most eight lines: the ones that move most
        series.sort_by(|a, b| {
            let spread = |s: &Series| {
                let (lo, hi) = s
                    .points
                    .iter()
                    .fold((f64::MAX, f64::MIN), |(l, h), p| (l.min(p.1), h.max(p.1)));
                hi - lo
            };
            spread(b).total_cmp(&spread(a))
        });
        series.truncate(COLORS.len());
        if series.iter().all(|s| s.points.iter().all(|p| p.1 == 0.0)) {
            continue;
        }
        out.push((
            format!("{prefix}-{stem}"),
            Chart {
                title: format!("{prefix}: {title}"),
                x_label: x_label.into(),
                y_label: (*unit).into(),
                series,
            },
        ));
    }
    out
}

/// The decimals and legend label of a history series, from the snapshot's status.
fn resolve(st: &Status, scale: Scale, account: &Pubkey, name: &str) -> (u8, String) {
    let a = account.to_string();
    let id = short(&a);
    let named = name.replace(&a, &id);
    let pool = st.pools.iter().find(|p| p.address == a);
    match scale {
        Scale::PoolQuote => (pool.map_or(6, |p| p.quote_decimals), named),
        Scale::PoolAsset => (pool.map_or(6, |p| p.asset_decimals), named),
        Scale::Route => st
            .paus
            .iter()
            .flat_map(|p| p.routes.iter())
            .find(|r| r.address == a)
            .map(|r| (r.decimals.unwrap_or(6), format!("{} {id}", r.tag)))
            .unwrap_or((6, format!("route {id}"))),
        Scale::Queue => st
            .units
            .iter()
            .find_map(|u| {
                u.queues.iter().find(|q| q.address == a).map(|q| {
                    (
                        u.underlying_decimals,
                        format!("{} {}", q.side, short(&u.address)),
                    )
                })
            })
            .unwrap_or((6, format!("queue {id}"))),
        Scale::Facility => (
            st.facilities
                .iter()
                .find(|f| f.address == a)
                .map_or(6, |f| f.deposit_decimals),
            named,
        ),
        Scale::Count => (0, named),
    }
}

/// The charts a chain's history gives (`halo report --charts`): pool USDS and inventory
/// after each swap and settlement, cumulative spread and redemption P&L, every rate
/// limit's available amount (its refill between movements included), LCTS queue backlogs,
/// facilities' deals owed vs funded, and refusals over time. `st` (the chain now) names
/// routes and queues and gives each mint's decimals.
pub fn history_charts(prefix: &str, a: &Activity, st: &Status) -> Vec<(String, Chart)> {
    use std::collections::BTreeMap;
    let t0 = a.first_time.unwrap_or(0);
    let mut by_key: BTreeMap<(usize, String), Vec<(f64, f64)>> = BTreeMap::new();
    for ((chart, name, scale, account), points) in &a.series {
        let (decimals, label) = resolve(st, *scale, account, name);
        let line = by_key.entry((*chart, label)).or_default();
        // a value holds until the next event changes it: steps, not slopes (a rate
        // limit's refill is linear, and its series has a point where each refill ends)
        let steps = *chart != crate::history::RATE_LIMITS;
        for &(t, v) in points {
            let y = whole(v.unsigned_abs(), decimals);
            let x = t.saturating_sub(t0) as f64 / 86_400.0;
            let y = if v < 0 { -y } else { y };
            if let Some(&(_, prev)) = line.last().filter(|_| steps) {
                line.push((x, prev));
            }
            line.push((x, y));
        }
    }
    let specs = [
        (
            "pool-usds-vs-inventory",
            "pool USDS and inventory after each swap and settlement",
            "whole tokens",
        ),
        ("pool-spread", "cumulative spread earned per pool", "USDS"),
        ("rate-limits", "PAU rate limits: available", "whole tokens"),
        ("queue-backlog", "LCTS queue backlog", "whole tokens"),
        (
            "deals-owed-vs-funded",
            "deals struck (principal + interest owed) vs funded",
            "USDS",
        ),
        (
            "refusals",
            "failed transactions, cumulative",
            "transactions",
        ),
        (
            "pool-redemption-pnl",
            "cumulative P&L of issuer redemptions per pool",
            "USDS",
        ),
    ];
    assemble(
        prefix,
        &specs,
        &by_key,
        "days since the first transaction read",
    )
}

/// The SVG rendered to PNG (twice its size, 1600 × 840), its text in DejaVu Sans (embedded:
/// no system font is needed).
pub fn to_png(svg: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut opt = usvg::Options::default();
    opt.fontdb_mut()
        .load_font_data(dejavu::sans::regular().to_vec());
    opt.fontdb_mut()
        .load_font_data(dejavu::sans::bold().to_vec());
    opt.fontdb_mut().set_sans_serif_family("DejaVu Sans");
    opt.font_family = "DejaVu Sans".into();
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("SVG: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width() * 2, size.height() * 2)
        .ok_or("a chart of zero size")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| format!("PNG: {e}"))
}

/// Writes each chart into `dir` (created if missing) as `<stem>.svg` and `<stem>.png`;
/// returns the files written.
pub fn write(
    dir: &std::path::Path,
    charts: &[(String, Chart)],
) -> Result<Vec<std::path::PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (stem, chart) in charts {
        let svg = chart.to_svg();
        let png = to_png(&svg).map_err(|e| format!("{stem}: {e}"))?;
        for (ext, bytes) in [("svg", svg.into_bytes()), ("png", png)] {
            let path = dir.join(format!("{stem}.{ext}"));
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_steps_and_an_svg_with_its_parts() {
        assert_eq!(step(10.0), 2.0);
        assert_eq!(step(1_000_000.0), 200_000.0);
        assert_eq!(step(0.0), 1.0);
        assert_eq!(tick(1_500_000.0), "1.5M");
        assert_eq!(tick(200_000.0), "200K");
        assert_eq!(tick(3.0), "3");
        let c = Chart {
            title: "a <b> & c".into(),
            x_label: "days".into(),
            y_label: "USDS".into(),
            series: vec![
                Series {
                    name: "one".into(),
                    points: vec![(0.0, 0.0), (1.0, 5.0), (2.0, 3.0)],
                },
                Series {
                    name: "two".into(),
                    points: vec![(1.0, 2.0)],
                },
            ],
        };
        let svg = c.to_svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("a &lt;b&gt; &amp; c"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("<circle").count(), 1);
        assert!(svg.contains(">one</text>") && svg.contains(">two</text>"));

        // the PNG: twice the size, lines drawn, and the title's text drawn (the font is
        // embedded: without one, text renders as nothing)
        let png = to_png(&svg).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let pix = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((pix.width(), pix.height()), (1600, 840));
        let dark = |x0: u32, y0: u32, x1: u32, y1: u32| {
            let mut n = 0;
            for y in y0..y1 {
                for x in x0..x1 {
                    let p = pix.pixel(x, y).unwrap();
                    if p.red() < 100 && p.green() < 100 && p.blue() < 100 {
                        n += 1;
                    }
                }
            }
            n
        };
        // title "a <b> & c" at (80, 24) in SVG units, 16 px bold
        assert!(dark(160, 16, 400, 56) > 50, "the title was not drawn");
        // nothing but white far right of the plot and legend, above the title
        assert_eq!(dark(1500, 0, 1600, 10), 0);
    }
}
