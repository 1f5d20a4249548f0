//! `resume_pool`: lifts a pause after review, re-anchoring the reference price.
use crate::common::*;

#[tokio::test]
async fn resume_pool_fails_when_not_paused_on_a_stale_price_or_for_the_wrong_role() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let ix = tx::resume_pool(&g, &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NotPaused,
    )
    .await;
    chain
        .must(
            &[tx::pause_pool(&env.freezer.pubkey(), &env.pool)],
            &[&env.freezer],
        )
        .await;
    let ix = tx::resume_pool(&env.freezer.pubkey(), &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.freezer],
        TradingError::NotGovernanceOrBeacon,
    )
    .await;
    // no resuming on a stale price: the pool stays paused
    chain.advance(27 * 3600).await;
    let ix = tx::resume_pool(&g, &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::StalePrice,
    )
    .await;
    // a reviewed 10 % move: governance publishes it and resumes at it
    env.governance_publish(&mut chain, 1_100_000).await;
    chain
        .must(&[tx::resume_pool(&g, &env.pool)], &[&env.governance])
        .await;
    let p = env.state(&mut chain).await;
    assert!(!p.paused);
    assert_eq!(p.last_price_wad, 1_100_000_000_000_000_000);
}

/// Review finding: the beacon could lift a deviation pause at any valid price, restarting
/// the deviation window there (so the guard could still be walked, by the beacon). A
/// deviation pause is now governance's to review; the beacon may lift manual pauses.
#[tokio::test]
async fn resume_pool_fails_when_the_beacon_lifts_a_deviation_pause() {
    let (mut chain, env) = setup().await;
    chain.advance(1).await;
    env.governance_publish(&mut chain, 1_050_000).await;
    chain.must(&[tx::poke(&env.pool)], &[]).await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.pause_reason, tx::PauseReason::Deviation);
    let ix = tx::resume_pool(&env.beacon_key(), &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NotGovernance,
    )
    .await;
    let g = env.governance.pubkey();
    chain
        .must(&[tx::resume_pool(&g, &env.pool)], &[&env.governance])
        .await;
    let p = env.state(&mut chain).await;
    assert!(!p.paused);
    assert_eq!(p.ref_price_wad, 1_050_000_000_000_000_000);
}
