//! `return_to_pau`: USDS back to the PAU through a `halo_pau::repay` CPI.
use crate::common::*;

#[tokio::test]
async fn return_to_pau_ok_repays_and_burns_rounding_up() {
    let (mut chain, env) = setup().await;
    let custody_before = chain.balance(&env.pau.custody).await;
    let b = env.beacon_key();
    chain
        .must(
            &[tx::return_to_pau(&b, &env.pool, &env.link, 400_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    assert_eq!(
        chain.balance(&env.pau.custody).await,
        custody_before + 400_000 * UNIT
    );
    let p = env.state(&mut chain).await;
    assert_eq!(p.quote_liquidity, 600_000 * UNIT);
    assert_eq!(p.total_shares, 600_000 * UNIT);
    let rl = env.pau.rate_limit(&mut chain, &env.link.route_key).await;
    assert_eq!(rl.total_in, u128::from(400_000 * UNIT));
    // more than the free USDS
    let ix = tx::return_to_pau(&b, &env.pool, &env.link, 600_001 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::InsufficientLiquidity,
    )
    .await;
    // a Prime's deposit is not the PAU's to take back
    let _prime = env.lp(&mut chain, 500_000 * UNIT).await;
    let ix = tx::return_to_pau(&b, &env.pool, &env.link, 600_001 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::InsufficientShares,
    )
    .await;
    let ix = tx::return_to_pau(&env.freezer.pubkey(), &env.pool, &env.link, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.freezer],
        TradingError::NotBeacon,
    )
    .await;
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn return_to_pau_fails_when_it_would_jump_the_withdrawal_queue() {
    let (mut chain, env) = setup().await;
    let a = env.lp(&mut chain, 100_000 * UNIT).await;
    request(&mut chain, &env, &a, 50_000 * UNIT).await;
    roll(&mut chain, &env).await;
    let b = env.beacon_key();
    let ix = tx::return_to_pau(&b, &env.pool, &env.link, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::WithdrawalsWaiting,
    )
    .await;
    settle(&mut chain, &env, u64::MAX).await.unwrap();
    chain
        .must(
            &[tx::return_to_pau(&b, &env.pool, &env.link, UNIT)],
            &[&env.beacon],
        )
        .await;
}
