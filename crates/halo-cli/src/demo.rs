//! `halo demo`: every seed scenario end to end on an embedded chain, or over JSON-RPC on
//! a local validator, each checked by its `verify`.
use halo_harness::Chain;
use halo_scenarios::{configurator, passthrough, report::Report, structuring, trading};

/// Natively compiled programs print their `msg!` logs straight to stdout. Keep the report
/// readable: give it its own handle on stdout and point fd 1 at /dev/null for the programs.
/// Set HALO_PROGRAM_LOGS=1 to see the program logs interleaved instead.
fn quiet_program_logs() -> Box<dyn std::io::Write> {
    use std::os::fd::FromRawFd;
    if std::env::var_os("HALO_PROGRAM_LOGS").is_some() {
        return Box::new(std::io::stdout());
    }
    // SAFETY: plain descriptor duplication on this process's own stdout; the duplicate is
    // owned by the returned File and nothing else closes it.
    unsafe {
        // close-on-exec: a validator this process starts must not hold the report's pipe
        let report_fd = libc::fcntl(1, libc::F_DUPFD_CLOEXEC, 3);
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
        if report_fd < 0 || null < 0 {
            return Box::new(std::io::stdout());
        }
        libc::dup2(null, 1);
        libc::close(null);
        Box::new(std::fs::File::from_raw_fd(report_fd))
    }
}

fn exit_on_error<T>(scenario: &str, r: Result<T, String>) -> T {
    r.unwrap_or_else(|e| {
        eprintln!("{scenario} scenario failed or produced unexpected numbers: {e}");
        std::process::exit(1)
    })
}

/// Where `halo demo` runs its scenarios.
pub enum Cluster {
    /// An embedded in-process chain each (solana-program-test).
    Embedded,
    /// A `halo-localnet` of its own each (its clock frozen between warps), over JSON-RPC,
    /// the programs from this SBF directory if given.
    Localnet(std::path::PathBuf, Option<std::path::PathBuf>),
    /// The local Surfpool validator at this URL (`halo localnet --clock frozen`), reset
    /// before each scenario and the programs installed again from this SBF directory.
    Url(String, std::path::PathBuf),
}

impl Cluster {
    /// `halo demo`'s options: `--localnet`, `-u/--url URL`, `--sbf-dir DIR`.
    pub fn from_args(
        localnet: bool,
        url: Option<String>,
        sbf_dir: Option<std::path::PathBuf>,
    ) -> Result<Cluster, String> {
        match (localnet, url, sbf_dir) {
            (true, Some(_), _) => {
                Err("--url and --localnet are two different clusters: pick one".into())
            }
            (true, None, dir) => Ok(Cluster::Localnet(crate::cluster::localnet_binary()?, dir)),
            (false, Some(url), dir) => Ok(Cluster::Url(
                crate::cluster::moniker_or_url(&url),
                dir.or_else(|| std::env::var_os("HALO_SBF_DIR").map(Into::into))
                    .unwrap_or_else(|| "target/sbf".into()),
            )),
            (false, None, Some(_)) => Err(
                "--sbf-dir goes with --localnet or --url (the embedded chain runs the programs natively)"
                    .into(),
            ),
            (false, None, None) => Ok(Cluster::Embedded),
        }
    }
}

/// A fresh local validator for one scenario and a ledger on it, its payer the programs'
/// upgrade authority; the validator stops when the handle drops.
async fn fresh_localnet(
    bin: &std::path::Path,
    sbf_dir: Option<&std::path::Path>,
) -> (halo_harness::rpc::Localnet, halo_harness::rpc::RpcLedger) {
    use halo_harness::{Keypair, Signer};
    let payer = Keypair::new();
    let net = or_exit(halo_harness::rpc::Localnet::start(
        bin,
        &payer.pubkey(),
        sbf_dir,
        true,
    ));
    let ledger = or_exit(net.ledger(payer).await);
    (net, ledger)
}

/// The validator at `url`, reset for one scenario, the programs installed again from
/// `sbf_dir`, a fresh payer their upgrade authority.
async fn fresh_url(url: &str, sbf_dir: &std::path::Path) -> ((), halo_harness::rpc::RpcLedger) {
    let mut ledger =
        or_exit(halo_harness::rpc::RpcLedger::connect(url, halo_harness::Keypair::new()).await);
    or_exit(ledger.reset_with_programs(sbf_dir).await);
    ((), ledger)
}

