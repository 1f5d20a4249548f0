//! `RpcLedger` over JSON-RPC against a real local validator (`halo-localnet`: Surfpool with
//! the SBF builds, from bench/): transactions confirm, a refusal comes back with the
//! program's code and the preflight's logs and changes nothing, the cheatcode moves the
//! clock, rent is the cluster's; and a cluster without the cheatcodes refuses them in words.
//!
//! These tests need the validator binary: `scripts/test` builds it and runs them with
//! `--ignored` (HALO_LOCALNET names the binary).
use halo_harness::rpc::{localnet_binary, Localnet, RpcLedger};
use halo_harness::{Keypair, Ledger, Signer};
use halo_scenarios::{configurator, passthrough, report::Report, structuring, trading};

/// The scenario's end state read back over JSON-RPC: `halo check` finds every rule
/// holding, and `halo status` shows the same numbers as the embedded chain's run.
async fn same_status_as_embedded(chain: &mut RpcLedger, embedded: halo_harness::Chain) {
    let mut embedded = embedded;
    let over_rpc = halo_ops::snapshot::Snapshot::take(chain)
        .await
        .expect("getProgramAccounts and the vaults");
    let report = halo_ops::check::run(&over_rpc, None);
    assert!(
        report.breaks.is_empty(),
        "{}",
        halo_ops::check::render(&report)
    );
    let local = halo_ops::snapshot::Snapshot::take(&mut embedded)
        .await
        .expect("the embedded chain's accounts");
    // the same accounts (positions and deposits included, which status does not show),
    // each rule evaluated as often
    let local_report = halo_ops::check::run(&local, None);
    assert_eq!(report.accounts, local_report.accounts);
    let evaluated = |r: &halo_ops::check::CheckReport| -> Vec<(&str, u64)> {
        // in id order: rules are listed as first met, which follows the address order
        let mut v: Vec<(&str, u64)> = r.rules.iter().map(|x| (x.id, x.evaluated)).collect();
        v.sort();
        v
    };
    assert_eq!(evaluated(&report), evaluated(&local_report));
    assert_eq!(
        halo_ops::status::without_addresses(&halo_ops::status::Status::of(&over_rpc)),
        halo_ops::status::without_addresses(&halo_ops::status::Status::of(&local)),
        "halo status over JSON-RPC differs from the embedded run"
    );
    same_report_as_embedded(chain, &mut embedded).await;
}

/// `halo report` with the history: over JSON-RPC (getSignaturesForAddress and
/// getTransaction) the same events and the same KPIs as the embedded chain's record. The
/// one difference is the cluster's preflight: a transaction it refuses never lands, so the
/// embedded chain's failed transactions are not in the cluster's history.
async fn same_report_as_embedded(chain: &mut RpcLedger, embedded: &mut halo_harness::Chain) {
    let (s_rpc, h_rpc) = halo_ops::history::with_snapshot(chain, usize::MAX)
        .await
        .expect("the history over JSON-RPC");
    let (s_local, h_local) = halo_ops::history::with_snapshot(embedded, usize::MAX)
        .await
        .expect("the embedded chain's history");
    assert_eq!(h_rpc.failed, 0, "{:?}", h_rpc.refusals);
    assert_eq!(h_rpc.transactions, h_local.transactions - h_local.failed);
    assert_eq!(h_rpc.events, h_local.events);
    assert_eq!(h_rpc.truncated_logs, 0);
    // what is published of each pool's flow (the chains' clocks start at different
    // seconds: durations match, instants do not)
    let flows = |h: &halo_ops::history::Activity| {
        let mut v: Vec<String> = h
            .pools
            .values()
            .map(|f| serde_json::to_string(f).expect("a flow serialises"))
            .collect();
        v.sort();
        v
    };
    assert_eq!(flows(&h_rpc), flows(&h_local));
    let fills = |f: &[halo_ops::history::Fill]| {
        let mut v: Vec<(u64, Option<i64>)> = f.iter().map(|x| (x.generation, x.seconds)).collect();
        v.sort();
        v
    };
    assert_eq!(fills(&h_rpc.generations), fills(&h_local.generations));
    assert_eq!(fills(&h_rpc.withdrawals), fills(&h_local.withdrawals));
    let kpis = |r: &halo_ops::report::KpiReport| {
        let mut v: Vec<(&str, String, Option<bool>)> = r
            .kpis
            .iter()
            .filter(|k| k.id != "refusals")
            .map(|k| (k.id, k.value.clone(), k.within))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        kpis(&halo_ops::report::run(&s_rpc, Some(&h_rpc))),
        kpis(&halo_ops::report::run(&s_local, Some(&h_local))),
        "halo report over JSON-RPC differs from the embedded run"
    );
}

