//! `settle_pair`: netting the two queues inside the unit at the exchange rate, then the
//! remaining capacities through the PAU; and the net-flow-only fallback anyone may run
//! after the lock bound.
use crate::common::*;

/// 1,000 USDS subscribed by one Prime, `redeem` shares queued by another (who got them
/// the real way), both queues locked.
async fn both_locked(chain: &mut Chain, env: &LctsEnv, redeem: u64) -> (Prime, Prime) {
    let r = env.prime_with_shares(chain, redeem).await;
    env.enter(chain, &r, RED, redeem).await.unwrap();
    let s = subscribers(chain, env, &[1_000 * UNIT]).await.remove(0);
    env.lock(chain, SUB).await.unwrap();
    env.lock(chain, RED).await.unwrap();
    (s, r)
}

#[tokio::test]
async fn settle_pair_ok_nets_inside_the_unit_with_no_pau_movement() {
    let (mut chain, env) = setup().await;
    let (s, r) = both_locked(&mut chain, &env, 400 * UNIT).await;
    let custody = chain.balance(&env.unit.pau_custody).await;
    let deploy = env
        .pau
        .rate_limit(&mut chain, &env.unit.deploy_route_key())
        .await;
    env.settle_pair(&mut chain, 0, 0).await.unwrap();
    assert_eq!(chain.balance(&env.unit.pau_custody).await, custody);
    assert_eq!(
        env.pau
            .rate_limit(&mut chain, &env.unit.deploy_route_key())
            .await
            .total_out,
        deploy.total_out
    );
    // 400 USDS matched: the redeemers' queue finalizes, 600 USDS still wait
    let sq = env.queue(&mut chain, SUB).await;
    let rq = env.queue(&mut chain, RED).await;
    assert_eq!(
        (sq.status, sq.total_underlying),
        (QueueStatus::Active, 600 * UNIT)
    );
    assert_eq!((rq.status, rq.gen_id), (QueueStatus::Dormant, 1));
    let ix = env
        .settle_finalized_ix(&mut chain, &r.key.pubkey(), RED, &r.key.pubkey(), &r.usds)
        .await;
    chain.must(&[ix], &[&r.key]).await;
    assert_eq!(chain.balance(&r.usds).await, 400 * UNIT);
    chain.must(&[env.claim_ix(&s, SUB)], &[&s.key]).await;
    assert_eq!(chain.balance(&s.shares).await, 400 * UNIT);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn settle_pair_ok_then_applies_the_remaining_capacities_through_the_pau() {
    let (mut chain, env) = setup().await;
    both_locked(&mut chain, &env, 400 * UNIT).await;
    let endpoint = chain.balance(&env.unit.deploy_endpoint).await;
    let reward_before = env.queue(&mut chain, SUB).await.reward_in;
    env.settle_pair(&mut chain, 250 * UNIT, 0).await.unwrap();
    assert_eq!(
        chain.balance(&env.unit.deploy_endpoint).await,
        endpoint + 250 * UNIT
    );
    let sq = env.queue(&mut chain, SUB).await;
    assert_eq!(sq.total_underlying, 350 * UNIT);
    assert_eq!(
        sq.reward_in - reward_before,
        650 * UNIT,
        "400 netted + 250 minted"
    );
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn settle_pair_ok_with_capacities_larger_than_the_queues_both_finalize() {
    let (mut chain, env) = setup().await;
    both_locked(&mut chain, &env, 1_500 * UNIT).await;
    let endpoint = chain.balance(&env.unit.deploy_endpoint).await;
    let gens = [
        env.queue(&mut chain, SUB).await.gen_id,
        env.queue(&mut chain, RED).await.gen_id,
    ];
    env.settle_pair(&mut chain, 1_000_000 * UNIT, 1_000_000 * UNIT)
        .await
        .unwrap();
    // 1,000 netted; the other 500 shares redeemed through the return route
    for (side, gen) in [(SUB, gens[0]), (RED, gens[1])] {
        let q = env.queue(&mut chain, side).await;
        assert_eq!(
            (q.status, q.gen_id),
            (QueueStatus::Dormant, gen + 1),
            "{side:?}"
        );
    }
    assert_eq!(
        chain.balance(&env.unit.redeem_usds_vault).await,
        1_500 * UNIT
    );
    assert_eq!(
        chain.balance(&env.unit.deploy_endpoint).await,
        endpoint,
        "nothing deployed"
    );
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn settle_pair_ok_with_one_side_empty() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    env.settle_pair(&mut chain, 40 * UNIT, 10 * UNIT)
        .await
        .unwrap();
    assert_eq!(env.queue(&mut chain, SUB).await.total_underlying, 60 * UNIT);
    assert_eq!(
        env.queue(&mut chain, RED).await.status,
        QueueStatus::Dormant
    );
}

#[tokio::test]
async fn settle_pair_ok_at_a_rate_above_one_rounds_for_the_unit() {
    let (mut chain, env) = setup().await;
    let (s, r) = both_locked(&mut chain, &env, 300 * UNIT).await;
    chain
        .must(
            &[tx::set_exchange_rate(
                &env.governance.pubkey(),
                &env.unit,
                WAD + WAD / 3,
            )],
            &[&env.governance],
        )
        .await;
    env.settle_pair(&mut chain, 0, 0).await.unwrap();
    // 300 shares are worth 399.999999 USDS; the subscribers get 299.999999 shares for it
    let ix = env
        .settle_finalized_ix(&mut chain, &r.key.pubkey(), RED, &r.key.pubkey(), &r.usds)
        .await;
    chain.must(&[ix], &[&r.key]).await;
    assert_eq!(chain.balance(&r.usds).await, 399_999_999);
    chain.must(&[env.claim_ix(&s, SUB)], &[&s.key]).await;
    assert_eq!(chain.balance(&s.shares).await, 299_999_999);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn settle_pair_ok_anyone_nets_after_the_lock_bound_when_the_beacon_stopped() {
    let (mut chain, env) = setup().await;
    both_locked(&mut chain, &env, 400 * UNIT).await;
    let keeper = chain.funded_keypair(1_000_000_000).await;
    let ix = env.settle_pair_ix(&mut chain, &keeper.pubkey(), 0, 0).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&keeper],
        LctsError::LockNotExpired,
    )
    .await;
    chain.advance(3 * 3_600 + 1).await;
    let ix2 = env.settle_pair_ix(&mut chain, &keeper.pubkey(), 1, 0).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix2,
        &[&keeper],
        LctsError::CapacityNeedsBeacon,
    )
    .await;
    chain.must(&[ix], &[&keeper]).await;
    assert_eq!(
        env.queue(&mut chain, SUB).await.total_underlying,
        600 * UNIT
    );
    assert_eq!(
        env.queue(&mut chain, RED).await.status,
        QueueStatus::Dormant
    );
}

