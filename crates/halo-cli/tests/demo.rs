//! `halo demo`'s scenarios on the embedded chain, checked number by number (the same
//! `verify` runs against the SBF builds in bench/).
use halo_harness::Chain;
use halo_scenarios::{configurator, passthrough, report::Report, structuring, trading};

#[tokio::test]
async fn configurator_scenario_reports_the_expected_numbers() {
    let mut r = Report::quiet();
    let mut chain = Chain::new().await;
    let o = configurator::run(&mut chain, &mut r)
        .await
        .expect("scenario");
    configurator::verify(&o).expect("seed numbers");
    assert_eq!(o.refusals.len(), r.text.matches("REFUSED").count());
    assert_eq!(
        o.available_after_refill,
        200_000_000_000 + 43_200 * 11_574_074,
        "slope is floor(1e12 / 86400)"
    );
}

#[tokio::test]
async fn trading_scenarios_reproduce_seed_000() {
    let mut r = Report::quiet();
    let mut chain = Chain::new().await;
    let o = trading::run(&mut chain, &mut r).await.expect("scenario");
    trading::verify(&o).expect("seed numbers");
    // the seed's table, from simulated flows: T+1 250 turns / 12.5 %, T+3 83 / 4.2 %,
    // T+7 36 / 1.8 % (42 simulated days, so T+3 and T+7 are exact multiples)
    let t: Vec<(u64, u64)> = o
        .efficiency
        .iter()
        .map(|e| (e.turns_x100, e.yield_bps))
        .collect();
    assert_eq!(t.len(), 3);
    assert!(t[0].0 >= 24_500 && t[0].0 <= 25_500, "{t:?}"); // ~250 (spread compounds)
    assert_eq!(o.tbill_user_received, 99_950_000_000);
    assert_eq!(
        o.refusals.values().sum::<u32>() as usize,
        r.text.matches("REFUSED").count()
    );
}

#[tokio::test]
async fn passthrough_scenario_reproduces_seed_001s_queue() {
    let mut r = Report::quiet();
    let mut chain = Chain::new().await;
    let o = passthrough::run(&mut chain, &mut r)
        .await
        .expect("scenario");
    passthrough::verify(&o).expect("seed numbers");
    // 10M at 2M a day, 0.5M netted on day 2, D's 0.55M refunded on day 3: five epochs
    assert_eq!(o.epochs.len(), 5);
    assert_eq!(o.time_to_fill_days, 5);
    assert_eq!(o.epochs[4].external, 950_000 * 1_000_000);
    assert!(r.text.contains("redemption filled by netting"));
}

#[tokio::test]
async fn structuring_scenario_reproduces_seed_003s_deals() {
    let mut r = Report::quiet();
    let mut chain = Chain::new().await;
    let o = structuring::run(&mut chain, &mut r)
        .await
        .expect("scenario");
    structuring::verify(&o).expect("seed numbers");
    assert!(r.text.contains("operator report: deals active"));
    assert!(r.text.contains("ApyAboveBuybox"));
}

/// `halo demo --json FILE` as a user runs it: progress on standard error (plain lines when
/// it is not a terminal), the report on standard output with `halo check` on each end
/// state, and the whole report in the file.
#[test]
fn the_demo_binary_checks_each_end_state_and_writes_the_whole_report_as_json() {
    let file = std::env::temp_dir().join(format!("halo-demo-{}.json", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_halo"))
        .args(["demo", "--json"])
        .arg(&file)
        .output()
        .expect("halo demo");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    for (k, name) in ["configurator", "trading", "passthrough", "structuring"]
        .iter()
        .enumerate()
    {
        assert!(
            stderr.contains(&format!("[{}/4] {name} ...", k + 1)),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("[{}/4] {name} done in", k + 1)),
            "{stderr}"
        );
    }
    assert_eq!(
        stdout.matches("halo check on the end state").count(),
        4,
        "{stdout}"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("the JSON file")).unwrap();
    std::fs::remove_file(&file).ok();
    assert_eq!(doc["passed"], true);
    assert_eq!(doc["cluster"], "embedded");
    let scenarios = doc["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 4);
    for s in scenarios {
        assert_eq!(
            s["check"]["breaks"].as_array().unwrap().len(),
            0,
            "{}",
            s["name"]
        );
        assert!(s["report"].as_array().unwrap().len() > 5);
    }
    // the Trading scenario's t-bill sale is in its lines, its pools in its status
    let trading = &scenarios[1];
    assert!(trading["report"].to_string().contains("99,950"));
    assert!(!trading["status"]["pools"].as_array().unwrap().is_empty());
    assert_eq!(scenarios[3]["status"]["facilities"][0]["deals_closed"], 3);
}
