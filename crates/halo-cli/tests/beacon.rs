//! `halo beacon` as an operator runs it, against a local validator (`halo-localnet`). amm:
//! two daemons at once start the pool's redemption once; a key that is not the class's
//! beacon is refused at start (exit 4); a long-running daemon serves Prometheus metrics
//! and stops cleanly on SIGTERM, leaving every conservation rule holding. lcts, nfat and
//! attest: two daemons at once lock and settle a generation once, strike a deal once, post
//! an attestation once (counted in the chain's history of events); wrong keys exit 4.
//!
//! They need the validator binary: `scripts/test` builds it and runs them with `--ignored`.
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use halo_harness::rpc::{localnet_binary, Localnet, RpcLedger};
use halo_harness::trading::{TradingEnv, TradingOptions, UNIT};
use halo_harness::{Keypair, Ledger, Signer};
use halo_sdk::trading::{Pool, Side};

const HALO: &str = env!("CARGO_BIN_EXE_halo");

/// A validator with one funded t-bill pool holding 100K of inventory a user sold it, and
/// the class's beacon key written where `-k` reads it.
async fn pool_with_inventory(dir: &std::path::Path) -> (Localnet, RpcLedger, TradingEnv, String) {
    let (net, mut chain) = validator().await;
    let env = TradingEnv::bootstrap(&mut chain, TradingOptions::default()).await;
    let seller = env.trader(&mut chain, 100_000 * UNIT, 0).await;
    env.swap(&mut chain, &seller, Side::SellAsset, true, 100_000 * UNIT)
        .await
        .expect("a user sells the pool 100K");
    write_keypair(&dir.join("beacon.json"), &env.beacon);
    let url = net.url().to_string();
    (net, chain, env, url)
}

/// A fresh validator (its clock frozen between warps) and a ledger on it.
async fn validator() -> (Localnet, RpcLedger) {
    let payer = Keypair::new();
    let bin = localnet_binary().unwrap_or_else(|e| panic!("{e}"));
    let net = Localnet::start(&bin, &payer.pubkey(), None, true).unwrap_or_else(|e| panic!("{e}"));
    let chain = net.ledger(payer).await.unwrap_or_else(|e| panic!("{e}"));
    (net, chain)
}

/// A Solana CLI keypair file: the 64 bytes as a JSON array.
fn write_keypair(path: &std::path::Path, k: &Keypair) {
    let bytes: Vec<String> = k.to_bytes().iter().map(|b| b.to_string()).collect();
    std::fs::write(path, format!("[{}]", bytes.join(","))).expect("keypair file");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("halo-beacon-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn two_daemons_at_once_start_the_redemption_once_and_a_wrong_key_is_refused() {
    let dir = temp_dir("twice");
    let (_net, mut chain, env, url) = pool_with_inventory(&dir).await;
    let pool = env.pool.pool.to_string();
    let key = dir.join("beacon.json");
    let args = [
        "beacon",
        "amm",
        "--pool",
        &pool,
        "-u",
        &url,
        "-k",
        key.to_str().unwrap(),
        "--once",
    ];
    let a = Command::new(HALO)
        .args(args)
        .stderr(Stdio::piped())
        .spawn()
        .expect("first");
    let b = Command::new(HALO)
        .args(args)
        .stderr(Stdio::piped())
        .spawn()
        .expect("second");
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let logs = format!(
        "{}{}",
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr)
    );
    assert_eq!(a.status.code(), Some(0), "{logs}");
    assert_eq!(b.status.code(), Some(0), "{logs}");
    let p: Pool = chain.account(&env.pool.pool).await;
    assert_eq!(p.next_redemption_id, 1, "one redemption started:\n{logs}");
    assert_eq!(p.inventory, 0);
    assert_eq!(p.pending_asset, 100_000 * UNIT);
    assert!(logs.contains("StartRedemption"), "{logs}");
    // every cycle logged one JSON line
    let cycles: Vec<serde_json::Value> = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["event"] == "cycle")
        .collect();
    assert_eq!(cycles.len(), 2, "{logs}");
    let sent: usize = cycles
        .iter()
        .map(|c| c["sent"].as_array().unwrap().len())
        .sum();
    assert_eq!(sent, 1, "the redemption was sent once:\n{logs}");

    let stranger = Keypair::new();
    write_keypair(&dir.join("stranger.json"), &stranger);
    let out = Command::new(HALO)
        .args(["beacon", "amm", "--pool", &pool, "-u", &url, "--once", "-k"])
        .arg(dir.join("stranger.json"))
        .output()
        .expect("halo beacon");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(
        err.contains(&format!(
            "{} is not the beacon of {pool}",
            stranger.pubkey()
        )),
        "{err}"
    );
    let out = Command::new(HALO)
        .args([
            "beacon",
            "amm",
            "--pool",
            &pool,
            "-u",
            &url,
            "--once",
            "-k",
            "/nonexistent/id.json",
        ])
        .output()
        .expect("halo beacon");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("keypair /nonexistent/id.json"));
    std::fs::remove_dir_all(&dir).ok();
}

