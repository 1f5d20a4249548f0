//! `request_redeem`: Halo Unit shares into the redeem queue; the same generation rules as
//! subscriptions, on the other side.
use crate::common::*;

#[tokio::test]
async fn request_redeem_ok_queues_shares_and_a_later_settlement_pays_usds() {
    let (mut chain, env) = setup().await;
    let p = env.prime_with_shares(&mut chain, 1_000 * UNIT).await;
    assert_eq!(chain.balance(&p.shares).await, 1_000 * UNIT);
    env.enter(&mut chain, &p, RED, 400 * UNIT).await.unwrap();
    let q = env.queue(&mut chain, RED).await;
    assert_eq!(
        (q.status, q.total_underlying),
        (QueueStatus::Active, 400 * UNIT)
    );
    assert_eq!(
        chain.balance(&env.unit.redeem_share_vault).await,
        400 * UNIT
    );
    assert_eq!(chain.balance(&p.shares).await, 600 * UNIT);
    // settled in full at 1.0: 400 USDS come back from custody along the return route
    let custody = chain.balance(&env.unit.pau_custody).await;
    env.cycle(&mut chain, RED, 400 * UNIT).await;
    assert_eq!(
        chain.balance(&env.unit.pau_custody).await,
        custody - 400 * UNIT
    );
    let ix = env
        .settle_finalized_ix(&mut chain, &p.key.pubkey(), RED, &p.key.pubkey(), &p.usds)
        .await;
    chain.must(&[ix], &[&p.key]).await;
    assert_eq!(chain.balance(&p.usds).await, 400 * UNIT);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn request_redeem_ok_a_double_entry_accumulates() {
    let (mut chain, env) = setup().await;
    let p = env.prime_with_shares(&mut chain, 1_000 * UNIT).await;
    env.enter(&mut chain, &p, RED, 300 * UNIT).await.unwrap();
    env.enter(&mut chain, &p, RED, 200 * UNIT).await.unwrap();
    let pos = position(&mut chain, &env, RED, &p).await;
    assert_eq!(pos.shares, u128::from(500 * UNIT));
    assert_eq!(env.queue(&mut chain, RED).await.positions, 1);
}

#[tokio::test]
async fn request_redeem_fails_on_the_subscribe_queue_when_locked_or_paused() {
    let (mut chain, env) = setup().await;
    let p = env.prime_with_shares(&mut chain, 100 * UNIT).await;
    // the subscribe queue's accounts with request_redeem's data
    let mut ix = env.enter_ix(&mut chain, &p, SUB, 10 * UNIT).await;
    ix.data = env.enter_ix(&mut chain, &p, RED, 10 * UNIT).await.data;
    refused_unchanged(
        &mut chain,
        &env,
        &[p.shares],
        ix,
        &[&p.key],
        LctsError::WrongSide,
    )
    .await;
    chain
        .must(
            &[tx::set_paused(
                &env.freezer.pubkey(),
                &env.unit,
                tx::PAUSE_REDEEM,
            )],
            &[&env.freezer],
        )
        .await;
    let ix = env.enter_ix(&mut chain, &p, RED, 10 * UNIT).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[p.shares],
        ix,
        &[&p.key],
        LctsError::Paused,
    )
    .await;
    chain
        .must(
            &[tx::set_paused(&env.governance.pubkey(), &env.unit, 0)],
            &[&env.governance],
        )
        .await;
    env.enter(&mut chain, &p, RED, 10 * UNIT).await.unwrap();
    env.lock(&mut chain, RED).await.unwrap();
    let ix = env.enter_ix(&mut chain, &p, RED, 10 * UNIT).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[p.shares],
        ix,
        &[&p.key],
        LctsError::QueueLocked,
    )
    .await;
}

#[tokio::test]
async fn request_redeem_fails_with_more_shares_than_held() {
    let (mut chain, env) = setup().await;
    let p = env.prime_with_shares(&mut chain, 100 * UNIT).await;
    let ix = env.enter_ix(&mut chain, &p, RED, 101 * UNIT).await;
    let before = env.fingerprint(&mut chain, &[p.shares]).await;
    assert_failed(chain.send(&[ix], &[&p.key]).await);
    assert_eq!(before, env.fingerprint(&mut chain, &[p.shares]).await);
}
