//! `update_exchange_rate`: the beacon's refresh, once per epoch within governance's bounds.
use crate::common::*;

fn up(rate: u128, bps: u128) -> u128 {
    rate + rate * bps / 10_000
}

#[tokio::test]
async fn update_exchange_rate_ok_once_per_epoch_up_to_the_bound_and_down_for_a_haircut() {
    let (mut chain, env) = setup().await; // 100 bps up, 500 bps down
    let b = env.beacon.pubkey();
    chain.advance(DAY).await;
    chain
        .must(
            &[tx::update_exchange_rate(&b, &env.unit, up(WAD, 100))],
            &[&env.beacon],
        )
        .await;
    let u = env.unit_state(&mut chain).await;
    assert_eq!(
        (u.rate_wad, u.rate_updated_at),
        (up(WAD, 100), chain.now().await)
    );
    chain.advance(DAY).await;
    let haircut = u.rate_wad - u.rate_wad * 500 / 10_000;
    chain
        .must(
            &[tx::update_exchange_rate(&b, &env.unit, haircut)],
            &[&env.beacon],
        )
        .await;
    assert_eq!(env.unit_state(&mut chain).await.rate_wad, haircut);
}

#[tokio::test]
async fn update_exchange_rate_fails_too_soon_out_of_bounds_zero_or_not_the_beacon() {
    let (mut chain, env) = setup().await;
    let b = env.beacon.pubkey();
    let ix = |r| tx::update_exchange_rate(&b, &env.unit, r);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix(WAD),
        &[&env.beacon],
        LctsError::RateUpdateTooSoon,
    )
    .await;
    chain.advance(DAY).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix(up(WAD, 100) + 1),
        &[&env.beacon],
        LctsError::RateAboveBound,
    )
    .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix(WAD - WAD / 20 - 1),
        &[&env.beacon],
        LctsError::RateBelowBound,
    )
    .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix(0),
        &[&env.beacon],
        LctsError::ZeroRate,
    )
    .await;
    let g = env.governance.pubkey();
    let ix2 = tx::update_exchange_rate(&g, &env.unit, WAD);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix2,
        &[&env.governance],
        LctsError::NotBeacon,
    )
    .await;
}

#[tokio::test]
async fn update_exchange_rate_refreshes_a_stale_rate_and_settlement_resumes() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    chain.advance(2 * DAY).await;
    let r = env.view_rate(&mut chain).await;
    assert!(r.stale);
    env.lock(&mut chain, SUB).await.unwrap();
    let ix = env.settle_ix(&mut chain, SUB, 10 * UNIT).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&env.beacon],
        LctsError::RateStale,
    )
    .await;
    env.refresh_rate(&mut chain).await;
    assert!(!env.view_rate(&mut chain).await.stale);
    chain.must(&[ix], &[&env.beacon]).await;
}
