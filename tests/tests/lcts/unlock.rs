//! `unlock`: the bounded lock. After `max_lock_s` anyone may unlock; governance any time.
use crate::common::*;

#[tokio::test]
async fn unlock_ok_anyone_after_the_bound_then_users_exit() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let keeper = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::unlock(&keeper.pubkey(), &env.unit, SUB);
    chain.advance(3 * 3_600).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&keeper],
        LctsError::LockNotExpired,
    )
    .await;
    chain.advance(1).await;
    chain.must(&[ix], &[&keeper]).await;
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!((q.status, q.locked_at), (QueueStatus::Active, 0));
    chain.must(&[env.exit_ix(&ps[0], SUB)], &[&ps[0].key]).await;
    assert_eq!(chain.balance(&ps[0].usds).await, 100 * UNIT);
}

#[tokio::test]
async fn unlock_ok_governance_at_any_time() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    chain
        .must(
            &[tx::unlock(&env.governance.pubkey(), &env.unit, SUB)],
            &[&env.governance],
        )
        .await;
    assert_eq!(env.queue(&mut chain, SUB).await.status, QueueStatus::Active);
}

#[tokio::test]
async fn unlock_fails_when_not_locked_or_before_the_bound_even_for_the_beacon() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let b = env.beacon.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        tx::unlock(&b, &env.unit, SUB),
        &[&env.beacon],
        LctsError::QueueNotLocked,
    )
    .await;
    env.lock(&mut chain, SUB).await.unwrap();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        tx::unlock(&b, &env.unit, SUB),
        &[&env.beacon],
        LctsError::LockNotExpired,
    )
    .await;
}

#[tokio::test]
async fn unlock_fails_with_another_class_governance_or_unit() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    // the other class's governance, passing its own class: the unit is not of that class
    let g = other.governance.pubkey();
    let ix = swap_account(
        tx::unlock(&g, &env.unit, SUB),
        &env.unit.class,
        &other.unit.class,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&other.governance],
        LctsError::UnitOfAnotherClass,
    )
    .await;
    // ... or passing this class: it is not its governance
    let ix = tx::unlock(&g, &env.unit, SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&other.governance],
        LctsError::LockNotExpired,
    )
    .await;
}
