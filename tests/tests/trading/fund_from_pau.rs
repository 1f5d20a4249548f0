//! `fund_from_pau`: USDS from the class's PAU through a `halo_pau::draw` CPI.
use crate::common::*;

#[tokio::test]
async fn fund_from_pau_ok_draws_through_the_pau_and_mints_its_shares() {
    let (mut chain, env) = setup().await; // funded 1M at set-up
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &env.pau.proxy))
        .await;
    assert_eq!(pos.shares, 1_000_000 * UNIT);
    assert_eq!(pos.owner, env.pau.proxy);
    let custody_before = chain.balance(&env.pau.custody).await;
    env.fund(&mut chain, 500_000 * UNIT).await.expect("fund");
    assert_eq!(
        chain.balance(&env.pau.custody).await,
        custody_before - 500_000 * UNIT
    );
    let p = env.state(&mut chain).await;
    assert_eq!(p.quote_liquidity, 1_500_000 * UNIT);
    assert_eq!(p.total_shares, 1_500_000 * UNIT);
    // the PAU's route consumed it
    let rl = env.pau.rate_limit(&mut chain, &env.link.route_key).await;
    assert_eq!(rl.total_out, u128::from(1_500_000 * UNIT));
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn fund_from_pau_fails_when_not_the_beacon_zero_over_the_route_limit_or_paused() {
    let (mut chain, env) = setup().await;
    // not the beacon: the freezer and governance cannot move capital
    for k in [&env.freezer, &env.governance] {
        let ix = tx::fund_from_pau(&k.pubkey(), &env.pool, &env.link, UNIT);
        refused_unchanged(&mut chain, &env, &[], &[ix], &[k], TradingError::NotBeacon).await;
    }
    let b = env.beacon_key();
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::ZeroAmount,
    )
    .await;
    // beyond the PAU route's rate limit: the PAU refuses, nothing moves
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, 9_000_001 * UNIT);
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain.send(&[ix], &[&env.beacon]).await,
        halo_pau::errors::PauError::RateLimitExceeded,
    );
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
    // another PAU's controller
    let other = second_env(&mut chain, &env).await;
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, UNIT);
    let ix = swap_account(ix, &env.pau.controller, &other.pau.controller);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::WrongPauController,
    )
    .await;
    env.refresh_price(&mut chain).await; // the second PAU's timelock walk moved the clock
                                         // the PAU's freezer cuts the route to zero: funding stops at once
    chain
        .must(
            &[halo_sdk::pau::cut_rate_limit(
                &env.pau.freezer.pubkey(),
                &env.pau.controller,
                &env.link.route_key,
                0,
                0,
            )],
            &[&env.pau.freezer],
        )
        .await;
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, UNIT);
    assert_err(
        chain.send(&[ix], &[&env.beacon]).await,
        halo_pau::errors::PauError::RouteClosed,
    );
    // class paused
    chain
        .must(
            &[tx::set_class_paused(&b, &env.pool.class, true)],
            &[&env.beacon],
        )
        .await;
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::ClassPaused,
    )
    .await;
}
