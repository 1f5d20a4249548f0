//! `lock`: the beacon locks the ACTIVE generation inside the lock window.
use crate::common::*;

#[tokio::test]
async fn lock_ok_locks_an_active_generation_and_is_a_no_op_when_dormant() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    assert_eq!(
        before,
        env.fingerprint(&mut chain, &[]).await,
        "dormant: nothing changes"
    );
    subscribers(&mut chain, &env, &[10 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.locked_at),
        (QueueStatus::Locked, chain.now().await)
    );
}

#[tokio::test]
async fn lock_fails_when_not_the_beacon_already_locked_paused_or_outside_the_window() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[10 * UNIT]).await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::lock(&stranger.pubkey(), &env.unit, SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&stranger],
        LctsError::NotBeacon,
    )
    .await;
    let ix = tx::lock(&env.governance.pubkey(), &env.unit, SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        LctsError::NotBeacon,
    )
    .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        unsigned(env.lock_ix(SUB), &env.beacon.pubkey()),
        &[],
        anchor_lang::error::ErrorCode::AccountNotSigner,
    )
    .await;
    chain
        .must(
            &[tx::set_paused(
                &env.freezer.pubkey(),
                &env.unit,
                tx::PAUSE_SUBSCRIBE,
            )],
            &[&env.freezer],
        )
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        env.lock_ix(SUB),
        &[&env.beacon],
        LctsError::Paused,
    )
    .await;
    chain
        .must(
            &[tx::set_paused(&env.governance.pubkey(), &env.unit, 0)],
            &[&env.governance],
        )
        .await;
    // a window of two hours from 01:00 UTC
    set_params(&mut chain, &env, |p| {
        p.lock_offset_s = 3_600;
        p.lock_window_s = 7_200;
    })
    .await;
    let now = chain.now().await;
    let midnight = now - now.rem_euclid(DAY) + DAY;
    chain.set_time(midnight + 30).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        env.lock_ix(SUB),
        &[&env.beacon],
        LctsError::LockWindowClosed,
    )
    .await;
    chain.set_time(midnight + 3 * 3_600).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        env.lock_ix(SUB),
        &[&env.beacon],
        LctsError::LockWindowClosed,
    )
    .await;
    chain.set_time(midnight + 3_600).await;
    env.lock(&mut chain, SUB).await.unwrap();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        env.lock_ix(SUB),
        &[&env.beacon],
        LctsError::QueueLocked,
    )
    .await;
}

#[tokio::test]
async fn lock_fails_with_another_units_queue() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    subscribers(&mut chain, &other, &[10 * UNIT]).await;
    let ix = swap_account(
        env.lock_ix(SUB),
        &env.unit.subscribe_queue,
        &other.unit.subscribe_queue,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[other.unit.subscribe_queue],
        ix,
        &[&env.beacon],
        LctsError::QueueOfAnotherUnit,
    )
    .await;
}

#[tokio::test]
async fn lock_ok_a_relock_after_a_zero_settlement_cannot_reset_the_lock_bound() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let first = env.queue(&mut chain, SUB).await.locked_at;
    chain.advance(3 * 3_600).await;
    // the beacon unlocks with a zero settlement and locks again in one transaction
    let settle = env.settle_ix(&mut chain, SUB, 0).await;
    chain
        .must(&[settle, env.lock_ix(SUB)], &[&env.beacon])
        .await;
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!((q.status, q.locked_at), (QueueStatus::Locked, first));
    // the bound still counts from the first lock: anyone unlocks, and the owner exits in
    // the same transaction
    chain.advance(1).await;
    let k = ps[0].key.pubkey();
    chain
        .must(
            &[tx::unlock(&k, &env.unit, SUB), env.exit_ix(&ps[0], SUB)],
            &[&ps[0].key],
        )
        .await;
    assert_eq!(chain.balance(&ps[0].usds).await, 100 * UNIT);
}