/// A fresh validator (its clock frozen between warps) and a ledger on it, its payer the
/// programs' upgrade authority.
async fn ledger() -> (Localnet, RpcLedger) {
    let payer = Keypair::new();
    let bin = localnet_binary().unwrap_or_else(|e| panic!("{e}"));
    let net = Localnet::start(&bin, &payer.pubkey(), None, true).unwrap_or_else(|e| panic!("{e}"));
    let ledger = net.ledger(payer).await.unwrap_or_else(|e| panic!("{e}"));
    (net, ledger)
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn the_configurator_story_runs_over_json_rpc_with_the_seeds_numbers() {
    let (_net, mut chain) = ledger().await;
    let outcome = configurator::run(&mut chain, &mut Report::quiet())
        .await
        .expect("the scenario ran");
    configurator::verify(&outcome).expect("the seed's numbers");
    let mut embedded = halo_harness::Chain::new().await;
    configurator::run(&mut embedded, &mut Report::quiet())
        .await
        .expect("the scenario ran embedded");
    same_status_as_embedded(&mut chain, embedded).await;
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn the_trading_halo_runs_over_json_rpc_with_the_seeds_numbers() {
    let (_net, mut chain) = ledger().await;
    let outcome = trading::run(&mut chain, &mut Report::quiet())
        .await
        .expect("the scenario ran");
    trading::verify(&outcome).expect("the seed's numbers");
    let mut embedded = halo_harness::Chain::new().await;
    trading::run(&mut embedded, &mut Report::quiet())
        .await
        .expect("the scenario ran embedded");
    same_status_as_embedded(&mut chain, embedded).await;
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn the_passthrough_halo_runs_over_json_rpc_with_the_seeds_numbers() {
    let (_net, mut chain) = ledger().await;
    let outcome = passthrough::run(&mut chain, &mut Report::quiet())
        .await
        .expect("the scenario ran");
    passthrough::verify(&outcome).expect("the seed's numbers");
    let mut embedded = halo_harness::Chain::new().await;
    passthrough::run(&mut embedded, &mut Report::quiet())
        .await
        .expect("the scenario ran embedded");
    same_status_as_embedded(&mut chain, embedded).await;
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn the_structuring_halo_runs_over_json_rpc_with_the_seeds_numbers() {
    let (_net, mut chain) = ledger().await;
    let outcome = structuring::run(&mut chain, &mut Report::quiet())
        .await
        .expect("the scenario ran");
    structuring::verify(&outcome).expect("the seed's numbers");
    let mut embedded = halo_harness::Chain::new().await;
    structuring::run(&mut embedded, &mut Report::quiet())
        .await
        .expect("the scenario ran embedded");
    same_status_as_embedded(&mut chain, embedded).await;
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn a_refusal_over_json_rpc_carries_the_programs_code_and_logs_and_the_clock_moves() {
    let (_net, mut chain) = ledger().await;
    // initialize_configurator signed by someone who is not the upgrade authority
    let stranger = Keypair::new();
    chain
        .airdrop(&stranger.pubkey(), 1_000_000_000)
        .await
        .expect("airdrop");
    let ix = halo_sdk::pau::initialize_configurator(
        &chain.payer_key(),
        &stranger.pubkey(),
        halo_sdk::pau::InitializeConfiguratorArgs {
            admin: stranger.pubkey(),
            timelock_delay_s: 60,
            sorl_hop_s: 60,
            sorl_max_change_bps: 100,
        },
    );
    let before = chain.raw_account(&halo_sdk::pda::configurator()).await;
    let refused = chain.send(&[ix], &[&stranger]).await.expect_err("refused");
    assert_eq!(
        refused.code,
        Some(u32::from(halo_pau::errors::PauError::NotUpgradeAuthority))
    );
    assert!(
        refused
            .logs
            .iter()
            .any(|l| l.contains("NotUpgradeAuthority")),
        "{:?}",
        refused.logs
    );
    assert_eq!(
        chain.raw_account(&halo_sdk::pda::configurator()).await,
        before
    );
    // the cheatcode moves the clock a day on (set_time waits until the Clock has it)
    let now = chain.now().await;
    chain.set_time(now + 86_400).await;
    // rent as the cluster sets it
    assert!(chain.rent(165).await > 0);
}

#[tokio::test]
async fn the_cheatcodes_are_refused_with_a_clear_message_on_a_cluster_that_is_not_surfpool() {
    // a JSON-RPC endpoint that answers getHealth and nothing else, as a cluster without
    // surfnet_* methods does
    let url =
        fake_cluster(|method, _| (method == "getHealth").then(|| serde_json::json!("ok"))).await;
    let mut chain = RpcLedger::connect(&url, Keypair::new())
        .await
        .expect("it answers getHealth");
    let refused = chain
        .time_travel(2_000_000_000)
        .await
        .expect_err("no cheatcodes there");
    assert_eq!(
        refused,
        format!(
            "surfnet_timeTravel is a Surfpool cheatcode: {url} is not a local Surfpool validator"
        )
    );
}

/// A JSON-RPC server on 127.0.0.1 that answers each request with `answer(method, params)`
/// (its `result`, or `None` for "method not found"); its URL.
async fn fake_cluster(
    answer: impl Fn(&str, &serde_json::Value) -> Option<serde_json::Value> + Send + Sync + 'static,
) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let answer = std::sync::Arc::new(answer);
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = listener.accept().await else {
                return;
            };
            let answer = answer.clone();
            tokio::spawn(async move {
                // the headers, then as many body bytes as Content-Length says
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                let body = loop {
                    match s.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                    let text = String::from_utf8_lossy(&buf).to_string();
                    if let Some((head, body)) = text.split_once("\r\n\r\n") {
                        let len = head
                            .lines()
                            .find_map(|l| {
                                let (k, v) = l.split_once(':')?;
                                k.eq_ignore_ascii_case("content-length")
                                    .then(|| v.trim().parse::<usize>().ok())?
                            })
                            .unwrap_or(0);
                        if body.len() >= len {
                            break body.to_string();
                        }
                    }
                };
                let request: serde_json::Value =
                    serde_json::from_str(&body).unwrap_or(serde_json::Value::Null);
                let method = request["method"].as_str().unwrap_or_default().to_string();
                let reply = match answer(&method, &request["params"]) {
                    Some(result) => {
                        serde_json::json!({"jsonrpc": "2.0", "id": request["id"], "result": result})
                    }
                    None => serde_json::json!({"jsonrpc": "2.0", "id": request["id"],
                        "error": {"code": -32601, "message": "Method not found"}}),
                }
                .to_string();
                let _ = s
                    .write_all(
                        format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{reply}",
                            reply.len()
                        )
                        .as_bytes(),
                    )
                    .await;
            });
        }
    });
    url
}

