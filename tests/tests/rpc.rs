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
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn the_trading_halo_runs_over_json_rpc_with_the_seeds_numbers() {
    let (_net, mut chain) = ledger().await;
    let outcome = trading::run(&mut chain, &mut Report::quiet())
        .await
        .expect("the scenario ran");
    trading::verify(&outcome).expect("the seed's numbers");
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn the_passthrough_halo_runs_over_json_rpc_with_the_seeds_numbers() {
    let (_net, mut chain) = ledger().await;
    let outcome = passthrough::run(&mut chain, &mut Report::quiet())
        .await
        .expect("the scenario ran");
    passthrough::verify(&outcome).expect("the seed's numbers");
}

#[tokio::test]
#[ignore = "needs halo-localnet: scripts/test builds it and runs this with --ignored"]
async fn the_structuring_halo_runs_over_json_rpc_with_the_seeds_numbers() {
    let (_net, mut chain) = ledger().await;
    let outcome = structuring::run(&mut chain, &mut Report::quiet())
        .await
        .expect("the scenario ran");
    structuring::verify(&outcome).expect("the seed's numbers");
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
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        loop {
            let Ok((mut s, _)) = listener.accept().await else {
                return;
            };
            // the whole request: headers, then a JSON body (it ends with its closing brace)
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            while !String::from_utf8_lossy(&buf).trim_end().ends_with('}') {
                match s.read(&mut chunk).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                }
            }
            let request = String::from_utf8_lossy(&buf);
            let body = if request.contains("getHealth") {
                r#"{"jsonrpc":"2.0","id":1,"result":"ok"}"#
            } else {
                r#"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}"#
            };
            let _ = s
                .write_all(
                    format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    )
                    .as_bytes(),
                )
                .await;
        }
    });
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
