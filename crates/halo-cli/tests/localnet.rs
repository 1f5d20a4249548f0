//! `halo localnet`: starts `halo-localnet` (Surfpool with the SBF builds) and serves JSON-RPC
//! on 127.0.0.1; without the validator binary it says how to build it and exits 2. And
//! `halo demo --localnet`: every seed scenario over JSON-RPC, each on a validator of its
//! own, with the same `verify` as the embedded run.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

const HALO: &str = env!("CARGO_BIN_EXE_halo");

#[test]
fn without_the_validator_binary_it_says_how_to_build_it_and_exits_2() {
    let out = Command::new(HALO)
        .arg("localnet")
        .env("HALO_LOCALNET", "/nonexistent/halo-localnet")
        .output()
        .expect("run halo");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("HALO_LOCALNET names /nonexistent/halo-localnet, which is not a file"),
        "{err}"
    );
}

/// `halo localnet <args>` started, and its JSON-RPC URL.
fn start_localnet(args: &[&str]) -> (std::process::Child, String) {
    let mut child = Command::new(HALO)
        .arg("localnet")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("halo localnet");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("its first line");
    let url = line
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    (child, url)
}

/// The SBF builds: `$HALO_SBF_DIR`, else the workspace's `target/sbf`.
fn sbf_dir() -> String {
    std::env::var("HALO_SBF_DIR")
        .unwrap_or_else(|_| format!("{}/../../target/sbf", env!("CARGO_MANIFEST_DIR")))
}

/// One JSON-RPC call over plain HTTP/1.1 (no client crate needed for a health check).
fn rpc(url: &str, body: &str) -> String {
    let addr = url.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).expect("connect to the validator");
    write!(
        s,
        "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut response = String::new();
    s.read_to_string(&mut response).expect("read");
    response
}

