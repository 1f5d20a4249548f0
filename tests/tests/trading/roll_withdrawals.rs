//! `roll_withdrawals`: closes the open generation and opens the next (beacon only).
use crate::common::*;

#[tokio::test]
async fn roll_withdrawals_ok_closes_the_open_generation_and_opens_the_next() {
    let (mut chain, env) = setup().await;
    let a = env.lp(&mut chain, 1_000 * UNIT).await;
    request(&mut chain, &env, &a, 400 * UNIT).await;
    roll(&mut chain, &env).await;
    let g0: tx::WithdrawGeneration = chain
        .account(&halo_sdk::pda::generation(&env.pool.pool, 0))
        .await;
    let g1: tx::WithdrawGeneration = chain
        .account(&halo_sdk::pda::generation(&env.pool.pool, 1))
        .await;
    assert!(g0.closed && !g1.closed);
    assert_eq!((g0.requested, g1.id, g1.requested), (400 * UNIT, 1, 0));
    let p = env.state(&mut chain).await;
    assert_eq!((p.queue_open_gen, p.queue_settling_gen), (1, 0));
    // the open generation is now 1: rolling 0 again is refused by the seeds
    let b = env.beacon_key();
    let ix = tx::roll_withdrawals(&b, &env.pool, 0);
    assert_err(
        chain.send(&[ix], &[&env.beacon]).await,
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    );
    // an empty generation is not rolled
    let ix = tx::roll_withdrawals(&b, &env.pool, 1);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NothingToRoll,
    )
    .await;
    // only the beacon rolls
    let c = env.lp(&mut chain, 1_000 * UNIT).await;
    request(&mut chain, &env, &c, 100 * UNIT).await;
    let g = env.governance.pubkey();
    let ix = tx::roll_withdrawals(&g, &env.pool, 1);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NotBeacon,
    )
    .await;
}

#[tokio::test]
async fn roll_withdrawals_ok_anyone_rolls_and_settles_a_queue_the_beacon_left_waiting() {
    let (mut chain, env) = setup().await;
    let a = env.lp(&mut chain, 1_000 * UNIT).await;
    request(&mut chain, &env, &a, 400 * UNIT).await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let s = stranger.pubkey();
    // before the fallback delay, only the beacon
    let ix = tx::roll_withdrawals(&s, &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotBeacon,
    )
    .await;
    chain.advance(3 * DAY).await;
    env.refresh_price(&mut chain).await;
    chain
        .must(&[tx::roll_withdrawals(&s, &env.pool, 0)], &[&stranger])
        .await;
    let ix = tx::settle_withdrawals(&s, &env.pool, 0, u64::MAX);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotBeacon,
    )
    .await;
    chain.advance(3 * DAY).await;
    env.refresh_price(&mut chain).await;
    chain
        .must(
            &[tx::settle_withdrawals(&s, &env.pool, 0, u64::MAX)],
            &[&stranger],
        )
        .await;
    claim(&mut chain, &env, &a).await.unwrap();
    assert_eq!(chain.balance(&a.quote).await, 400 * UNIT);
}
