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
fn demo_refuses_options_it_does_not_know_and_a_lone_sbf_dir() {
    for (args, why) in [
        (vec!["demo", "--fast"], "unknown option \"--fast\""),
        (
            vec!["demo", "--sbf-dir", "target/sbf"],
            "--sbf-dir goes with --localnet",
        ),
        (
            vec!["demo", "--localnet", "--sbf-dir"],
            "--sbf-dir needs a directory",
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
    let sbf = std::env::var("HALO_SBF_DIR")
        .unwrap_or_else(|_| format!("{}/../../target/sbf", env!("CARGO_MANIFEST_DIR")));
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
