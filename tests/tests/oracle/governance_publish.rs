use crate::common::*;

#[tokio::test]
async fn governance_publish_ok_records_the_value_and_time() {
    // Given a feed at 1.000000
    let (mut chain, env) = setup().await;
    let before = env.state(&mut chain).await;
    // When governance publishes 1.010000 a minute later, at the current time
    let t = later(&mut chain, 60).await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::governance_publish(&g, &env.feed, 1_010_000, t)],
            &[&env.governance],
        )
        .await;
    // Then the feed takes the value and time, counts the update, and nothing else changes
    let f = env.state(&mut chain).await;
    assert_eq!(f.value, 1_010_000);
    assert_eq!(f.publish_ts, t);
    assert_eq!(f.updates, 2);
    let mut expected = before.clone();
    expected.value = 1_010_000;
    expected.publish_ts = t;
    expected.updates = 2;
    // a reviewed value opens a new guard window
    expected.anchor_value = 1_010_000;
    expected.anchor_ts = t;
    assert_same(&f, &expected);
}

#[tokio::test]
async fn governance_publish_ok_makes_a_move_the_reporter_could_not() {
    // Given a feed at 1.000000 with a 5 % guard
    let (mut chain, env) = setup().await;
    let t = later(&mut chain, 60).await;
    let r = env.reporter.pubkey();
    let g = env.governance.pubkey();
    for value in [3 * NAV, NAV / 2] {
        // When the reporter publishes a move beyond the guard, it is refused
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::publish(&r, &env.feed, value, t),
            &[&env.reporter],
            OracleError::MoveNeedsGovernance,
        )
        .await;
    }
    // But governance may publish the same tripling
    chain
        .must(
            &[ix::governance_publish(&g, &env.feed, 3 * NAV, t)],
            &[&env.governance],
        )
        .await;
    let f = env.state(&mut chain).await;
    assert_eq!(f.value, 3 * NAV);
    assert_eq!(f.publish_ts, t);
    // And a fall to the smallest value
    let t = later(&mut chain, 1).await;
    chain
        .must(
            &[ix::governance_publish(&g, &env.feed, 1, t)],
            &[&env.governance],
        )
        .await;
    let f = env.state(&mut chain).await;
    assert_eq!(f.value, 1);
    assert_eq!(f.publish_ts, t);
    assert_eq!(f.updates, 3);
}

#[tokio::test]
async fn governance_publish_ok_the_reporters_guard_then_applies_to_the_new_value() {
    // Given a NAV governance tripled
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let r = env.reporter.pubkey();
    let t = later(&mut chain, 60).await;
    chain
        .must(
            &[ix::governance_publish(&g, &env.feed, 3 * NAV, t)],
            &[&env.governance],
        )
        .await;
    // When the reporter publishes 5 % above it
    let t = later(&mut chain, 60).await;
    chain
        .must(
            &[ix::publish(&r, &env.feed, 3_150_000, t)],
            &[&env.reporter],
        )
        .await;
    // Then it is taken: the guard is relative to the last value
    assert_eq!(env.state(&mut chain).await.value, 3_150_000);
}

#[tokio::test]
async fn governance_publish_fails_when_the_value_is_zero() {
    let (mut chain, env) = setup().await;
    let t = later(&mut chain, 60).await;
    let g = env.governance.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::governance_publish(&g, &env.feed, 0, t),
        &[&env.governance],
        OracleError::NonPositiveValue,
    )
    .await;
}

#[tokio::test]
async fn governance_publish_fails_when_the_time_is_not_after_the_last() {
    // Given a feed last published at t0, a minute ago
    let (mut chain, env) = setup().await;
    let t0 = env.state(&mut chain).await.publish_ts;
    later(&mut chain, 60).await;
    let g = env.governance.pubkey();
    // When governance publishes at t0 or before
    for ts in [t0, t0 - 1, 0, i64::MIN] {
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::governance_publish(&g, &env.feed, NAV + 1, ts),
            &[&env.governance],
            OracleError::PublishTimeNotIncreasing,
        )
        .await;
    }
}

#[tokio::test]
async fn governance_publish_fails_when_the_time_is_in_the_future() {
    let (mut chain, env) = setup().await;
    let now = later(&mut chain, 60).await;
    let g = env.governance.pubkey();
    for ts in [now + 1, i64::MAX] {
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::governance_publish(&g, &env.feed, NAV + 1, ts),
            &[&env.governance],
            OracleError::PublishTimeInFuture,
        )
        .await;
    }
}

#[tokio::test]
async fn governance_publish_fails_when_not_governance() {
    // Given a feed, its reporter and a stranger
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(SOL).await;
    let t = later(&mut chain, 60).await;
    // When either publishes through the governance path (the reporter included)
    for k in [&env.reporter, &stranger] {
        refused_unchanged(
            &mut chain,
            &env,
            &[stranger.pubkey()],
            ix::governance_publish(&k.pubkey(), &env.feed, 3 * NAV, t),
            &[k],
            OracleError::NotGovernance,
        )
        .await;
    }
}

#[tokio::test]
async fn governance_publish_fails_when_governance_has_not_signed() {
    let (mut chain, env) = setup().await;
    let t = later(&mut chain, 60).await;
    let g = env.governance.pubkey();
    let i = unsigned(ix::governance_publish(&g, &env.feed, 3 * NAV, t), &g);
    refused_unchanged(&mut chain, &env, &[], i, &[], AnchorError::AccountNotSigner).await;
}

#[tokio::test]
async fn governance_publish_fails_when_the_feed_is_a_look_alike() {
    let (mut chain, env) = setup().await;
    let attacker = chain.funded_keypair(SOL).await;
    let a = attacker.pubkey();
    let forged = forged_feed(&mut chain, &env, &a).await;
    let t = later(&mut chain, 60).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[forged],
        ix::governance_publish(&a, &forged, 3 * NAV, t),
        &[&attacker],
        AnchorError::AccountOwnedByWrongProgram,
    )
    .await;
}
