//! `halo`: Halo on Solana's command line.
//!
//! `halo demo` boots an embedded in-process chain with the Halo programs and the SPL
//! programs, runs every seed scenario end to end and prints the report. `halo localnet`
//! starts a local validator with JSON-RPC (`halo-localnet`: Surfpool with the SBF builds,
//! built from bench/, whose Solana crates are not the workspace's).
use halo_harness::Chain;
use halo_scenarios::{configurator, passthrough, report::Report, structuring, trading};

const USAGE: &str = "usage: halo <command>

commands:
  demo      run every seed scenario on an embedded chain and print the report
  localnet  start a local validator over JSON-RPC on 127.0.0.1 with the Halo programs
            [--port N] [--ws-port N] [--sbf-dir DIR] [--upgrade-authority PUBKEY]
  help      show this message";

/// Where `halo localnet` looks for the validator binary, in order: `$HALO_LOCALNET`, beside
/// this binary, then the bench's target directory (`$CARGO_TARGET_DIR/bench` or
/// `target/bench`, as scripts/test builds it).
fn localnet_binary() -> Result<std::path::PathBuf, String> {
    if std::env::var_os("HALO_LOCALNET").is_none() {
        let beside = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|d| d.join("halo-localnet")))
            .filter(|p| p.is_file());
        if let Some(p) = beside {
            return Ok(p);
        }
    }
    halo_harness::rpc::localnet_binary()
}

/// Replaces this process with `halo-localnet` and the given arguments (so an interrupt or
/// a closed standard input stops the validator itself).
fn localnet(args: Vec<String>) -> ! {
    use std::os::unix::process::CommandExt;
    let bin = localnet_binary().unwrap_or_else(|e| {
        eprintln!("halo localnet: {e}");
        std::process::exit(2)
    });
    // cargo's, when run through `cargo run`: halo-localnet would look for the programs there
    let err = std::process::Command::new(&bin)
        .args(args)
        .env_remove("CARGO_MANIFEST_DIR")
        .exec();
    eprintln!("halo localnet: {} does not start: {err}", bin.display());
    std::process::exit(2)
}

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

async fn demo() {
    if std::env::var_os("RUST_LOG").is_none() {
        // program-test logs every instruction at debug level otherwise
        std::env::set_var("RUST_LOG", "error");
    }
    let mut report = Report::to(quiet_program_logs());
    report.line("Halo on Solana: seed scenarios on an embedded chain");
    let mut chain = Chain::new().await;
    report.line(
        "embedded chain: halo_pau, halo_oracle, halo_trading, halo_lcts, halo_nfat, halo_nfat_hook (native) beside SPL \
         Token, Token-2022 and ATA (SBF)",
    );
    let outcome = configurator::run(&mut chain, &mut report)
        .await
        .and_then(|o| configurator::verify(&o));
    exit_on_error("configurator", outcome);
    // each seed's scenarios on a chain of their own (their own configurator)
    let mut chain = Chain::new().await;
    let outcome = trading::run(&mut chain, &mut report)
        .await
        .and_then(|o| trading::verify(&o));
    exit_on_error("trading", outcome);
    let mut chain = Chain::new().await;
    let outcome = passthrough::run(&mut chain, &mut report)
        .await
        .and_then(|o| passthrough::verify(&o));
    exit_on_error("passthrough", outcome);
    let mut chain = Chain::new().await;
    let outcome = structuring::run(&mut chain, &mut report)
        .await
        .and_then(|o| structuring::verify(&o));
    exit_on_error("structuring", outcome);
    report.line("");
    report.line("all scenarios ran and matched the seeds' numbers");
}

#[tokio::main]
async fn main() {
    let cmd = std::env::args().nth(1).unwrap_or_default();
    match cmd.as_str() {
        "demo" => demo().await,
        "localnet" => localnet(std::env::args().skip(2).collect()),
        "help" | "--help" | "-h" => println!("{USAGE}"),
        other => {
            eprintln!("unknown command {other:?}\n{USAGE}");
            std::process::exit(2);
        }
    }
}