/// The value, or `halo demo: <why>` and exit 1 (a cluster that cannot be set up).
fn or_exit<T>(r: Result<T, String>) -> T {
    r.unwrap_or_else(|e| {
        eprintln!("halo demo: {e}");
        std::process::exit(1)
    })
}

/// What `--json FILE` writes: each scenario's report lines, how long it took, and its end
/// state as `halo status` and `halo check` read it.
#[derive(Default, serde::Serialize)]
pub struct DemoJson {
    pub cluster: String,
    pub scenarios: Vec<ScenarioJson>,
    pub passed: bool,
}

#[derive(serde::Serialize)]
pub struct ScenarioJson {
    pub name: &'static str,
    pub seconds: f64,
    pub report: Vec<String>,
    pub status: halo_ops::status::Status,
    pub check: halo_ops::check::CheckReport,
    /// `halo report` on the end state, with the scenario's transaction history.
    pub kpis: halo_ops::report::KpiReport,
}

/// "[k/4] name" on standard error: on a terminal a line that counts the seconds until the
/// scenario ends, otherwise one plain line when it starts and one when it ends.
struct Progress {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
    started: std::time::Instant,
    label: String,
}

impl Progress {
    fn start(k: usize, name: &str) -> Progress {
        use std::io::IsTerminal;
        let label = format!("[{k}/4] {name}");
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let started = std::time::Instant::now();
        let ticker = if std::io::stderr().is_terminal() {
            let (done, label) = (std::sync::Arc::clone(&done), label.clone());
            Some(std::thread::spawn(move || {
                let frames = ['|', '/', '-', '\\'];
                let mut i = 0;
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    eprint!(
                        "\r{} {label} {}s ",
                        frames[i % 4],
                        started.elapsed().as_secs()
                    );
                    i += 1;
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
            }))
        } else {
            eprintln!("{label} ...");
            None
        };
        Progress {
            done,
            ticker,
            started,
            label,
        }
    }

    fn finish(self, ok: bool) -> f64 {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        let secs = self.started.elapsed().as_secs_f64();
        let word = if ok { "done" } else { "FAILED" };
        match self.ticker {
            Some(t) => {
                let _ = t.join();
                eprintln!("\r  {} {word} in {secs:.1}s   ", self.label);
            }
            None => eprintln!("{} {word} in {secs:.1}s", self.label),
        }
        secs
    }
}

/// Runs one scenario on a fresh chain from `$fresh` (dropped, validator and all, when it
/// ends), verifies its numbers, and checks its end state with `halo check`'s rules.
macro_rules! scenario {
    ($k:literal, $name:literal, $module:ident, $report:expr, $json:expr, $charts:expr, $fresh:expr) => {{
        let progress = Progress::start($k, $name);
        let (_keep, mut chain) = $fresh;
        let from = $report.text.len();
        let mut recorder = halo_ops::chart::Recorder::new(&mut chain, $charts.is_some());
        let outcome = $module::run(&mut recorder, $report)
            .await
            .and_then(|o| $module::verify(&o));
        recorder.sample().await;
        let samples = std::mem::take(&mut recorder.samples);
        drop(recorder);
        let outcome = match outcome {
            Ok(()) => end_state(&mut chain, $report).await,
            Err(e) => Err(e),
        };
        let seconds = progress.finish(outcome.is_ok());
        let (status, check, kpis, activity) = exit_on_error($name, outcome);
        if let Some(dir) = $charts {
            let mut drawn = halo_ops::chart::charts($name, &samples);
            drawn.extend(halo_ops::chart::history_charts(
                &format!("{}-events", $name),
                &activity,
                &status,
            ));
            exit_on_error($name, halo_ops::chart::write(dir, &drawn).map(|_| ()));
        }
        $json.scenarios.push(ScenarioJson {
            name: $name,
            seconds,
            report: $report.text[from..].lines().map(str::to_string).collect(),
            status,
            check,
            kpis,
        });
    }};
}

/// What the end state reads as.
type EndState = (
    halo_ops::status::Status,
    halo_ops::check::CheckReport,
    halo_ops::report::KpiReport,
    halo_ops::history::Activity,
);

