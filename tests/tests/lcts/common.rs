//! Shared imports and small helpers; fixtures live in `halo-harness`.
pub use anchor_lang::prelude::Pubkey;
pub use halo_harness::lcts::{default_params, UNIT};
pub use halo_harness::*;
pub use halo_lcts::errors::LctsError;
pub use halo_sdk::lcts::{self as tx, QueueSide, QueueStatus, UnitParams, WAD};

pub const DAY: i64 = 24 * 3600;
pub const SUB: QueueSide = QueueSide::Subscribe;
pub const RED: QueueSide = QueueSide::Redeem;

pub async fn setup() -> (Chain, LctsEnv) {
    setup_with(LctsOptions::default()).await
}

pub async fn setup_with(opts: LctsOptions) -> (Chain, LctsEnv) {
    let mut chain = Chain::new().await;
    let env = LctsEnv::bootstrap(&mut chain, opts).await;
    (chain, env)
}

/// A second unit (on a second PAU, with its own class and governance): the "another
/// unit's queue / position / vault" attacks.
pub async fn second_env(chain: &mut Chain, env: &LctsEnv) -> LctsEnv {
    let pau = PauEnv::bootstrap_pau(
        chain,
        env.pau.admin.insecure_clone(),
        PauOptions {
            pau_id: 1,
            ..PauOptions::default()
        },
    )
    .await;
    let other = LctsEnv::bootstrap_on(chain, pau, LctsOptions::default(), 0).await;
    // its timelock walk aged this unit's rate: the beacon refreshes it
    env.refresh_rate(chain).await;
    other
}

/// Governance replaces the unit's parameters.
pub async fn set_params(chain: &mut Chain, env: &LctsEnv, f: impl FnOnce(&mut UnitParams)) {
    let mut p = env.unit_state(chain).await.params;
    f(&mut p);
    chain
        .must(
            &[tx::set_unit_params(&env.governance.pubkey(), &env.unit, p)],
            &[&env.governance],
        )
        .await;
}

/// Primes with `amounts` each subscribed.
pub async fn subscribers(chain: &mut Chain, env: &LctsEnv, amounts: &[u64]) -> Vec<Prime> {
    let mut out = Vec::new();
    for a in amounts {
        let p = env.prime(chain, *a).await;
        env.enter(chain, &p, SUB, *a).await.expect("subscribe");
        out.push(p);
    }
    out
}

/// The position of `p` on `side` (it must exist).
pub async fn position(
    chain: &mut Chain,
    env: &LctsEnv,
    side: QueueSide,
    p: &Prime,
) -> tx::Position {
    env.position(chain, side, &p.key.pubkey())
        .await
        .expect("position")
}
