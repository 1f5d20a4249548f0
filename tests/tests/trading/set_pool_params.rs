//! `set_pool_params`: Governance-only parameters; a decrease never raises what can move.
use crate::common::*;

#[tokio::test]
async fn set_pool_params_fails_when_not_governance_and_a_decrease_keeps_the_consumed_gap() {
    let (mut chain, env) = setup().await;
    let mut params = env.state(&mut chain).await.params;
    // the beacon cannot change spreads
    params.bid_spread_bps = 1;
    let ix = tx::set_pool_params(&env.beacon_key(), &env.pool, params);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NotGovernance,
    )
    .await;
    let ix = tx::set_pool_params(&env.freezer.pubkey(), &env.pool, params);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.freezer],
        TradingError::NotGovernance,
    )
    .await;
    params.bid_spread_bps = 5_001;
    let ix = tx::set_pool_params(&env.governance.pubkey(), &env.pool, params);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::SpreadTooWide,
    )
    .await;
    // a 100-unit bid limit, 60 used (40 left): lowering the max to 50 leaves 40, to 30
    // leaves 30: a decrease never raises what can move
    set_params(&mut chain, &env, |p| {
        p.bid_limit = tx::LimitParams {
            max_amount: 100 * UNIT,
            slope: 0,
        };
    })
    .await;
    let u = env.trader(&mut chain, 1_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, Side::SellAsset, false, 60 * UNIT)
        .await
        .unwrap();
    set_params(&mut chain, &env, |p| {
        p.bid_limit = tx::LimitParams {
            max_amount: 50 * UNIT,
            slope: 0,
        };
    })
    .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.bid_limit.max_amount, 50 * UNIT);
    assert_eq!(p.bid_limit.last_amount, 40 * UNIT);
    set_params(&mut chain, &env, |p| {
        p.bid_limit = tx::LimitParams {
            max_amount: 30 * UNIT,
            slope: 0,
        };
    })
    .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.bid_limit.last_amount, 30 * UNIT);
    // with a different pool's class the call is refused
    let sib = sibling_class(&mut chain, &env).await;
    let mut ix = tx::set_pool_params(&env.governance.pubkey(), &env.pool, p.params);
    ix = swap_account(ix, &env.pool.class, &sib);
    assert_err(
        chain.send(&[ix], &[&env.governance]).await,
        TradingError::NotGovernance,
    );
}
