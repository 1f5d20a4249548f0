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

fn exit_on_error(scenario: &str, r: Result<(), String>) {
    if let Err(e) = r {
        eprintln!("{scenario} scenario failed or produced unexpected numbers: {e}");
        std::process::exit(1);
    }
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

/// Runs one scenario on a fresh chain from `$fresh` (dropped, validator and all, when it
/// ends) and verifies its numbers.
macro_rules! scenario {
    ($name:literal, $module:ident, $report:expr, $fresh:expr) => {{
        let (_keep, mut chain) = $fresh;
        let outcome = $module::run(&mut chain, $report)
            .await
            .and_then(|o| $module::verify(&o));
        exit_on_error($name, outcome);
    }};
}

/// Every seed scenario, each on a chain of its own (its own configurator).
macro_rules! scenarios {
    ($report:expr, $fresh:expr) => {{
        scenario!("configurator", configurator, $report, $fresh);
        scenario!("trading", trading, $report, $fresh);
        scenario!("passthrough", passthrough, $report, $fresh);
        scenario!("structuring", structuring, $report, $fresh);
    }};
}

/// Runs every seed scenario on `cluster` and prints the report; exits 1 if one fails.
pub async fn run(cluster: Cluster) {
    if std::env::var_os("RUST_LOG").is_none() {
        // program-test logs every instruction at debug level otherwise
        std::env::set_var("RUST_LOG", "error");
    }
    let mut report = Report::to(quiet_program_logs());
    match &cluster {
        Cluster::Embedded => {
            report.line("Halo on Solana: seed scenarios on an embedded chain");
            report.line(
                "embedded chain: halo_pau, halo_oracle, halo_trading, halo_lcts, halo_nfat, halo_nfat_hook (native) beside SPL \
                 Token, Token-2022 and ATA (SBF)",
            );
            scenarios!(&mut report, ((), Chain::new().await));
        }
        Cluster::Localnet(bin, sbf_dir) => {
            report.line("Halo on Solana: seed scenarios over JSON-RPC");
            report.line(format!(
                "a local validator each ({}: Surfpool with the SBF builds of halo_pau, halo_oracle, halo_trading, halo_lcts, \
                 halo_nfat, halo_nfat_hook beside SPL Token, Token-2022 and ATA; its clock moved only by the scenario)",
                bin.display()
            ));
            scenarios!(&mut report, fresh_localnet(bin, sbf_dir.as_deref()).await);
        }
        Cluster::Url(url, sbf_dir) => {
            report.line("Halo on Solana: seed scenarios over JSON-RPC");
            report.line(format!(
                "the local validator at {url}, reset before each scenario, the programs installed from {}",
                sbf_dir.display()
            ));
            scenarios!(&mut report, fresh_url(url, sbf_dir).await);
        }
    }
    report.line("");
    report.line("all scenarios ran and matched the seeds' numbers");
}
