//! `halo beacon <amm|lcts|nfat|attest>`: the beacons of `halo_beacons` (the same planner
//! and cycle code as the demo) as a daemon over JSON-RPC with the operator's keypair.
//!
//! * It refuses to start when the keypair is not the role's key on chain (exit 4).
//! * Each cycle reads the external inputs afresh (a JSON file, or a command's standard
//!   output), observes the chain, plans and sends each action in a transaction of its
//!   own, and logs one JSON line to standard error.
//! * `--once` runs one cycle; otherwise one every `--interval` seconds until SIGINT or
//!   SIGTERM, which let the cycle in flight finish (every action is one transaction, so
//!   nothing is left half done) and then stop (exit 0).
//! * Two daemons on one pool act at most once per action: the planners read state fresh,
//!   and the programs refuse an action already taken (the second is logged as refused).
//! * `--metrics ADDR` serves the beacon's health and the pool / queue / facility gauges in
//!   the Prometheus text format (crate::metrics).
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use halo_beacons::{amm, lcts, nfat};
use halo_sdk::ledger::{Keypair, Ledger, Signer};
use halo_sdk::Pubkey;
use serde::Deserialize;

use crate::metrics::{Health, Metrics};

/// Exit code when the keypair is not the role's key on chain.
pub const EXIT_WRONG_KEY: i32 = 4;

/// Where the external inputs come from.
#[derive(Clone, Debug)]
pub enum Inputs {
    None,
    File(std::path::PathBuf),
    Command(String),
}

impl Inputs {
    /// The inputs' JSON now (`{}` when there are none).
    pub fn read(&self) -> Result<serde_json::Value, String> {
        let text = match self {
            Inputs::None => return Ok(serde_json::json!({})),
            Inputs::File(p) => std::fs::read_to_string(p)
                .map_err(|e| format!("inputs file {}: {e}", p.display()))?,
            Inputs::Command(cmd) => run_inputs_command(cmd, INPUTS_TIMEOUT)?,
        };
        serde_json::from_str(&text).map_err(|e| format!("inputs are not JSON: {e}"))
    }
}

