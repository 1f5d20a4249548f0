//! `roll_withdrawals`: closes the open generation and opens the next (beacon only).
use crate::common::*;

#[tokio::test]
async fn roll_closes_the_open_generation_and_opens_the_next() {
    let (mut chain, env) = setup().await;
    let a = env.lp(&mut chain, 1_000 * UNIT).await;
    request(&mut chain, &env, &a, 400 * UNIT).await;
    roll(&mut chain, &env).await;
    let g0: tx::WithdrawGeneration = chain
        .account(&tx::generation_address(&env.pool.pool, 0))
        .await;
    let g1: tx::WithdrawGeneration = chain
        .account(&tx::generation_address(&env.pool.pool, 1))
        .await;
    assert!(g0.closed && !g1.closed);
    assert_eq!((g0.requested, g1.id, g1.requested), (400 * UNIT, 1, 0));
    let p = env.state(&mut chain).await;
    assert_eq!((p.queue_open_gen, p.queue_settling_gen), (1, 0));
    // the open generation is now 1: rolling 0 again is refused by the seeds
    let b = env.beacon_key();
    let ix = tx::roll_withdrawals(&b, &env.pool, 0);
    assert_anchor_err(
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
