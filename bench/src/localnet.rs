//! `halo-localnet`: a local Solana validator with JSON-RPC (HTTP and websocket) on
//! 127.0.0.1, the Halo SBF builds loaded at their program ids and the SPL programs
//! present. It is Surfpool (`surfpool-core`, Anchor 1.x's default local validator),
//! offline: nothing is fetched from another cluster.
//!
//! ```text
//! halo-localnet [--port N] [--ws-port N] [--sbf-dir DIR] [--upgrade-authority PUBKEY]
//!               [--clock wall|frozen]
//! ```
//!
//! `--port 0` (the default) takes a free port. Once it serves, it prints one line,
//! `rpc http://127.0.0.1:<port> ws ws://127.0.0.1:<ws port>`, and runs until it is
//! interrupted or, when its standard input is a pipe, until that closes (so a test that
//! spawned it never leaves it behind; under `&` or nohup it keeps running). `--upgrade-authority` records that key as every program's upgrade authority
//! in its ProgramData account, as a deployment through the upgradeable loader would:
//! halo_pau's `initialize_configurator` must be signed by it. Surfpool's cheatcodes
//! (`surfnet_timeTravel`, `surfnet_setAccount`) move the clock and write accounts.
//! `--clock frozen` produces a block per transaction, 1 ms apart, so the clock stands at
//! the second it was warped to (for fewer than 1,000 transactions between warps).
use std::io::{BufRead, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::{Duration, Instant};

use anchor_lang::prelude::Pubkey;
use crossbeam_channel::unbounded;
use surfpool_core::runloops::start_local_surfnet_runloop;
use surfpool_core::surfnet::locker::SurfnetSvmLocker;
use surfpool_core::surfnet::svm::SurfnetSvm;
use surfpool_types::{
    BlockProductionMode, RpcConfig, SimnetCommand, SimnetConfig, SimnetEvent, SurfpoolConfig,
};

/// How long the validator may take to start serving.
const READY_DEADLINE: Duration = Duration::from_secs(120);
/// The upgradeable loader's ProgramData header: u32 state (3), u64 slot, Option<Pubkey>.
const PROGRAM_DATA_HEADER: usize = 4 + 8 + 1 + 32;

struct Args {
    port: u16,
    ws_port: u16,
    sbf_dir: PathBuf,
    upgrade_authority: Option<Pubkey>,
    frozen_clock: bool,
}

fn usage(why: &str) -> ! {
    eprintln!("halo-localnet: {why}");
    eprintln!(
        "usage: halo-localnet [--port N] [--ws-port N] [--sbf-dir DIR] [--upgrade-authority PUBKEY] [--clock wall|frozen]"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut args = Args {
        port: 0,
        ws_port: 0,
        sbf_dir: halo_bench::sbf_dir(),
        upgrade_authority: None,
        frozen_clock: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| usage(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--port" => {
                let v = value();
                args.port = v
                    .parse()
                    .unwrap_or_else(|_| usage(&format!("--port {v} is not a port number")));
            }
            "--ws-port" => {
                let v = value();
                args.ws_port = v
                    .parse()
                    .unwrap_or_else(|_| usage(&format!("--ws-port {v} is not a port number")));
            }
            "--sbf-dir" => args.sbf_dir = PathBuf::from(value()),
            "--upgrade-authority" => {
                let v = value();
                args.upgrade_authority = Some(Pubkey::from_str(&v).unwrap_or_else(|_| {
                    usage(&format!(
                        "--upgrade-authority {v} is not a base58 public key"
                    ))
                }));
            }
            "--clock" => {
                args.frozen_clock = match value().as_str() {
                    "wall" => false,
                    "frozen" => true,
                    other => usage(&format!("--clock {other}: wall or frozen")),
                }
            }
            "-h" | "--help" => usage("a local validator with the Halo programs"),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    args
}

/// A free TCP port on 127.0.0.1, the OS's pick, and its listener: held until every port
/// is picked, so two picks never give the same port (something else may still take one
/// between its release and the validator's bind).
fn free_port() -> (u16, TcpListener) {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| Ok((l.local_addr()?.port(), l)))
        .unwrap_or_else(|e| usage(&format!("no free port on 127.0.0.1: {e}")))
}

/// Loads every Halo program into `svm`, each with `authority` as its upgrade authority.
fn load_programs(svm: &mut SurfnetSvm, args: &Args) {
    for (id, file) in halo_bench::PROGRAMS {
        let path = args.sbf_dir.join(file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            usage(&format!(
                "{} cannot be read ({e}): run scripts/build-sbf first",
                path.display()
            ))
        });
        svm.inner
            .svm
            .add_program(*id, &bytes)
            .unwrap_or_else(|e| usage(&format!("{file} does not load: {e:?}")));
        if let Some(authority) = args.upgrade_authority {
            let (program_data, _) = Pubkey::find_program_address(
                &[id.as_ref()],
                &anchor_lang::solana_program::bpf_loader_upgradeable::ID,
            );
            let mut account = svm
                .inner
                .svm
                .get_account(&program_data)
                .unwrap_or_else(|| usage(&format!("{file}: no ProgramData account")));
            assert!(account.data.len() >= PROGRAM_DATA_HEADER);
            account.data[12] = 1;
            account.data[13..PROGRAM_DATA_HEADER].copy_from_slice(authority.as_ref());
            svm.inner
                .svm
                .set_account(program_data, account)
                .unwrap_or_else(|e| usage(&format!("{file}: ProgramData not written: {e:?}")));
        }
    }
}

/// Standard input is a pipe (not a terminal, not /dev/null as under `&` or nohup).
fn stdin_is_a_pipe() -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata("/proc/self/fd/0")
        .map(|m| m.file_type().is_fifo())
        .unwrap_or(false)
}

