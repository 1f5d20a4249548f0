//! `exchange_rate`: the composable view (return data) with the rate, its update time
//! and its staleness.
use crate::common::*;

#[tokio::test]
async fn exchange_rate_ok_returns_the_rate_its_time_and_staleness() {
    let (mut chain, env) = setup_with(LctsOptions {
        rate_wad: 2 * WAD,
        ..LctsOptions::default()
    })
    .await;
    let created = env.unit_state(&mut chain).await.rate_updated_at;
    let v = env.view_rate(&mut chain).await;
    assert_eq!(
        (v.rate_wad, v.updated_at, v.stale),
        (2 * WAD, created, false)
    );
    chain.set_time(created + DAY).await;
    assert!(
        !env.view_rate(&mut chain).await.stale,
        "exactly an epoch old is still fresh"
    );
    chain.set_time(created + DAY + 1).await;
    assert!(env.view_rate(&mut chain).await.stale);
    // a view changes nothing
    let before = env.fingerprint(&mut chain, &[]).await;
    env.view_rate(&mut chain).await;
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
}
