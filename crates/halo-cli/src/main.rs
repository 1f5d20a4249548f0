//! `halo`: Halo on Solana's command line.
//!
//! `halo demo` boots an embedded in-process chain with the Halo programs and the SPL
//! programs, runs every seed scenario end to end and prints the report.
use halo_harness::Chain;
use halo_scenarios::{configurator, passthrough, report::Report, structuring, trading};

const USAGE: &str = "usage: halo <command>

commands:
  demo    run every seed scenario on an embedded chain and print the report
  help    show this message";

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
        let report_fd = libc::dup(1);
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

#[tokio::main]
async fn main() {
    let cmd = std::env::args().nth(1).unwrap_or_default();
    match cmd.as_str() {
        "demo" => {
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
        "help" | "--help" | "-h" => println!("{USAGE}"),
        other => {
            eprintln!("unknown command {other:?}\n{USAGE}");
            std::process::exit(2);
        }
    }
}