/// How long an inputs command may take before the cycle gives up on it (and kills it).
const INPUTS_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs `sh -c cmd` and returns what it printed; killed and refused after `timeout`.
fn run_inputs_command(cmd: &str, timeout: Duration) -> Result<String, String> {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("inputs command {cmd:?}: {e}"))?;
    // drain both pipes on threads so a chatty command never blocks on a full pipe
    fn drain(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    }
    let out = drain(child.stdout.take().expect("piped stdout"));
    let err = drain(child.stderr.take().expect("piped stderr"));
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "inputs command {cmd:?} took longer than {}s: killed",
                    timeout.as_secs()
                ));
            }
            Err(e) => return Err(format!("inputs command {cmd:?}: {e}")),
        }
    };
    let (out, err) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    if !status.success() {
        return Err(format!(
            "inputs command {cmd:?} exited {status}: {}",
            String::from_utf8_lossy(&err).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// A u128 given as a JSON number or a decimal string (WAD values exceed 2^53).
fn de_u128<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u128>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum N {
        Num(u64),
        Str(String),
    }
    match Option::<N>::deserialize(d)? {
        None => Ok(None),
        Some(N::Num(n)) => Ok(Some(u128::from(n))),
        Some(N::Str(s)) => s.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

fn key_of<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Pubkey, D::Error> {
    let s = String::deserialize(d)?;
    s.parse()
        .map_err(|_| serde::de::Error::custom(format!("{s} is not a public key")))
}

/// lpha-amm's inputs: `{"issuer_settlements": [{"id": 0, "received": 99950000000}]}`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AmmInputs {
    #[serde(default)]
    issuer_settlements: Vec<Settlement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settlement {
    id: u64,
    received: u64,
}

/// lpha-lcts' inputs: `{"nav_rate_wad": "1010000000000000000", "subscribe_capacity": n,
/// "redeem_capacity": n}`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LctsInputs {
    #[serde(default, deserialize_with = "de_u128")]
    nav_rate_wad: Option<u128>,
    #[serde(default)]
    subscribe_capacity: u64,
    #[serde(default)]
    redeem_capacity: u64,
}

/// lpha-nfat's inputs: `{"agreed": [{"prime": KEY, "terms": {...}}], "repaid": [{"book":
/// KEY, "amount": n}]}`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NfatInputs {
    #[serde(default)]
    agreed: Vec<AgreedIn>,
    #[serde(default)]
    repaid: Vec<Repaid>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgreedIn {
    #[serde(deserialize_with = "key_of")]
    prime: Pubkey,
    terms: TermsIn,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermsIn {
    principal: u64,
    apy_bps: u32,
    start_ts: i64,
    tenor_months: u32,
    payments: u32,
    /// `bullet`, `amortizing` or `periodic_interest`.
    schedule: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Repaid {
    #[serde(deserialize_with = "key_of")]
    book: Pubkey,
    amount: u64,
}

/// lpha-attest's inputs: `{"reports": [{"book": KEY, "kind": "pre_deployment" |
/// "at_rest", "hash": "64 hex digits"}]}`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttestInputs {
    #[serde(default)]
    reports: Vec<ReportIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportIn {
    #[serde(deserialize_with = "key_of")]
    book: Pubkey,
    kind: String,
    hash: String,
}

fn parse<T: serde::de::DeserializeOwned>(v: serde_json::Value, who: &str) -> Result<T, String> {
    serde_json::from_value(v).map_err(|e| format!("{who} inputs: {e}"))
}

/// The beacon a daemon runs, bound to its accounts.
pub enum Beacon {
    Amm(amm::AmmBeacon),
    Lcts(lcts::LctsBeacon),
    Nfat(nfat::NfatBeacon, Vec<Pubkey>),
    Attest(nfat::AttestBeacon),
}

/// What one cycle did, for the log and the metrics.
#[derive(Debug, Default, serde::Serialize)]
pub struct CycleLog {
    pub sent: Vec<String>,
    pub refused: Vec<String>,
    pub notes: Vec<String>,
}

impl CycleLog {
    /// A cycle's actions sent, refused (with the program's reason) and notes, in words.
    fn of<A: std::fmt::Debug, N: std::fmt::Debug>(
        sent: &[A],
        failed: &[(A, halo_sdk::ledger::Refusal)],
        notes: &[N],
    ) -> CycleLog {
        CycleLog {
            sent: sent.iter().map(|a| format!("{a:?}")).collect(),
            refused: failed
                .iter()
                .map(|(a, r)| format!("{a:?}: {}", r.reason()))
                .collect(),
            notes: notes.iter().map(|n| format!("{n:?}")).collect(),
        }
    }
}

impl Beacon {
    /// The role's key on chain now, and the role's name, if it is no longer this beacon's
    /// key (governance rotated it): `Ok(None)` while it still is. Read before every cycle,
    /// so a daemon whose key was replaced stops instead of sending refused transactions.
    pub async fn rotated<L: Ledger>(
        &self,
        chain: &mut L,
    ) -> Result<Option<(&'static str, Pubkey)>, String> {
        use halo_sdk::decode::account as decode;
        async fn read<L: Ledger, T: anchor_lang::AccountDeserialize>(
            chain: &mut L,
            at: &Pubkey,
        ) -> Result<T, String> {
            let data = chain
                .account_data(at)
                .await
                .ok_or_else(|| format!("{at} is gone"))?;
            decode(&data).map_err(|e| format!("{at}: {e}"))
        }
        let (role, on_chain, mine) = match self {
            Beacon::Amm(b) => {
                let c: halo_sdk::trading::TradingClass = read(chain, &b.pool.class).await?;
                ("beacon", c.beacon, b.key.pubkey())
            }
            Beacon::Lcts(b) => {
                let u: halo_sdk::lcts::LctsUnit = read(chain, &b.unit.unit).await?;
                ("beacon", u.beacon, b.key.pubkey())
            }
            Beacon::Nfat(b, _) => {
                let f: halo_sdk::nfat::Facility = read(chain, &b.facility.facility).await?;
                ("beacon", f.beacon, b.key.pubkey())
            }
            Beacon::Attest(b) => {
                let f: halo_sdk::nfat::Facility = read(chain, &b.facility.facility).await?;
                ("attestor", f.attestor, b.key.pubkey())
            }
        };
        Ok((on_chain != mine).then_some((role, on_chain)))
    }

    pub fn name(&self) -> &'static str {
        match self {
            Beacon::Amm(_) => "amm",
            Beacon::Lcts(_) => "lcts",
            Beacon::Nfat(..) => "nfat",
            Beacon::Attest(_) => "attest",
        }
    }

    /// One cycle with these inputs.
    pub async fn cycle<L: Ledger>(
        &self,
        chain: &mut L,
        inputs: serde_json::Value,
    ) -> Result<CycleLog, String> {
        let refused = |a: String, r: &halo_sdk::ledger::Refusal| format!("{a}: {}", r.reason());
        Ok(match self {
            Beacon::Amm(b) => {
                let i: AmmInputs = parse(inputs, "amm")?;
                let ext = amm::External {
                    issuer_settlements: i
                        .issuer_settlements
                        .iter()
                        .map(|s| (s.id, s.received))
                        .collect(),
                };
                let c = b.cycle(chain, &ext).await;
                CycleLog::of(&c.sent, &c.failed, &c.plan.notes)
            }
            Beacon::Lcts(b) => {
                let i: LctsInputs = parse(inputs, "lcts")?;
                let ext = lcts::External {
                    nav_rate_wad: i.nav_rate_wad,
                    subscribe_capacity: i.subscribe_capacity,
                    redeem_capacity: i.redeem_capacity,
                };
                let c = b.cycle(chain, &ext).await;
                CycleLog::of(&c.sent, &c.failed, &c.plan.notes)
            }
            Beacon::Nfat(b, primes) => {
                let i: NfatInputs = parse(inputs, "nfat")?;
                let mut agreed = Vec::new();
                for a in i.agreed {
                    let schedule = match a.terms.schedule.as_str() {
                        "bullet" => halo_math::nfat::Schedule::Bullet,
                        "amortizing" => halo_math::nfat::Schedule::Amortizing,
                        "periodic_interest" => halo_math::nfat::Schedule::PeriodicInterest,
                        other => {
                            return Err(format!(
                                "nfat inputs: schedule {other:?}: bullet, amortizing or periodic_interest"
                            ))
                        }
                    };
                    agreed.push(nfat::Agreed {
                        prime: a.prime,
                        terms: halo_math::nfat::Terms {
                            principal: a.terms.principal,
                            apy_bps: a.terms.apy_bps,
                            start_ts: a.terms.start_ts,
                            tenor_months: a.terms.tenor_months,
                            payments: a.terms.payments,
                            schedule,
                        },
                    });
                }
                let ext = nfat::External {
                    agreed,
                    repaid: i.repaid.iter().map(|r| (r.book, r.amount)).collect(),
                };
                let c = b.cycle(chain, primes, &ext).await;
                CycleLog::of(&c.sent, &c.failed, &c.plan.notes)
            }
            Beacon::Attest(b) => {
                let i: AttestInputs = parse(inputs, "attest")?;
                let mut report = Vec::new();
                for r in i.reports {
                    let kind = match r.kind.as_str() {
                        "pre_deployment" => halo_sdk::nfat::AttestationKind::PreDeployment,
                        "at_rest" => halo_sdk::nfat::AttestationKind::AtRest,
                        other => {
                            return Err(format!(
                                "attest inputs: kind {other:?}: pre_deployment or at_rest"
                            ))
                        }
                    };
                    report.push((r.book, kind, hash32(&r.hash)?));
                }
                match b.cycle(chain, &report).await {
                    Ok(sent) => CycleLog {
                        sent: sent
                            .iter()
                            .map(|(k, kind)| format!("attest {kind:?} {k}"))
                            .collect(),
                        ..CycleLog::default()
                    },
                    Err(r) => CycleLog {
                        refused: vec![refused("attest".into(), &r)],
                        ..CycleLog::default()
                    },
                }
            }
        })
    }
}

/// 64 hex digits → 32 bytes.
fn hash32(hex: &str) -> Result<[u8; 32], String> {
    let bad = || format!("attest inputs: hash {hex:?} is not 64 hex digits");
    if hex.len() != 64 {
        return Err(bad());
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(hex.get(2 * i..2 * i + 2).ok_or_else(bad)?, 16)
            .map_err(|_| bad())?;
    }
    Ok(out)
}

/// The role key each beacon must hold, read from chain; `Err` says whose key it is.
pub async fn bind<L: Ledger>(
    chain: &mut L,
    kind: &str,
    target: &Pubkey,
    key: &Keypair,
    price_account: Option<Pubkey>,
    primes: Vec<Pubkey>,
) -> Result<Beacon, BindError> {
    use halo_sdk::decode::account as decode;
    let raw = chain
        .raw_account(target)
        .await
        .ok_or_else(|| BindError::Missing(format!("no account at {target}")))?;
    let program = match kind {
        "amm" => halo_trading::ID,
        "lcts" => halo_lcts::ID,
        _ => halo_nfat::ID,
    };
    if raw.owner != program {
        return Err(BindError::Missing(format!(
            "{target} is owned by {}, not by {program}: not a {kind} beacon's account",
            raw.owner
        )));
    }
    let data = raw.data;
    let wrong = |role: &str, on_chain: &Pubkey| {
        BindError::WrongKey(format!(
            "{} is not the {role} of {target} (the {role} on chain is {on_chain}): refusing to start",
            key.pubkey()
        ))
    };
    let missing = |e: halo_sdk::decode::DecodeError| BindError::Missing(format!("{target}: {e}"));
    match kind {
        "amm" => {
            let pool: halo_sdk::trading::Pool = decode(&data).map_err(missing)?;
            let class: halo_sdk::trading::TradingClass = chain
                .account_data(&pool.class)
                .await
                .and_then(|d| decode(&d).ok())
                .ok_or_else(|| {
                    BindError::Missing(format!("the pool's class {} is missing", pool.class))
                })?;
            if class.beacon != key.pubkey() {
                return Err(wrong("beacon", &class.beacon));
            }
            if halo_sdk::pda::pool(&pool.class, pool.unit_id) != *target {
                return Err(BindError::Missing(format!(
                    "{target} is not at its own seeds (class {}, unit {})",
                    pool.class, pool.unit_id
                )));
            }
            let price_account = match (pool.price_source, price_account) {
                (_, Some(p)) => p,
                (halo_sdk::trading::PriceSource::HaloFeed { feed }, None) => feed,
                (_, None) => {
                    return Err(BindError::Missing(
                        "this pool is not priced by a halo_oracle feed: name its Pyth price account with --price-account"
                            .into(),
                    ))
                }
            };
            let asset_token_program = owner(chain, &pool.asset_mint).await?;
            let quote_token_program = owner(chain, &class.quote_mint).await?;
            Ok(Beacon::Amm(amm::AmmBeacon {
                key: key.insecure_clone(),
                pool: halo_sdk::trading::PoolRef {
                    class: pool.class,
                    unit_id: pool.unit_id,
                    pool: *target,
                    book: pool.book,
                    asset_mint: pool.asset_mint,
                    quote_mint: class.quote_mint,
                    asset_vault: pool.asset_vault,
                    quote_vault: pool.quote_vault,
                    price_account,
                    asset_token_program,
                    quote_token_program,
                },
                redemption_account: pool.params.redemption_account,
                rules: amm::AmmRules::default(),
            }))
        }
        "lcts" => {
            let unit: halo_sdk::lcts::LctsUnit = decode(&data).map_err(missing)?;
            if unit.beacon != key.pubkey() {
                return Err(wrong("beacon", &unit.beacon));
            }
            let deploy = route(chain, &unit.deploy_rate_limit).await?;
            let proxy = halo_sdk::pda::proxy(&unit.pau_controller);
            let r = halo_sdk::lcts::UnitRef::new(
                unit.class,
                unit.unit_id,
                unit.underlying_mint,
                unit.underlying_token_program,
                halo_sdk::lcts::UnitPau {
                    controller: unit.pau_controller,
                    custody: halo_sdk::ata(
                        &proxy,
                        &unit.underlying_mint,
                        &unit.underlying_token_program,
                    ),
                    deploy_endpoint: deploy.counterparty,
                },
            );
            if r.unit != *target {
                return Err(BindError::Missing(format!(
                    "{target} is not at its own seeds (class {}, id {})",
                    unit.class, unit.unit_id
                )));
            }
            Ok(Beacon::Lcts(lcts::LctsBeacon {
                key: key.insecure_clone(),
                unit: r,
            }))
        }
        "nfat" | "attest" => {
            let f: halo_sdk::nfat::Facility = decode(&data).map_err(missing)?;
            let (role, holder) = if kind == "nfat" {
                ("beacon", f.beacon)
            } else {
                ("attestor", f.attestor)
            };
            if holder != key.pubkey() {
                return Err(wrong(role, &holder));
            }
            let deploy = route(chain, &f.deploy_rate_limit).await?;
            let proxy = halo_sdk::pda::proxy(&f.pau_controller);
            let r = halo_sdk::nfat::FacilityRef::new(
                f.authority,
                f.facility_id,
                f.deposit_mint,
                f.deposit_token_program,
                halo_sdk::nfat::FacilityPau {
                    controller: f.pau_controller,
                    custody: halo_sdk::ata(&proxy, &f.deposit_mint, &f.deposit_token_program),
                    endpoint: deploy.counterparty,
                },
            );
            if r.facility != *target {
                return Err(BindError::Missing(format!(
                    "{target} is not at its own seeds (authority {}, id {})",
                    f.authority, f.facility_id
                )));
            }
            if kind == "nfat" {
                Ok(Beacon::Nfat(
                    nfat::NfatBeacon {
                        key: key.insecure_clone(),
                        facility: r,
                    },
                    primes,
                ))
            } else {
                Ok(Beacon::Attest(nfat::AttestBeacon {
                    key: key.insecure_clone(),
                    facility: r,
                }))
            }
        }
        other => Err(BindError::Missing(format!("no beacon called {other}"))),
    }
}

/// Why a beacon cannot start.
#[derive(Debug)]
pub enum BindError {
    /// The keypair is not the role's key on chain.
    WrongKey(String),
    /// The account is missing or not what the beacon drives.
    Missing(String),
}

async fn owner<L: Ledger>(chain: &mut L, mint: &Pubkey) -> Result<Pubkey, BindError> {
    chain
        .raw_account(mint)
        .await
        .map(|a| a.owner)
        .ok_or_else(|| BindError::Missing(format!("mint {mint} is missing")))
}

async fn route<L: Ledger>(
    chain: &mut L,
    address: &Pubkey,
) -> Result<halo_sdk::decode::RateLimit, BindError> {
    chain
        .account_data(address)
        .await
        .and_then(|d| halo_sdk::decode::account(&d).ok())
        .ok_or_else(|| {
            BindError::Missing(format!(
                "the deploy route {address} is missing: set the routes before starting the beacon"
            ))
        })
}

/// One JSON log line on standard error.
fn log(beacon: &str, event: &str, fields: serde_json::Value) {
    let ts = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut line = serde_json::json!({"ts": ts, "beacon": beacon, "event": event});
    if let (Some(l), serde_json::Value::Object(f)) = (line.as_object_mut(), fields) {
        l.extend(f);
    }
    eprintln!("{line}");
}

/// How the daemon runs.
pub struct Schedule {
    pub once: bool,
    pub interval: Duration,
}

/// Runs `beacon` on `chain` until told to stop (or once); returns the exit code.
pub async fn run<L: Ledger>(
    chain: &mut L,
    beacon: Beacon,
    inputs: Inputs,
    schedule: Schedule,
    metrics: Option<Arc<Mutex<Metrics>>>,
) -> i32 {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        // a second signal while the first waits for the cycle in flight exits at once (130)
        let registered =
            signal_hook::flag::register_conditional_shutdown(sig, 130, Arc::clone(&stop))
                .and_then(|_| signal_hook::flag::register(sig, Arc::clone(&stop)));
        if let Err(e) = registered {
            log(
                beacon.name(),
                "error",
                serde_json::json!({"error": format!("signal handler: {e}")}),
            );
            return 1;
        }
    }
    let name = beacon.name();
    log(
        name,
        "start",
        serde_json::json!({"key": chain.payer_key().to_string(), "once": schedule.once, "interval_s": schedule.interval.as_secs()}),
    );
    let mut health = Health::default();
    let mut failures_in_a_row = 0u32;
    loop {
        let started = Instant::now();
        // a key governance replaced: stop (exit 4, as at start) rather than be refused
        if let Ok(Ok(Some((role, on_chain)))) =
            crate::ops::guarded(async { Ok(beacon.rotated(chain).await) }).await
        {
            log(
                name,
                "stop",
                serde_json::json!({"cycles": health.cycles, "reason": "key_rotated",
                    "error": format!("{} is no longer the {role} (the {role} on chain is {on_chain})", chain.payer_key())}),
            );
            return EXIT_WRONG_KEY;
        }
        let outcome = match inputs.read() {
            // a cluster that stops answering half way through a cycle fails that cycle
            Ok(v) => crate::ops::guarded(beacon.cycle(chain, v)).await,
            Err(e) => Err(e),
        };
        let elapsed = started.elapsed();
        health.cycles += 1;
        health.last_cycle_unix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        health.last_cycle_seconds = elapsed.as_secs_f64();
        match &outcome {
            Ok(c) => {
                failures_in_a_row = 0;
                health.last_success_unix = health.last_cycle_unix;
                health.sent += c.sent.len() as u64;
                health.refused += c.refused.len() as u64;
                log(
                    name,
                    "cycle",
                    serde_json::json!({"ms": elapsed.as_millis() as u64, "sent": c.sent, "refused": c.refused, "notes": c.notes}),
                );
            }
            Err(e) => {
                failures_in_a_row += 1;
                health.failed_cycles += 1;
                log(name, "cycle_failed", serde_json::json!({"error": e}));
            }
        }
        if let Some(m) = &metrics {
            let read = crate::ops::guarded(halo_ops::snapshot::Snapshot::take(chain)).await;
            let gauges = match read {
                Ok(s) => Some(s),
                Err(e) => {
                    log(name, "metrics_failed", serde_json::json!({"error": e}));
                    None
                }
            };
            // built outside the lock, so a scrape never waits on a snapshot
            let mut fresh = Metrics::default();
            fresh.update(name, &health, gauges.as_ref());
            if let Ok(mut m) = m.lock() {
                *m = fresh;
            }
        }
        if schedule.once {
            return if outcome.is_ok() { 0 } else { 1 };
        }
        // sleep in short steps so a signal stops the daemon within a tenth of a second
        let until = Instant::now() + schedule.interval;
        while Instant::now() < until && !stop.load(Ordering::Relaxed) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if stop.load(Ordering::Relaxed) {
            log(
                name,
                "stop",
                serde_json::json!({"cycles": health.cycles, "reason": "signal"}),
            );
            return 0;
        }
        if failures_in_a_row >= 10 {
            log(
                name,
                "stop",
                serde_json::json!({"cycles": health.cycles, "reason": "10 failed cycles in a row"}),
            );
            return 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_parse_and_refuse_what_they_do_not_know() {
        let a: AmmInputs = parse(
            serde_json::json!({"issuer_settlements": [{"id": 0, "received": 5}]}),
            "amm",
        )
        .unwrap();
        assert_eq!(a.issuer_settlements[0].received, 5);
        assert!(parse::<AmmInputs>(serde_json::json!({"settlements": []}), "amm").is_err());
        let l: LctsInputs = parse(
            serde_json::json!({"nav_rate_wad": "1010000000000000000", "subscribe_capacity": 7}),
            "lcts",
        )
        .unwrap();
        assert_eq!(l.nav_rate_wad, Some(1_010_000_000_000_000_000));
        assert_eq!(l.redeem_capacity, 0);
        let l: LctsInputs = parse(serde_json::json!({"nav_rate_wad": 5}), "lcts").unwrap();
        assert_eq!(l.nav_rate_wad, Some(5));
        assert!(parse::<LctsInputs>(serde_json::json!({"nav_rate_wad": "x"}), "lcts").is_err());
        assert!(parse::<NfatInputs>(
            serde_json::json!({"repaid": [{"book": "not a key", "amount": 1}]}),
            "nfat"
        )
        .is_err());
        assert_eq!(hash32(&"ab".repeat(32)).unwrap(), [0xab; 32]);
        assert!(hash32("abc").is_err());
        assert!(hash32(&"zz".repeat(32)).is_err());
    }

    /// Each beacon binds to its accounts from chain state alone (the same addresses the
    /// fixture built), refuses another key, and runs a cycle with inputs in JSON.
    #[tokio::test]
    async fn every_beacon_binds_from_chain_state_and_refuses_a_key_that_is_not_its_role() {
        use halo_harness::{Chain, LctsEnv, NfatEnv, TradingEnv};
        let stranger = Keypair::new();
        let mut chain = Chain::new().await;
        let t = TradingEnv::bootstrap(&mut chain, Default::default()).await;
        match bind(&mut chain, "amm", &t.pool.pool, &t.beacon, None, vec![]).await {
            Ok(Beacon::Amm(b)) => {
                assert_eq!(b.pool, t.pool);
                assert_eq!(b.redemption_account, t.issuer_account);
            }
            other => panic!("{:?}", other.err()),
        }
        assert!(matches!(
            bind(&mut chain, "amm", &t.pool.pool, &stranger, None, vec![]).await,
            Err(BindError::WrongKey(e)) if e.contains("is not the beacon of")
        ));
        // lpha-amm with nothing to do: one cycle, no action
        let b = bind(&mut chain, "amm", &t.pool.pool, &t.beacon, None, vec![])
            .await
            .ok()
            .unwrap();
        let c = b.cycle(&mut chain, serde_json::json!({})).await.unwrap();
        assert!(c.sent.is_empty() && c.refused.is_empty(), "{c:?}");
        assert!(b
            .cycle(
                &mut chain,
                serde_json::json!({"issuer_settlements": [{"id": "x"}]})
            )
            .await
            .is_err());

        let mut chain = Chain::new().await;
        let l = LctsEnv::bootstrap(&mut chain, Default::default()).await;
        match bind(&mut chain, "lcts", &l.unit.unit, &l.beacon, None, vec![]).await {
            Ok(Beacon::Lcts(b)) => assert_eq!(b.unit, l.unit),
            other => panic!("{:?}", other.err()),
        }
        assert!(matches!(
            bind(&mut chain, "lcts", &l.unit.unit, &stranger, None, vec![]).await,
            Err(BindError::WrongKey(_))
        ));
        // a PAU controller is not a unit: another program owns it
        assert!(matches!(
            bind(&mut chain, "lcts", &l.pau.controller, &l.beacon, None, vec![]).await,
            Err(BindError::Missing(e)) if e.contains("is owned by")
        ));
        // an LCTS account that is not a unit
        assert!(matches!(
            bind(
                &mut chain,
                "lcts",
                &l.unit.subscribe_queue,
                &l.beacon,
                None,
                vec![]
            )
            .await,
            Err(BindError::Missing(_))
        ));

        let mut chain = Chain::new().await;
        let n = NfatEnv::bootstrap(&mut chain, Default::default()).await;
        let f = n.facility.facility;
        match bind(
            &mut chain,
            "nfat",
            &f,
            &n.beacon,
            None,
            vec![Pubkey::new_unique()],
        )
        .await
        {
            Ok(Beacon::Nfat(b, primes)) => {
                assert_eq!(b.facility, n.facility);
                assert_eq!(primes.len(), 1);
            }
            other => panic!("{:?}", other.err()),
        }
        match bind(&mut chain, "attest", &f, &n.attestor, None, vec![]).await {
            Ok(Beacon::Attest(b)) => assert_eq!(b.facility, n.facility),
            other => panic!("{:?}", other.err()),
        }
        // the beacon is not the attestor, nor the other way round
        assert!(matches!(
            bind(&mut chain, "attest", &f, &n.beacon, None, vec![]).await,
            Err(BindError::WrongKey(e)) if e.contains("is not the attestor of")
        ));
        assert!(matches!(
            bind(&mut chain, "nfat", &f, &n.attestor, None, vec![]).await,
            Err(BindError::WrongKey(_))
        ));
        let b = bind(&mut chain, "nfat", &f, &n.beacon, None, vec![])
            .await
            .ok()
            .unwrap();
        let c = b.cycle(&mut chain, serde_json::json!({})).await.unwrap();
        assert!(c.refused.is_empty(), "{c:?}");
        assert!(b
            .cycle(
                &mut chain,
                serde_json::json!({"agreed": [{"prime": Pubkey::new_unique().to_string(), "terms": {
                    "principal": 1, "apy_bps": 1, "start_ts": 0, "tenor_months": 1, "payments": 1,
                    "schedule": "weekly"}}]})
            )
            .await
            .unwrap_err()
            .contains("schedule \"weekly\""));
        let a = bind(&mut chain, "attest", &f, &n.attestor, None, vec![])
            .await
            .ok()
            .unwrap();
        let c = a
            .cycle(&mut chain, serde_json::json!({"reports": []}))
            .await
            .unwrap();
        assert!(c.sent.is_empty() && c.refused.is_empty(), "{c:?}");
    }

    #[test]
    fn inputs_come_from_a_file_or_a_command() {
        assert_eq!(Inputs::None.read().unwrap(), serde_json::json!({}));
        let v = Inputs::Command("echo '{\"subscribe_capacity\": 3}'".into())
            .read()
            .unwrap();
        assert_eq!(v["subscribe_capacity"], 3);
        let e = Inputs::Command("exit 7".into()).read().unwrap_err();
        assert!(e.contains("exited"), "{e}");
        let e = Inputs::File("/nonexistent/inputs.json".into())
            .read()
            .unwrap_err();
        assert!(e.contains("/nonexistent/inputs.json"), "{e}");
        let e = Inputs::Command("echo not json".into()).read().unwrap_err();
        assert!(e.contains("not JSON"), "{e}");
        let started = Instant::now();
        let e = run_inputs_command("sleep 5", Duration::from_millis(300)).unwrap_err();
        assert!(e.contains("took longer than 0s: killed"), "{e}");
        assert!(started.elapsed() < Duration::from_secs(3));
    }
}
