//! `pause_pool`: Pool pauses and resumes (`pause_pool`, `resume_pool`).
use crate::common::*;
use halo_sdk::trading::PauseReason;

#[tokio::test]
async fn pause_pool_ok_by_three_roles_resume_by_two() {
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::pause_pool(&stranger.pubkey(), &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotPauser,
    )
    .await;
    let ix = tx::resume_pool(&env.governance.pubkey(), &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NotPaused,
    )
    .await;
    for k in [&env.governance, &env.beacon, &env.freezer] {
        chain
            .must(&[tx::pause_pool(&k.pubkey(), &env.pool)], &[k])
            .await;
        let p = env.state(&mut chain).await;
        assert!(p.paused);
        assert_eq!(p.pause_reason, PauseReason::Manual);
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
        chain
            .must(
                &[tx::resume_pool(&env.beacon_key(), &env.pool)],
                &[&env.beacon],
            )
            .await;
        assert!(!env.state(&mut chain).await.paused);
    }
}
