//! `halo status` and `halo check` over JSON-RPC: one snapshot of the cluster, then the
//! table or JSON of `halo_ops`.
use halo_harness::rpc::RpcLedger;
use halo_ops::{check, report as kpi, snapshot::Snapshot, status};
use solana_commitment_config::CommitmentConfig;

use crate::{Commitment, Output, EXIT_BROKEN};

pub fn commitment(c: Commitment) -> CommitmentConfig {
    match c {
        Commitment::Processed => CommitmentConfig::processed(),
        Commitment::Confirmed => CommitmentConfig::confirmed(),
        Commitment::Finalized => CommitmentConfig::finalized(),
    }
}

/// A snapshot of the cluster at `url`, or the reason in words.
async fn snapshot(url: &str, c: Commitment) -> Result<Snapshot, String> {
    guarded(async {
        // reads only: the payer never signs
        let mut ledger =
            RpcLedger::connect_at(url, halo_harness::Keypair::new(), commitment(c)).await?;
        Snapshot::take(&mut ledger).await
    })
    .await
}

/// `read`, with a panic (the ledger's reads panic when the cluster stops answering half
/// way) turned into an error in words.
pub async fn guarded<T>(
    read: impl std::future::Future<Output = Result<T, String>>,
) -> Result<T, String> {
    use futures::FutureExt;
    match std::panic::AssertUnwindSafe(read).catch_unwind().await {
        Ok(r) => r,
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "the cluster stopped answering".into())),
    }
}

fn print_json<T: serde::Serialize>(v: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).expect("a report always serialises")
    );
}

/// `halo status`: exit 0, or 1 if the cluster cannot be read.
pub async fn status(url: &str, c: Commitment, out: Output) -> i32 {
    match snapshot(url, c).await {
        Ok(s) => {
            let st = status::Status::of(&s);
            match out {
                Output::Json => print_json(&st),
                Output::Display => print!("{}", status::render(&st)),
            }
            0
        }
        Err(e) => {
            eprintln!("halo status: {e}");
            1
        }
    }
}

/// `halo report`: exit 0, or 1 if the cluster cannot be read (or the charts written).
/// `history`: read at most this many transactions (`None`: chain state only).
pub async fn report(
    url: &str,
    c: Commitment,
    out: Output,
    history: Option<usize>,
    charts: Option<&std::path::Path>,
) -> i32 {
    let read = async {
        let mut ledger =
            RpcLedger::connect_at(url, halo_harness::Keypair::new(), commitment(c)).await?;
        match history {
            Some(limit) => halo_ops::history::with_snapshot(&mut ledger, limit)
                .await
                .map(|(s, h)| (s, Some(h))),
            None => Snapshot::take(&mut ledger).await.map(|s| (s, None)),
        }
    };
    match guarded(read).await {
        Ok((s, h)) => {
            let r = kpi::run(&s, h.as_ref());
            if let (Some(dir), Some(h)) = (charts, h.as_ref()) {
                let drawn = halo_ops::chart::history_charts("cluster", h, &status::Status::of(&s));
                match halo_ops::chart::write(dir, &drawn) {
                    Ok(files) => eprintln!(
                        "halo report: {} chart files in {}",
                        files.len(),
                        dir.display()
                    ),
                    Err(e) => {
                        eprintln!("halo report: --charts {e}");
                        return 1;
                    }
                }
            }
            match out {
                Output::Json => print_json(&r),
                Output::Display => print!("{}", kpi::render(&r)),
            }
            0
        }
        Err(e) => {
            eprintln!("halo report: {e}");
            1
        }
    }
}

/// `halo check`: exit 0 when every rule holds, 3 when one is broken, 1 if the cluster (or
/// the baseline) cannot be read.
pub async fn check(
    url: &str,
    c: Commitment,
    out: Output,
    baseline: Option<&std::path::Path>,
) -> i32 {
    let baseline = match baseline.map(check::Baseline::read).transpose() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("halo check: {e}");
            return 1;
        }
    };
    let read = async {
        let mut ledger =
            RpcLedger::connect_at(url, halo_harness::Keypair::new(), commitment(c)).await?;
        check::run_confirmed(&mut ledger, baseline.as_ref()).await
    };
    match guarded(read).await {
        Ok((_, report)) => {
            match out {
                Output::Json => print_json(&report),
                Output::Display => print!("{}", check::render(&report)),
            }
            if report.breaks.is_empty() {
                0
            } else {
                EXIT_BROKEN
            }
        }
        Err(e) => {
            eprintln!("halo check: {e}");
            1
        }
    }
}
