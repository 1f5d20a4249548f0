//! `fail_redemption`: A failed issuer redemption: write-off, buys paused, late recovery.
use crate::common::*;

const SELL: Side = Side::SellAsset;

#[tokio::test]
async fn fail_redemption_ok_pauses_buys_until_governance_clears_it() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    let b = env.beacon_key();
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::fail_redemption(&stranger.pubkey(), &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotBeaconOrFreezer,
    )
    .await;
    chain
        .must(
            &[tx::fail_redemption(&env.freezer.pubkey(), &env.pool, 0)],
            &[&env.freezer],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert!(p.redemption_failed);
    assert_eq!(p.pending_expected, 0);
    assert_eq!(p.realised_pnl, -i128::from(999_500_000));
    assert_eq!(p.redemptions_failed, 1);
    let ix = tx::fail_redemption(&b, &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionNotPending,
    )
    .await;
    // buys paused, sells allowed
    let u = env.trader(&mut chain, 10 * UNIT, 10 * UNIT).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[u.asset, u.quote],
        &[ix],
        &[&u.key],
        TradingError::BuysPausedRedemptionFailed,
    )
    .await;
    // the issuer pays late: recovered into P&L
    env.issuer_pays(&mut chain, 1_000 * UNIT).await;
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, 1_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.realised_pnl, i128::from(500_000));
    assert_eq!((p.redemptions_failed, p.redemptions_settled), (0, 1));
    chain
        .must(
            &[tx::clear_redemption_failure(
                &env.governance.pubkey(),
                &env.pool,
            )],
            &[&env.governance],
        )
        .await;
    env.swap(&mut chain, &u, SELL, true, 10 * UNIT)
        .await
        .expect("buys back on");
}

#[tokio::test]
async fn fail_redemption_fails_when_the_redemption_is_another_pools() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    bought(&mut chain, &other, 10 * UNIT).await;
    let ob = other.beacon_key();
    chain
        .must(
            &[tx::start_redemption(
                &ob,
                &other.pool,
                &other.issuer_account,
                0,
                10 * UNIT,
            )],
            &[&other.beacon],
        )
        .await;
    let ix = tx::fail_redemption(&env.beacon_key(), &env.pool, 0);
    let ix = swap_account(
        ix,
        &halo_sdk::pda::redemption(&env.pool.pool, 0),
        &halo_sdk::pda::redemption(&other.pool.pool, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionOfAnotherPool,
    )
    .await;
}

#[tokio::test]
async fn fail_redemption_ok_for_the_beacon_only_once_the_redemption_is_overdue() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    let b = env.beacon_key();
    // due in a day: not before
    let ix = tx::fail_redemption(&b, &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionNotOverdue,
    )
    .await;
    chain.advance(24 * 3600 + 1).await;
    chain
        .must(&[tx::fail_redemption(&b, &env.pool, 0)], &[&env.beacon])
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.failed_expected, 1_000 * UNIT);
    // the issuer pays late: recovered, deposits open again
    env.issuer_pays(&mut chain, 1_000 * UNIT).await;
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, 1_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    assert_eq!(env.state(&mut chain).await.failed_expected, 0);
}