/// `halo beacon amm` on `pool` every second with the beacon key in `dir` and `extra`
/// options, and its log lines.
fn daemon(
    pool: &str,
    url: &str,
    dir: &std::path::Path,
    extra: &[&str],
) -> (
    std::process::Child,
    std::io::Lines<BufReader<std::process::ChildStderr>>,
) {
    let mut child = Command::new(HALO)
        .args([
            "beacon",
            "amm",
            "--pool",
            pool,
            "-u",
            url,
            "--interval",
            "1",
        ])
        .args(extra)
        .arg("-k")
        .arg(dir.join("beacon.json"))
        .stderr(Stdio::piped())
        .spawn()
        .expect("halo beacon");
    let lines = BufReader::new(child.stderr.take().unwrap()).lines();
    (child, lines)
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn a_daemon_serves_metrics_and_stops_cleanly_on_sigterm() {
    let dir = temp_dir("daemon");
    let (_net, mut chain, env, url) = pool_with_inventory(&dir).await;
    let pool = env.pool.pool.to_string();
    let (mut child, mut lines) = daemon(&pool, &url, &dir, &["--metrics", "127.0.0.1:0"]);
    let mut addr = None;
    let mut cycles = 0;
    let mut seen = Vec::new();
    while cycles < 2 {
        let line = lines.next().expect("a log line").expect("utf-8");
        seen.push(line.clone());
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        if v["event"] == "metrics" {
            addr = v["addr"].as_str().map(str::to_string);
        }
        if v["event"] == "cycle" {
            cycles += 1;
        }
    }
    let addr = addr.unwrap_or_else(|| panic!("no metrics address in {seen:?}"));
    let mut s = std::net::TcpStream::connect(&addr).expect("scrape");
    write!(s, "GET /metrics HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut scrape = String::new();
    s.read_to_string(&mut scrape).unwrap();
    // shown with --nocapture: what a Prometheus scrape reads
    println!("{scrape}");
    for line in [
        "halo_beacon_up{beacon=\"amm\"} 1",
        "# TYPE halo_beacon_cycles_total counter",
        "halo_check_breaks 0",
        &format!("halo_pool_inventory{{pool=\"{pool}\""),
        "halo_route_available{",
        "# TYPE halo_kpi_out_of_range gauge",
        "halo_kpi_out_of_range{kpi=\"net_position\"} 0",
    ] {
        assert!(scrape.contains(line), "{line} not in the scrape:\n{scrape}");
    }
    // SIGTERM: the cycle in flight ends, then the daemon stops with 0
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let status = child.wait().expect("wait");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(status.code(), Some(0), "{rest:?}");
    let last: serde_json::Value = serde_json::from_str(rest.last().expect("a last line")).unwrap();
    assert_eq!(last["event"], "stop");
    assert_eq!(last["reason"], "signal");
    let s = halo_ops::snapshot::Snapshot::take(&mut chain)
        .await
        .expect("snapshot");
    let report = halo_ops::check::run(&s, None);
    assert!(
        report.breaks.is_empty(),
        "{}",
        halo_ops::check::render(&report)
    );
    let p: Pool = chain.account(&env.pool.pool).await;
    assert_eq!(p.next_redemption_id, 1);

    // SIGTERM while a cycle is in flight (its inputs command takes a second): the cycle
    // ends, logged, and only then does the daemon stop
    let (mut child, mut lines) = daemon(&pool, &url, &dir, &["--inputs-cmd", "sleep 1; echo '{}'"]);
    let first = lines.next().expect("the start line").expect("utf-8");
    assert!(first.contains("\"event\":\"start\""), "{first}");
    std::thread::sleep(std::time::Duration::from_millis(400));
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let status = child.wait().expect("wait");
    let rest: Vec<serde_json::Value> = lines
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok())
        .collect();
    assert_eq!(status.code(), Some(0), "{rest:?}");
    let events: Vec<&str> = rest.iter().filter_map(|v| v["event"].as_str()).collect();
    assert_eq!(events, vec!["cycle", "stop"], "{rest:?}");
    let s = halo_ops::snapshot::Snapshot::take(&mut chain)
        .await
        .expect("snapshot");
    assert!(halo_ops::check::run(&s, None).breaks.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

/// `halo beacon lcts`: two daemons at once, each one cycle with the same inputs, lock the
/// subscribe queue and settle its generation once (the chain's history has one `Locked`
/// and one `Settled`, and the cycles' logs one lock and one settlement sent between them);
/// a key that is not the unit's beacon is refused at start.
#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn two_lcts_daemons_at_once_lock_and_settle_the_generation_once() {
    use halo_harness::lcts::{LctsEnv, LctsOptions};
    use halo_sdk::lcts::QueueSide;
    let dir = temp_dir("lcts");
    let (net, mut chain) = validator().await;
    let env = LctsEnv::bootstrap(&mut chain, LctsOptions::default()).await;
    let prime = env.prime(&mut chain, 1_000 * UNIT).await;
    env.enter(&mut chain, &prime, QueueSide::Subscribe, 1_000 * UNIT)
        .await
        .expect("a Prime subscribes 1,000");
    write_keypair(&dir.join("beacon.json"), &env.beacon);
    let inputs = dir.join("inputs.json");
    std::fs::write(
        &inputs,
        format!(
            r#"{{"subscribe_capacity": {}, "redeem_capacity": 0}}"#,
            1_000 * UNIT
        ),
    )
    .unwrap();
    let unit = env.unit.unit.to_string();
    let url = net.url().to_string();
    let key = dir.join("beacon.json");
    let slow = slow_inputs(&inputs);
    let args = [
        "beacon",
        "lcts",
        "--unit",
        &unit,
        "-u",
        &url,
        "-k",
        key.to_str().unwrap(),
        "--inputs-cmd",
        &slow,
        "--once",
    ];
    let (logs, sent) = twice(&args);
    assert_eq!(
        sent.iter().filter(|s| s.contains("Lock")).count(),
        1,
        "{logs}"
    );
    assert_eq!(
        sent.iter().filter(|s| s.contains("Settle")).count(),
        1,
        "{logs}"
    );
    // what landed: one lock, one settlement, and the generation finalized once
    let (s, h) = halo_ops::history::with_snapshot(&mut chain, usize::MAX)
        .await
        .expect("history");
    assert_eq!(h.events.get("halo_lcts.Locked"), Some(&1), "{:?}", h.events);
    assert_eq!(
        h.events.get("halo_lcts.Settled"),
        Some(&1),
        "{:?}",
        h.events
    );
    assert!(halo_ops::check::run(&s, None).breaks.is_empty());

    let stranger = Keypair::new();
    write_keypair(&dir.join("stranger.json"), &stranger);
    let out = Command::new(HALO)
        .args([
            "beacon", "lcts", "--unit", &unit, "-u", &url, "--once", "-k",
        ])
        .arg(dir.join("stranger.json"))
        .output()
        .expect("halo beacon");
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// An inputs command that answers `file` after a second: two daemons started together
/// both read the chain and plan in the same moment, so their actions really race.
fn slow_inputs(file: &std::path::Path) -> String {
    format!("sleep 1; cat '{}'", file.display())
}

/// `args` run twice at the same moment (two daemons on one target): both must exit 0.
/// Their logs, and every action their cycles sent.
fn twice(args: &[&str]) -> (String, Vec<String>) {
    let spawn = || {
        Command::new(HALO)
            .args(args)
            .stderr(Stdio::piped())
            .spawn()
            .expect("halo beacon")
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let logs = format!(
        "{}{}",
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr)
    );
    assert_eq!(a.status.code(), Some(0), "{logs}");
    assert_eq!(b.status.code(), Some(0), "{logs}");
    // shown with --nocapture: what each daemon sent, and what the program refused it
    println!("{logs}");
    let sent = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["event"] == "cycle")
        .flat_map(|c| c["sent"].as_array().cloned().unwrap_or_default())
        .map(|s| s.to_string())
        .collect();
    (logs, sent)
}

/// `halo beacon nfat` then `halo beacon attest`, each twice at once over JSON-RPC: the
/// agreed deal is struck once (one `DealStruck`, one deal on chain, its NFT delivered
/// once), and the book's pre-deployment attestation is posted once, after which no
/// attestor posts it again; the beacon's key is refused as the attestor's (exit 4).
#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn nfat_and_attest_daemons_twice_at_once_strike_and_attest_once() {
    use halo_harness::nfat::{NfatEnv, NfatOptions, MILLION};
    let dir = temp_dir("nfat");
    let (net, mut chain) = validator().await;
    let env = NfatEnv::bootstrap(&mut chain, NfatOptions::default()).await;
    let prime = env.prime(&mut chain, 25 * MILLION).await;
    env.deposit(&mut chain, &prime, 25 * MILLION)
        .await
        .expect("the Prime queues 25M");
    write_keypair(&dir.join("beacon.json"), &env.beacon);
    write_keypair(&dir.join("attestor.json"), &env.attestor);
    let now = chain.now().await;
    let inputs = dir.join("agreed.json");
    std::fs::write(
        &inputs,
        serde_json::json!({"agreed": [{"prime": prime.pubkey().to_string(), "terms": {
            "principal": 25 * MILLION, "apy_bps": 1_000, "start_ts": now, "tenor_months": 6,
            "payments": 1, "schedule": "bullet"}}]})
        .to_string(),
    )
    .unwrap();
    let (facility, url) = (env.facility.facility.to_string(), net.url().to_string());
    let (beacon_key, attestor_key) = (dir.join("beacon.json"), dir.join("attestor.json"));
    let prime_key = prime.pubkey().to_string();
    let slow = slow_inputs(&inputs);
    let (logs, sent) = twice(&[
        "beacon",
        "nfat",
        "--facility",
        &facility,
        "--prime",
        &prime_key,
        "-u",
        &url,
        "-k",
        beacon_key.to_str().unwrap(),
        "--inputs-cmd",
        &slow,
        "--once",
    ]);
    assert_eq!(
        sent.iter().filter(|s| s.contains("Claim")).count(),
        1,
        "{logs}"
    );
    let (s, h) = halo_ops::history::with_snapshot(&mut chain, usize::MAX)
        .await
        .expect("history");
    assert_eq!(
        h.events.get("halo_nfat.DealStruck"),
        Some(&1),
        "{:?}",
        h.events
    );
    assert_eq!(
        h.events.get("halo_nfat.NftDelivered"),
        Some(&1),
        "{:?}",
        h.events
    );
    assert_eq!(s.deals.len(), 1);
    assert_eq!(s.books.len(), 1);
    let book = s.books[0].address.to_string();

    // the book waits on its pre-deployment attestation: two attestors post it once
    let reports = dir.join("reports.json");
    std::fs::write(
        &reports,
        serde_json::json!({"reports": [{"book": book, "kind": "pre_deployment",
            "hash": "ab".repeat(32)}]})
        .to_string(),
    )
    .unwrap();
    let attest = |key: &std::path::Path| {
        vec![
            "beacon".to_string(),
            "attest".into(),
            "--facility".into(),
            facility.clone(),
            "-u".into(),
            url.clone(),
            "-k".into(),
            key.display().to_string(),
            "--inputs-cmd".into(),
            slow_inputs(&reports),
            "--once".into(),
        ]
    };
    let args = attest(&attestor_key);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (logs, sent) = twice(&args);
    // the second of two racing attestors is refused (AttestationUnchanged), or dropped by
    // the cluster as the same transaction
    assert_eq!(sent.len(), 1, "{logs}");
    let (s, h) = halo_ops::history::with_snapshot(&mut chain, usize::MAX)
        .await
        .expect("history");
    assert_eq!(
        h.events.get("halo_nfat.Attested"),
        Some(&1),
        "{:?}",
        h.events
    );
    let b = &s.books[0].state;
    let a = b.attestation.expect("the book's attestation");
    assert_eq!(
        (a.kind, a.hash),
        (halo_nfat::state::AttestationKind::PreDeployment, [0xab; 32])
    );
    assert!(b.has_fresh(halo_nfat::state::AttestationKind::PreDeployment));
    // once it is on chain, another attestor's cycle posts nothing
    let (_, again) = twice(&args);
    assert!(again.is_empty(), "{again:?}");
    // the beacon's key is not the attestor's
    let args = attest(&beacon_key);
    let out = Command::new(HALO)
        .args(&args)
        .output()
        .expect("halo beacon");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(err.contains("is not the attestor of"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A running `halo beacon amm` whose key governance replaces stops at its next cycle with
/// exit 4 and says why, rather than sending transactions the program would refuse.
#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn a_daemon_whose_key_governance_rotates_stops_with_exit_4() {
    let dir = temp_dir("rotated");
    let (_net, mut chain, env, url) = pool_with_inventory(&dir).await;
    let pool = env.pool.pool.to_string();
    let (mut child, mut lines) = daemon(&pool, &url, &dir, &[]);
    // its first cycle runs with the key it was started with
    loop {
        let line = lines.next().expect("a log line").expect("utf-8");
        if line.contains("\"event\":\"cycle\"") {
            break;
        }
    }
    let successor = Keypair::new();
    chain
        .must(
            &[halo_sdk::trading::set_class_roles(
                &env.governance.pubkey(),
                &env.pool.class,
                successor.pubkey(),
                env.freezer.pubkey(),
            )],
            &[&env.governance],
        )
        .await;
    let status = child.wait().expect("wait");
    let rest: Vec<serde_json::Value> = lines
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok())
        .collect();
    assert_eq!(status.code(), Some(4), "{rest:?}");
    let last = rest.last().expect("a last line");
    assert_eq!(last["event"], "stop", "{rest:?}");
    assert_eq!(last["reason"], "key_rotated", "{rest:?}");
    assert!(
        last["error"]
            .as_str()
            .unwrap()
            .contains(&successor.pubkey().to_string()),
        "{last}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