#[test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
fn it_serves_json_rpc_on_loopback_with_the_halo_programs_and_stops_when_stdin_closes() {
    assert!(
        std::env::var_os("HALO_LOCALNET").is_some(),
        "HALO_LOCALNET names the halo-localnet binary (scripts/test sets it)"
    );
    let (mut child, url) = start_localnet(&[]);
    let health = rpc(&url, r#"{"jsonrpc":"2.0","id":1,"method":"getHealth"}"#);
    assert!(health.contains(r#""result":"ok""#), "{health}");
    // halo_pau is deployed, executable, under the upgradeable loader
    let pau = rpc(
        &url,
        &format!(
            r#"{{"jsonrpc":"2.0","id":2,"method":"getAccountInfo","params":["{}",{{"encoding":"base64"}}]}}"#,
            halo_pau::ID
        ),
    );
    assert!(pau.contains(r#""executable":true"#), "{pau}");
    assert!(
        pau.contains("BPFLoaderUpgradeab1e11111111111111111111111"),
        "{pau}"
    );
    // closing its standard input stops it
    drop(child.stdin.take());
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status}");
}

#[test]
fn usage_errors_exit_2_and_say_what_is_wrong() {
    for (args, why) in [
        (vec!["demo", "--fast"], "unexpected argument '--fast'"),
        (
            vec!["demo", "--sbf-dir", "target/sbf"],
            "--sbf-dir goes with --localnet",
        ),
        (
            vec!["demo", "--localnet", "--sbf-dir"],
            "a value is required for '--sbf-dir <DIR>'",
        ),
        (
            vec!["demo", "--localnet", "-u", "localhost"],
            "--url and --localnet are two different clusters",
        ),
        (vec!["status", "--output", "yaml"], "invalid value 'yaml'"),
        (vec!["check", "--commitment", "max"], "invalid value 'max'"),
        (vec!["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (
            vec!["beacon", "amm", "--pool", "x", "--interval", "0"],
            "0 is not in 1..",
        ),
        (
            vec!["beacon", "lcts", "--unit", "not-an-address"],
            "--unit not-an-address is not a base58 address",
        ),
    ] {
        let out = Command::new(HALO).args(&args).output().expect("run halo");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(why), "{args:?}: {err}");
    }
}

#[test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
fn demo_over_json_rpc_runs_every_seed_scenario_with_the_embedded_runs_numbers() {
    let out = Command::new(HALO)
        .args(["demo", "--localnet"])
        .output()
        .expect("halo demo --localnet");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "Halo on Solana: seed scenarios over JSON-RPC",
        "its clock moved only by the scenario",
        "all scenarios ran and matched the seeds' numbers",
    ] {
        assert!(report.contains(line), "{line:?} not in:\n{report}");
    }
}

#[test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
fn demo_url_resets_the_validator_and_runs_every_seed_scenario_with_the_same_numbers() {
    let (mut child, url) = start_localnet(&["--clock", "frozen"]);
    let sbf = sbf_dir();
    let out = Command::new(HALO)
        .args(["demo", "--url", &url, "--sbf-dir", &sbf])
        .output()
        .expect("halo demo --url");
    drop(child.stdin.take());
    let _ = child.wait();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "reset before each scenario",
        "all scenarios ran and matched the seeds' numbers",
    ] {
        assert!(report.contains(line), "{line:?} not in:\n{report}");
    }
}

/// `halo <args>` and its exit code, stdout and stderr.
fn halo(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(HALO).args(args).output().expect("run halo");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn status_and_check_say_why_when_the_cluster_does_not_answer_and_exit_1() {
    // nothing listens on port 1
    for cmd in ["status", "check"] {
        let (code, _, err) = halo(&[cmd, "-u", "http://127.0.0.1:1"]);
        assert_eq!(code, Some(1), "{cmd}: {err}");
        assert!(err.contains("does not answer getHealth"), "{cmd}: {err}");
    }
    let (code, _, err) = halo(&[
        "check",
        "-u",
        "http://127.0.0.1:1",
        "--baseline",
        "/nonexistent.json",
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("baseline /nonexistent.json"), "{err}");
    let (code, out, _) = halo(&["--help"]);
    assert_eq!(code, Some(0));
    for word in [
        "demo",
        "localnet",
        "status",
        "check",
        "Exit codes",
        "--url",
        "--output",
    ] {
        assert!(out.contains(word), "{word} not in --help:\n{out}");
    }
}

#[test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
fn status_and_check_read_the_cluster_and_check_flags_a_corrupted_facility() {
    use halo_harness::{Chain, Ledger};
    use halo_ops::{snapshot::Snapshot, status};
    use halo_scenarios::{report::Report, structuring};
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let (mut child, url) = start_localnet(&["--clock", "frozen"]);
    let sbf = sbf_dir();
    // the Structuring scenario over JSON-RPC, left on the validator
    let mut ledger = rt.block_on(async {
        let mut l = halo_harness::rpc::RpcLedger::connect(&url, halo_harness::Keypair::new())
            .await
            .expect("connect");
        l.reset_with_programs(std::path::Path::new(&sbf))
            .await
            .expect("programs");
        structuring::run(&mut l, &mut Report::quiet())
            .await
            .expect("scenario");
        l
    });

    let (code, out, err) = halo(&["status", "-u", &url, "--output", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let over_rpc: serde_json::Value = serde_json::from_str(&out).expect("status JSON");
    let embedded = rt.block_on(async {
        let mut c = Chain::new().await;
        structuring::run(&mut c, &mut Report::quiet())
            .await
            .expect("embedded");
        status::Status::of(&Snapshot::take(&mut c).await.expect("snapshot"))
    });
    assert_eq!(
        status::mask_addresses(over_rpc),
        status::without_addresses(&embedded),
        "halo status over JSON-RPC differs from the embedded run"
    );
    let (code, table, _) = halo(&["status", "-u", &url]);
    assert_eq!(code, Some(0));
    assert!(
        table.contains("facility") && table.contains("deals:"),
        "{table}"
    );

    let (code, out, err) = halo(&["check", "-u", &url]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("every rule holds"), "{out}");
    // the report, with the history read over JSON-RPC, and its charts
    let charts = std::env::temp_dir().join(format!("halo-report-charts-{}", std::process::id()));
    let dir = charts.display().to_string();
    let (code, out, err) = halo(&["report", "-u", &url, "--output", "json", "--charts", &dir]);
    assert_eq!(code, Some(0), "{err}");
    let kpis: serde_json::Value = serde_json::from_str(&out).expect("report JSON");
    let ids: Vec<&str> = kpis["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"deals_funded") && ids.contains(&"refusals"),
        "{out}"
    );
    let history = &kpis["history"];
    assert!(history["transactions"].as_u64().unwrap() > 10, "{history}");
    assert!(
        history["events"]["halo_nfat.DealStruck"].as_u64().unwrap() >= 1,
        "{history}"
    );
    for stem in ["cluster-deals-owed-vs-funded", "cluster-rate-limits"] {
        for ext in ["svg", "png"] {
            let f = charts.join(format!("{stem}.{ext}"));
            assert!(f.is_file(), "{} missing; {err}", f.display());
        }
    }
    let _ = std::fs::remove_dir_all(&charts);
    // chain state only: no history in the report; and charts need the history
    let (code, out, err) = halo(&["report", "-u", &url, "--output", "json", "--no-history"]);
    assert_eq!(code, Some(0), "{err}");
    let kpis: serde_json::Value = serde_json::from_str(&out).expect("report JSON");
    assert!(kpis["history"].is_null());
    let (code, _, err) = halo(&["report", "-u", &url, "--no-history", "--charts", &dir]);
    assert_eq!(code, Some(2), "{err}");

    // a facility whose books claim one more unit of queued capital than its Primes put in
    let facility = rt.block_on(async {
        let s = Snapshot::take(&mut ledger).await.expect("snapshot");
        let f = s.facilities[0].clone();
        let mut state = f.state.clone();
        state.queue.total_underlying += 1;
        let mut data = Vec::new();
        anchor_lang::AccountSerialize::try_serialize(&state, &mut data).expect("encode");
        let mut raw = ledger.raw_account(&f.address).await.expect("facility");
        data.resize(raw.data.len(), 0);
        raw.data = data;
        ledger.set_account(&f.address, raw).await;
        f.address
    });
    let (code, out, err) = halo(&["check", "-u", &url, "--output", "json"]);
    assert_eq!(code, Some(3), "{out}{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("check JSON");
    let breaks = report["breaks"].as_array().expect("breaks");
    assert!(!breaks.is_empty());
    for b in breaks {
        assert!(
            b["accounts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == &facility.to_string()),
            "{b}"
        );
    }
    assert!(breaks.iter().any(|b| b["id"] == "nfat.queue_flow"), "{out}");
    drop(child.stdin.take());
    let _ = child.wait();
}