#[tokio::test]
async fn settle_pair_fails_when_a_queue_is_active_neither_is_locked_or_the_rate_is_stale() {
    let (mut chain, env) = setup().await;
    let ix = env
        .settle_pair_ix(&mut chain, &env.beacon.pubkey(), 0, 0)
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        LctsError::NothingToSettle,
    )
    .await;
    let r = env.prime_with_shares(&mut chain, 100 * UNIT).await;
    env.enter(&mut chain, &r, RED, 100 * UNIT).await.unwrap();
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let ix = env
        .settle_pair_ix(&mut chain, &env.beacon.pubkey(), 0, 0)
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&env.beacon],
        LctsError::QueueNotReady,
    )
    .await;
    env.lock(&mut chain, RED).await.unwrap();
    chain.advance(DAY + 1).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&env.beacon],
        LctsError::RateStale,
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
    refused_unchanged(&mut chain, &env, &[], ix, &[&env.beacon], LctsError::Paused).await;
}

#[tokio::test]
async fn settle_pair_fails_with_another_units_queue_or_swapped_vaults() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    both_locked(&mut chain, &env, 100 * UNIT).await;
    let ix = env
        .settle_pair_ix(&mut chain, &env.beacon.pubkey(), 0, 0)
        .await;
    let u = &env.unit;
    for (from, to, e) in [
        (
            u.subscribe_queue,
            other.unit.subscribe_queue,
            LctsError::QueueOfAnotherUnit.code(),
        ),
        (
            u.subscribe_usds_vault,
            u.redeem_usds_vault,
            LctsError::WrongVault.code(),
        ),
        (
            u.deploy_rate_limit,
            u.return_rate_limit,
            LctsError::WrongRateLimit.code(),
        ),
        // the subscribe queue passed as both queues: Anchor refuses the duplicate
        (
            u.redeem_queue,
            u.subscribe_queue,
            anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount.code(),
        ),
    ] {
        let bad = swap_account(ix.clone(), &from, &to);
        refused_unchanged(&mut chain, &env, &[], bad, &[&env.beacon], e).await;
    }
    let fake = swap_account(ix, &halo_sdk::PAU_PROGRAM_ID, &halo_trading::ID);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        fake,
        &[&env.beacon],
        anchor_lang::error::ErrorCode::InvalidProgramId,
    )
    .await;
}
