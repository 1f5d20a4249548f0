//! `halo`: Halo on Solana's command line.
//!
//! * `halo demo` runs every seed scenario end to end (an embedded chain, or JSON-RPC on a
//!   local validator) and prints the report.
//! * `halo localnet` starts a local validator with JSON-RPC and the Halo programs
//!   (`halo-localnet`: Surfpool with the SBF builds, built from bench/).
//! * `halo status` and `halo check` read a cluster: what every PAU, pool, queue and
//!   facility holds, and the conservation rules recomputed from chain state alone.
//!
//! Cluster options follow the Solana CLI: `-u/--url` takes a URL or a moniker, the default
//! is the Solana CLI config's `json_rpc_url`; `--commitment`; `--output json` on every read.
//!
//! * `halo beacon <amm|lcts|nfat|attest>` runs a beacon as a daemon over JSON-RPC with
//!   the role's keypair (`-k`), optionally serving Prometheus metrics.
//!
//! Exit codes: 0 done; 1 the work failed (a cluster that does not answer, a scenario whose
//! numbers are off); 2 a usage error; 3 `halo check` found a broken rule; 4 the keypair is
//! not the role's key on chain.
mod beacon;
mod cluster;
mod demo;
mod metrics;
mod ops;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Exit code of `halo check` when a rule is broken.
pub const EXIT_BROKEN: i32 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "halo",
    version,
    about = "Halo on Solana: run the seed scenarios, start a local validator, read and check a cluster",
    after_help = "Exit codes: 0 done, 1 the work failed, 2 usage error, 3 `halo check` found a broken rule,\n\
                  4 the keypair is not the role's key on chain.\n\
                  Examples:\n  halo demo\n  halo localnet --clock frozen\n  halo status -u localhost\n  \
                  halo check -u http://127.0.0.1:8899 --output json\n  \
                  halo beacon amm --pool POOL -k beacon.json --interval 60 --metrics 127.0.0.1:9464"
)]
struct Cli {
    /// The cluster: a JSON-RPC URL or a moniker (localhost, devnet, testnet, mainnet-beta;
    /// or l, d, t, m). Default: `json_rpc_url` from ~/.config/solana/cli/config.yml, else
    /// localhost. `halo demo` without it runs on an embedded chain.
    #[arg(
        short = 'u',
        long = "url",
        global = true,
        value_name = "URL_OR_MONIKER"
    )]
    url: Option<String>,

    /// The keypair that signs (a Solana CLI JSON keypair file): the beacons' role key.
    /// Default: the Solana CLI config's `keypair_path`, else ~/.config/solana/id.json.
    #[arg(short = 'k', long = "keypair", global = true, value_name = "PATH")]
    keypair: Option<String>,

    /// Commitment of reads and confirmations.
    #[arg(long, global = true, value_enum, default_value_t = Commitment::Confirmed)]
    commitment: Commitment,

    /// How read commands print: a table for people or JSON for machines.
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = Output::Display)]
    output: Output,

    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Commitment {
    Processed,
    Confirmed,
    Finalized,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Output {
    Display,
    Json,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run every seed scenario and print the report (each checked against the seeds'
    /// numbers). With --url it runs over JSON-RPC on that local validator (`halo localnet
    /// --clock frozen`), which it WIPES before each scenario.
    Demo {
        /// Each scenario over JSON-RPC on a local validator of its own.
        #[arg(long)]
        localnet: bool,
        /// The SBF builds for --localnet / --url (default $HALO_SBF_DIR or target/sbf).
        #[arg(long, value_name = "DIR")]
        sbf_dir: Option<std::path::PathBuf>,
        /// Also write the whole report as JSON: each scenario's lines, time, and end state
        /// as `halo status` and `halo check` read it.
        #[arg(long, value_name = "FILE")]
        json: Option<std::path::PathBuf>,
        /// Also write SVG charts of each scenario into DIR: pool USDS vs inventory,
        /// cumulative spread and P&L, the rate limits' available amounts, queue backlogs,
        /// deals funded vs owed (the chain read at every warp and transaction).
        #[arg(long, value_name = "DIR")]
        charts: Option<std::path::PathBuf>,
    },
    /// Start a local validator over JSON-RPC on 127.0.0.1 with the Halo programs and the
    /// SPL programs; it prints one `rpc URL ws URL` line and runs until interrupted.
    Localnet {
        /// JSON-RPC port (default: a free one).
        #[arg(long)]
        port: Option<u16>,
        /// Websocket port (default: a free one).
        #[arg(long)]
        ws_port: Option<u16>,
        /// Where the SBF builds are (default $HALO_SBF_DIR or target/sbf).
        #[arg(long, value_name = "DIR")]
        sbf_dir: Option<std::path::PathBuf>,
        /// The programs' upgrade authority (default: the validator's own key).
        #[arg(long, value_name = "PUBKEY")]
        upgrade_authority: Option<String>,
        /// `wall`: a block every 400 ms; `frozen`: the clock moves only when warped.
        #[arg(long, value_name = "wall|frozen")]
        clock: Option<String>,
    },
    /// What every PAU (routes: max, slope, available now, time to full), oracle feed, pool,
    /// LCTS queue and NFAT facility on the cluster holds now.
    Status,
    /// Seed 002's KPIs from chain state (settlement success, concentration, net position,
    /// turnover, P&L, revenue per volume, capital turns, queue backlogs, deals funded vs
    /// owed) and from the programs' events in the confirmed transactions (failed
    /// transactions by reason, RFQ fills, time to fill, turnover over the averaged
    /// inventory, events summed against state), each against the seed's target and with
    /// its action when outside it.
    Report {
        /// Chain state only: do not read the transaction history (getSignaturesForAddress
        /// and getTransaction for each Halo program).
        #[arg(long, conflicts_with = "charts")]
        no_history: bool,
        /// At most this many of the newest transactions are read.
        #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        /// Also write charts of the history into DIR, as SVG and PNG: pool USDS and
        /// inventory, cumulative spread and redemption P&L, rate limits' available
        /// amounts, queue backlogs, deals owed vs funded, failed transactions.
        #[arg(long, value_name = "DIR")]
        charts: Option<std::path::PathBuf>,
    },
    /// Recompute every conservation rule from chain state alone (vaults against what
    /// pools, queues, books and deals say they hold; shares against positions; rate limits
    /// within bounds); exit 3 and name the accounts if one is broken.
    Check {
        /// A previous `halo check --output json`: finalized LCTS generations must be
        /// unchanged since.
        #[arg(long, value_name = "FILE")]
        baseline: Option<std::path::PathBuf>,
    },
    /// Run a beacon as a daemon over JSON-RPC with the role's keypair (-k).
    Beacon {
        #[command(subcommand)]
        which: BeaconCmd,
    },
}

#[derive(Subcommand, Debug)]
enum BeaconCmd {
    /// lpha-amm: pokes on a deviating price, starts and settles issuer redemptions, rolls
    /// and fills the LP withdrawal queue. Inputs: {"issuer_settlements": [{"id", "received"}]}.
    Amm {
        /// The pool (Halo Unit) it runs.
        #[arg(long, value_name = "ADDRESS")]
        pool: String,
        /// The Pyth price account, for a pool priced by Pyth.
        #[arg(long, value_name = "ADDRESS")]
        price_account: Option<String>,
        #[command(flatten)]
        run: RunArgs,
    },
    /// lpha-lcts: updates the exchange rate within bounds, locks and settles the queues.
    /// Inputs: {"nav_rate_wad", "subscribe_capacity", "redeem_capacity"}.
    Lcts {
        /// The LCTS unit it runs.
        #[arg(long, value_name = "ADDRESS")]
        unit: String,
        #[command(flatten)]
        run: RunArgs,
    },
    /// lpha-nfat: strikes agreed deals inside the buybox, delivers NFTs, deploys, returns
    /// and funds deals pari passu. Inputs: {"agreed": [{"prime", "terms"}], "repaid": [{"book", "amount"}]}.
    Nfat {
        /// The facility it runs.
        #[arg(long, value_name = "ADDRESS")]
        facility: String,
        /// A Prime whose queued capital it may strike (repeat for each).
        #[arg(long = "prime", value_name = "ADDRESS")]
        primes: Vec<String>,
        #[command(flatten)]
        run: RunArgs,
    },
    /// lpha-attest: posts the attestations the books wait for. Inputs: {"reports": [{"book",
    /// "kind": "pre_deployment" | "at_rest", "hash"}]}.
    Attest {
        /// The facility it attests for.
        #[arg(long, value_name = "ADDRESS")]
        facility: String,
        #[command(flatten)]
        run: RunArgs,
    },
}

#[derive(Args, Debug)]
struct RunArgs {
    /// One cycle, then exit (0 when it ran).
    #[arg(long)]
    once: bool,
    /// Seconds between cycles.
    #[arg(
        long,
        default_value_t = 60,
        value_name = "SECONDS",
        conflicts_with = "once",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    interval: u64,
    /// External inputs as a JSON file, read again before each cycle.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs_cmd")]
    inputs: Option<std::path::PathBuf>,
    /// External inputs as the JSON a shell command prints, run before each cycle.
    #[arg(long, value_name = "COMMAND")]
    inputs_cmd: Option<String>,
    /// Serve Prometheus metrics at this address (e.g. 127.0.0.1:9464).
    #[arg(long, value_name = "ADDR")]
    metrics: Option<String>,
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    match cli.command {
        Command::Demo {
            localnet,
            sbf_dir,
            json,
            charts,
        } => {
            let cluster = demo::Cluster::from_args(localnet, cli.url, sbf_dir)
                .unwrap_or_else(|e| usage_error(&e));
            demo::run(cluster, json, charts).await
        }
        Command::Localnet {
            port,
            ws_port,
            sbf_dir,
            upgrade_authority,
            clock,
        } => {
            let mut args = Vec::new();
            let mut pass = |flag: &str, v: Option<String>| {
                if let Some(v) = v {
                    args.push(flag.to_string());
                    args.push(v);
                }
            };
            pass("--port", port.map(|p| p.to_string()));
            pass("--ws-port", ws_port.map(|p| p.to_string()));
            pass("--sbf-dir", sbf_dir.map(|d| d.display().to_string()));
            pass("--upgrade-authority", upgrade_authority);
            pass("--clock", clock);
            cluster::exec_localnet(args)
        }
        Command::Status => {
            let url = cluster::resolve(cli.url.as_deref());
            std::process::exit(ops::status(&url, cli.commitment, cli.output).await)
        }
        Command::Report {
            no_history,
            limit,
            charts,
        } => {
            let url = cluster::resolve(cli.url.as_deref());
            let history = (!no_history).then(|| usize::try_from(limit).unwrap_or(usize::MAX));
            std::process::exit(
                ops::report(&url, cli.commitment, cli.output, history, charts.as_deref()).await,
            )
        }
        Command::Check { baseline } => {
            let url = cluster::resolve(cli.url.as_deref());
            std::process::exit(
                ops::check(&url, cli.commitment, cli.output, baseline.as_deref()).await,
            )
        }
        Command::Beacon { which } => {
            let url = cluster::resolve(cli.url.as_deref());
            let keypair = cluster::keypair_path(cli.keypair.as_deref());
            std::process::exit(run_beacon(&url, cli.commitment, &keypair, which).await)
        }
    }
}

/// A base58 address argument, or a usage error naming the option.
fn address(option: &str, v: &str) -> halo_sdk::Pubkey {
    v.parse()
        .unwrap_or_else(|_| usage_error(&format!("{option} {v} is not a base58 address")))
}

async fn run_beacon(url: &str, c: Commitment, keypair: &std::path::Path, which: BeaconCmd) -> i32 {
    let (kind, target, price, primes, run) = match which {
        BeaconCmd::Amm {
            pool,
            price_account,
            run,
        } => (
            "amm",
            address("--pool", &pool),
            price_account.map(|p| address("--price-account", &p)),
            vec![],
            run,
        ),
        BeaconCmd::Lcts { unit, run } => ("lcts", address("--unit", &unit), None, vec![], run),
        BeaconCmd::Nfat {
            facility,
            primes,
            run,
        } => (
            "nfat",
            address("--facility", &facility),
            None,
            primes.iter().map(|p| address("--prime", p)).collect(),
            run,
        ),
        BeaconCmd::Attest { facility, run } => (
            "attest",
            address("--facility", &facility),
            None,
            vec![],
            run,
        ),
    };
    let key = match solana_keypair::read_keypair_file(keypair) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("halo beacon: keypair {}: {e}", keypair.display());
            return 1;
        }
    };
    let mut ledger = match halo_harness::rpc::RpcLedger::connect_at(
        url,
        key.insecure_clone(),
        ops::commitment(c),
    )
    .await
    {
        Ok(l) => l,
        Err(e) => {
            eprintln!("halo beacon {kind}: {e}");
            return 1;
        }
    };
    let beacon = match beacon::bind(&mut ledger, kind, &target, &key, price, primes).await {
        Ok(b) => b,
        Err(beacon::BindError::WrongKey(e)) => {
            eprintln!("halo beacon {kind}: {e}");
            return beacon::EXIT_WRONG_KEY;
        }
        Err(beacon::BindError::Missing(e)) => {
            eprintln!("halo beacon {kind}: {e}");
            return 1;
        }
    };
    let inputs = match (run.inputs, run.inputs_cmd) {
        (Some(f), _) => beacon::Inputs::File(f),
        (None, Some(c)) => beacon::Inputs::Command(c),
        (None, None) => beacon::Inputs::None,
    };
    let metrics = match run.metrics {
        Some(addr) => {
            let m = std::sync::Arc::new(std::sync::Mutex::new(metrics::Metrics::default()));
            match metrics::serve(&addr, std::sync::Arc::clone(&m)) {
                Ok(bound) => {
                    eprintln!(
                        "{}",
                        serde_json::json!({"beacon": kind, "event": "metrics", "addr": bound.to_string()})
                    );
                    Some(m)
                }
                Err(e) => {
                    eprintln!("halo beacon {kind}: {e}");
                    return 1;
                }
            }
        }
        None => None,
    };
    beacon::run(
        &mut ledger,
        beacon,
        inputs,
        beacon::Schedule {
            once: run.once,
            interval: std::time::Duration::from_secs(run.interval),
        },
        metrics,
    )
    .await
}

/// A usage error in clap's words and exit code (2).
fn usage_error(msg: &str) -> ! {
    use clap::CommandFactory;
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, msg)
        .exit()
}
