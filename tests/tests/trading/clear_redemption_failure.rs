//! `clear_redemption_failure`: governance lifts the buy pause a failed redemption set.
use crate::common::*;

#[tokio::test]
async fn clear_redemption_failure_ok_restores_buys_and_is_governance_only() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let ix = tx::clear_redemption_failure(&g, &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NoRedemptionFailure,
    )
    .await;
    bought(&mut chain, &env, 100 * UNIT).await;
    let b = env.beacon_key();
    chain
        .must(
            &[
                tx::start_redemption(&b, &env.pool, &env.issuer_account, 0, 100 * UNIT),
                tx::fail_redemption(&env.freezer.pubkey(), &env.pool, 0),
            ],
            &[&env.beacon, &env.freezer],
        )
        .await;
    for k in [&env.beacon, &env.freezer] {
        let ix = tx::clear_redemption_failure(&k.pubkey(), &env.pool);
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[k],
            TradingError::NotGovernance,
        )
        .await;
    }
    chain
        .must(
            &[tx::clear_redemption_failure(&g, &env.pool)],
            &[&env.governance],
        )
        .await;
    assert!(!env.state(&mut chain).await.redemption_failed);
    bought(&mut chain, &env, 10 * UNIT).await;
}