fn main() {
    let mut args = parse_args();
    let mut held = Vec::new();
    for port in [&mut args.port, &mut args.ws_port] {
        if *port == 0 {
            let (free, listener) = free_port();
            *port = free;
            held.push(listener);
        }
    }
    drop(held);
    // `wall`: a block every 400 ms, the clock moving with them (a validator's usual pace).
    // `frozen`: a block per transaction, each 1 ms on: the clock moves only when warped
    // (surfnet_timeTravel sets it to the whole second), as on the embedded test chains, so
    // a scenario's rate-limit refills and accruals come out to the same numbers
    let (block_production_mode, slot_time) = if args.frozen_clock {
        (BlockProductionMode::Transaction, 1)
    } else {
        (BlockProductionMode::Clock, 400)
    };
    let config = SurfpoolConfig {
        simnets: vec![SimnetConfig {
            offline_mode: true,
            remote_rpc_url: None,
            slot_time,
            block_production_mode,
            ..SimnetConfig::default()
        }],
        rpc: RpcConfig {
            bind_host: "127.0.0.1".into(),
            bind_port: args.port,
            ws_port: args.ws_port,
            ..RpcConfig::default()
        },
        ..SurfpoolConfig::default()
    };
    let (mut svm, events, geyser) = SurfnetSvm::default();
    // the time each block adds to the clock (the config's slot time paces the ticks only)
    svm.slot_time = slot_time;
    load_programs(&mut svm, &args);
    let locker = SurfnetSvmLocker::new(svm);
    let (commands_tx, commands_rx) = unbounded::<SimnetCommand>();
    let stop = commands_tx.clone();
    let runloop = std::thread::Builder::new()
        .name("surfnet".into())
        .spawn(move || {
            let run = start_local_surfnet_runloop(locker, config, commands_tx, commands_rx, geyser);
            if let Err(e) = hiro_system_kit::nestable_block_on(run) {
                eprintln!("halo-localnet: the validator stopped: {e}");
                std::process::exit(1);
            }
        })
        .expect("spawn the validator's thread");

    // serving once the core has started
    let deadline = Instant::now() + READY_DEADLINE;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match events.recv_timeout(left) {
            Ok(SimnetEvent::CoreStarted(_)) => break,
            Ok(SimnetEvent::Aborted(why)) => usage(&format!("the validator did not start: {why}")),
            Ok(_) => {}
            Err(e) => usage(&format!(
                "the validator did not start within {READY_DEADLINE:?}: {e}"
            )),
        }
    }
    let mut out = std::io::stdout();
    writeln!(
        out,
        "rpc http://127.0.0.1:{} ws ws://127.0.0.1:{}",
        args.port, args.ws_port
    )
    .and_then(|_| out.flush())
    .expect("write to stdout");
    // drain the validator's events so its channel never fills
    std::thread::spawn(move || while events.recv().is_ok() {});
    // until the process is interrupted, or, when standard input is a pipe (a test or a
    // script that spawned it), until that closes: its parent went away
    if stdin_is_a_pipe() {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            if line.is_err() {
                break;
            }
        }
    } else {
        loop {
            std::thread::park();
        }
    }
    let _ = stop.send(SimnetCommand::Terminate(None));
    let _ = runloop.join();
}
