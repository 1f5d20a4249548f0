//! `position_view`: what an integrator must read (return data), including a settled but
//! unclaimed position.
use crate::common::*;

#[tokio::test]
async fn position_view_ok_through_the_whole_lifecycle() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[300 * UNIT, 100 * UNIT]).await;
    let k = ps[0].key.pubkey();
    let v = env.view(&mut chain, SUB, &k).await.unwrap();
    assert_eq!(
        (
            v.pending_underlying,
            v.claimable_reward,
            v.finalized_claimable
        ),
        (300 * UNIT, 0, 0)
    );
    assert_eq!(
        (v.queue_status, v.finalized, v.unlock_allowed_after),
        (QueueStatus::Active, false, 0)
    );
    assert_eq!(
        v.next_lock_at,
        chain.now().await,
        "the window is open all day"
    );
    env.lock(&mut chain, SUB).await.unwrap();
    let v = env.view(&mut chain, SUB, &k).await.unwrap();
    assert_eq!(v.queue_status, QueueStatus::Locked);
    assert_eq!(v.unlock_allowed_after, chain.now().await + 3 * 3_600);
    let ix = env.settle_ix(&mut chain, SUB, 200 * UNIT).await;
    chain.must(&[ix], &[&env.beacon]).await;
    let v = env.view(&mut chain, SUB, &k).await.unwrap();
    assert_eq!(
        (v.pending_underlying, v.claimable_reward),
        (150 * UNIT, 150 * UNIT)
    );
    env.cycle(&mut chain, SUB, 200 * UNIT).await;
    // settled but unclaimed: nothing pending, everything in finalized_claimable
    let v = env.view(&mut chain, SUB, &k).await.unwrap();
    assert!(v.finalized);
    assert_eq!(
        (
            v.pending_underlying,
            v.claimable_reward,
            v.finalized_claimable
        ),
        (0, 0, 300 * UNIT)
    );
    assert_eq!(v.queue_status, QueueStatus::Dormant);
}

#[tokio::test]
async fn position_view_ok_with_a_narrow_lock_window_gives_the_next_lock_time() {
    let (mut chain, env) = setup().await;
    set_params(&mut chain, &env, |p| {
        p.lock_offset_s = 14 * 3_600;
        p.lock_window_s = 3_600;
    })
    .await;
    let ps = subscribers(&mut chain, &env, &[10 * UNIT]).await;
    let now = chain.now().await;
    let midnight = now - now.rem_euclid(DAY);
    chain.set_time(midnight + 15 * 3_600).await;
    let v = env
        .view(&mut chain, SUB, &ps[0].key.pubkey())
        .await
        .unwrap();
    assert_eq!(v.next_lock_at, midnight + DAY + 14 * 3_600);
}

#[tokio::test]
async fn position_view_fails_without_the_finalized_generation() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[10 * UNIT]).await;
    env.cycle(&mut chain, SUB, 10 * UNIT).await;
    let k = ps[0].key.pubkey();
    let r = chain
        .send(&[tx::position_view(&env.unit, SUB, &k, None)], &[])
        .await;
    assert_err(r, LctsError::FinalizedGenerationRequired);
}