/// Base58 (the alphabet of signatures and keys), for the fake cluster's replies.
fn base58(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let mut digits: Vec<u8> = Vec::new();
    for &b in bytes {
        let mut carry = b as u32;
        for d in digits.iter_mut() {
            carry += (*d as u32) << 8;
            *d = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    std::iter::repeat_n('1', zeros)
        .chain(digits.iter().rev().map(|&d| ALPHABET[d as usize] as char))
        .collect()
}

#[tokio::test]
async fn a_transaction_that_never_confirms_is_signed_again_with_new_blockhashes_then_reported() {
    use base64::Engine;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // a cluster that accepts every transaction and never confirms one, each blockhash
    // expiring at once (as when a transaction is dropped)
    let sent = std::sync::Arc::new(AtomicUsize::new(0));
    let blockhashes = std::sync::Arc::new(AtomicUsize::new(0));
    let (s, b) = (sent.clone(), blockhashes.clone());
    let url = fake_cluster(move |method, params| match method {
        "getHealth" => Some(serde_json::json!("ok")),
        "getLatestBlockhash" => {
            let n = b.fetch_add(1, Ordering::SeqCst) as u8 + 1;
            Some(serde_json::json!({"context": {"slot": 1}, "value": {
                "blockhash": base58(&[n; 32]), "lastValidBlockHeight": 10}}))
        }
        "sendTransaction" => {
            s.fetch_add(1, Ordering::SeqCst);
            let tx = base64::engine::general_purpose::STANDARD
                .decode(params[0].as_str().unwrap_or_default())
                .unwrap_or_default();
            // one signature: its count (a byte), then the 64 bytes
            Some(serde_json::json!(base58(tx.get(1..65).unwrap_or_default())))
        }
        "getSignatureStatuses" => {
            Some(serde_json::json!({"context": {"slot": 1}, "value": [null]}))
        }
        "isBlockhashValid" => Some(serde_json::json!({"context": {"slot": 1}, "value": false})),
        _ => None,
    })
    .await;
    let payer = Keypair::new();
    let mut chain = RpcLedger::connect(&url, payer).await.expect("getHealth");
    let ix = halo_sdk::pau::initialize_configurator(
        &chain.payer_key(),
        &chain.payer_key(),
        halo_sdk::pau::InitializeConfiguratorArgs {
            admin: chain.payer_key(),
            timelock_delay_s: 60,
            sorl_hop_s: 60,
            sorl_max_change_bps: 100,
        },
    );
    let refused = chain.send(&[ix], &[]).await.expect_err("never confirmed");
    assert!(
        refused
            .error
            .starts_with("not confirmed after 3 blockhashes: "),
        "{}",
        refused.error
    );
    assert_eq!(refused.code, None);
    assert_eq!(
        sent.load(Ordering::SeqCst),
        3,
        "signed and sent three times"
    );
    assert!(
        blockhashes.load(Ordering::SeqCst) >= 3,
        "a new blockhash each time"
    );
}
