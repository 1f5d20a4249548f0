//! `resume_pool`: lifts a pause after review, re-anchoring the reference price.
use crate::common::*;

#[tokio::test]
async fn resume_needs_a_paused_pool_a_valid_price_and_the_right_role() {
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