/// The end state as `halo status`, `halo check` and `halo report` (with the scenario's
/// whole transaction history) read it; a broken rule, or events that do not add up to a
/// pool's counters, fails the run.
async fn end_state<L: halo_harness::Ledger>(
    chain: &mut L,
    report: &mut Report,
) -> Result<EndState, String> {
    let (s, activity) = halo_ops::history::with_snapshot(chain, usize::MAX).await?;
    let kpis = halo_ops::report::run(&s, Some(&activity));
    let disagree: Vec<&halo_ops::report::Kpi> = kpis
        .kpis
        .iter()
        .filter(|k| k.id == "events_match_state" && k.within == Some(false))
        .collect();
    if let Some(k) = disagree.first() {
        return Err(format!("{}: {}", k.name, k.value));
    }
    let check = halo_ops::check::run(&s, None);
    let evaluated: u64 = check.rules.iter().map(|r| r.evaluated).sum();
    if !check.breaks.is_empty() {
        return Err(halo_ops::check::render(&check));
    }
    report.detail(format!(
        "halo check on the end state: {} accounts, {} rules, {evaluated} evaluations, every rule holds",
        check.accounts,
        check.rules.len()
    ));
    let pools_checked = kpis
        .kpis
        .iter()
        .filter(|k| k.id == "events_match_state" && k.within == Some(true))
        .count();
    report.detail(format!(
        "halo report on the history: {} transactions ({} failed), {} events{}",
        activity.transactions,
        activity.failed,
        activity.events.values().sum::<u64>(),
        if pools_checked > 0 {
            format!("; the events add up to the lifetime counters of all {pools_checked} pools")
        } else {
            String::new()
        }
    ));
    Ok((halo_ops::status::Status::of(&s), check, kpis, activity))
}

/// Every seed scenario, each on a chain of its own (its own configurator).
macro_rules! scenarios {
    ($report:expr, $json:expr, $charts:expr, $fresh:expr) => {{
        scenario!(
            1,
            "configurator",
            configurator,
            $report,
            $json,
            $charts,
            $fresh
        );
        scenario!(2, "trading", trading, $report, $json, $charts, $fresh);
        scenario!(
            3,
            "passthrough",
            passthrough,
            $report,
            $json,
            $charts,
            $fresh
        );
        scenario!(
            4,
            "structuring",
            structuring,
            $report,
            $json,
            $charts,
            $fresh
        );
    }};
}

/// Runs every seed scenario on `cluster` and prints the report; exits 1 if one fails.
pub async fn run(
    cluster: Cluster,
    json: Option<std::path::PathBuf>,
    charts: Option<std::path::PathBuf>,
) {
    if std::env::var_os("RUST_LOG").is_none() {
        // program-test logs every instruction at debug level otherwise
        std::env::set_var("RUST_LOG", "error");
    }
    let mut report = Report::to(quiet_program_logs());
    let mut doc = DemoJson::default();
    match &cluster {
        Cluster::Embedded => {
            report.line("Halo on Solana: seed scenarios on an embedded chain");
            report.line(
                "embedded chain: halo_pau, halo_oracle, halo_trading, halo_lcts, halo_nfat, halo_nfat_hook (native) beside SPL \
                 Token, Token-2022 and ATA (SBF)",
            );
            doc.cluster = "embedded".into();
            scenarios!(&mut report, doc, charts.as_ref(), ((), Chain::new().await));
        }
        Cluster::Localnet(bin, sbf_dir) => {
            report.line("Halo on Solana: seed scenarios over JSON-RPC");
            report.line(format!(
                "a local validator each ({}: Surfpool with the SBF builds of halo_pau, halo_oracle, halo_trading, halo_lcts, \
                 halo_nfat, halo_nfat_hook beside SPL Token, Token-2022 and ATA; its clock moved only by the scenario)",
                bin.display()
            ));
            doc.cluster = "localnet".into();
            scenarios!(
                &mut report,
                doc,
                charts.as_ref(),
                fresh_localnet(bin, sbf_dir.as_deref()).await
            );
        }
        Cluster::Url(url, sbf_dir) => {
            report.line("Halo on Solana: seed scenarios over JSON-RPC");
            report.line(format!(
                "the local validator at {url}, reset before each scenario, the programs installed from {}",
                sbf_dir.display()
            ));
            doc.cluster = url.clone();
            scenarios!(
                &mut report,
                doc,
                charts.as_ref(),
                fresh_url(url, sbf_dir).await
            );
        }
    }
    report.line("");
    report.line("all scenarios ran and matched the seeds' numbers");
    doc.passed = true;
    if let Some(path) = json {
        let text = serde_json::to_string_pretty(&doc).expect("the report serialises");
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("halo demo: --json {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
