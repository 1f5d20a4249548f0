//! `poke`: The permissionless price check and its persistent deviation pause.
use crate::common::*;
use halo_sdk::trading::PauseReason;

const SELL: Side = Side::SellAsset;

#[tokio::test]
async fn poke_ok_pauses_on_deviation_persistently_until_review() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 100 * UNIT, 0).await;
    // an ordinary move: poke records it as the new reference
    chain.advance(60).await;
    env.publish_nav(&mut chain, 1_010_000).await.unwrap();
    chain.must(&[tx::poke(&env.pool)], &[]).await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.last_price_wad, 1_010_000_000_000_000_000);
    assert!(!p.paused);
    // +3 % against the 1.01 reference: swaps refused, poke pauses (anyone can poke)
    chain.advance(60).await;
    env.publish_nav(&mut chain, 1_040_300).await.unwrap();
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    assert_err(
        chain.send(&[ix], &[&u.key]).await,
        TradingError::PriceDeviation,
    );
    chain.must(&[tx::poke(&env.pool)], &[]).await;
    let p = env.state(&mut chain).await;
    assert!(p.paused);
    assert_eq!(p.pause_reason, PauseReason::Deviation);
    assert_eq!(
        p.last_price_wad, 1_010_000_000_000_000_000,
        "reference kept"
    );
    // the pause persists even when the price comes back
    chain.advance(60).await;
    env.publish_nav(&mut chain, 1_010_000).await.unwrap();
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    assert_err(chain.send(&[ix], &[&u.key]).await, TradingError::PoolPaused);
    // governance reviews and resumes at the current price
    chain
        .must(
            &[tx::resume_pool(&env.governance.pubkey(), &env.pool)],
            &[&env.governance],
        )
        .await;
    env.swap(&mut chain, &u, SELL, true, 10 * UNIT)
        .await
        .expect("resumed");
}

#[tokio::test]
async fn poke_fails_when_the_price_is_invalid_and_changes_nothing() {
    let (mut chain, env) = setup().await;
    chain.advance(27 * 3600).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[tx::poke(&env.pool)],
        &[],
        TradingError::StalePrice,
    )
    .await;
    let other = second_env(&mut chain, &env).await;
    let ix = swap_account(
        tx::poke(&env.pool),
        &env.pool.price_account,
        &other.pool.price_account,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[],
        TradingError::WrongPriceAccount,
    )
    .await;
}
