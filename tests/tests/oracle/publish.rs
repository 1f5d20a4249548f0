use crate::common::*;

#[tokio::test]
async fn publish_ok_records_a_move_within_the_guard() {
    // Given a feed at 1.000000 with a 5 % guard
    let (mut chain, env) = setup().await;
    let before = env.state(&mut chain).await;
    // When the reporter publishes 1.020000 a minute later, at the current time
    let t = later(&mut chain, 60).await;
    let r = env.reporter.pubkey();
    chain
        .must(
            &[ix::publish(&r, &env.feed, 1_020_000, t)],
            &[&env.reporter],
        )
        .await;
    // Then the feed takes the value and time, counts the update, and nothing else changes
    let f = env.state(&mut chain).await;
    assert_eq!(f.value, 1_020_000);
    assert_eq!(f.publish_ts, t);
    assert_eq!(f.updates, 2);
    let mut expected = before.clone();
    expected.value = 1_020_000;
    expected.publish_ts = t;
    expected.updates = 2;
    assert_same(&f, &expected);
}

#[tokio::test]
async fn publish_ok_an_unchanged_value_with_a_time_between_the_last_and_now() {
    // Given a feed last published at t0, ten minutes ago
    let (mut chain, env) = setup().await;
    let t0 = env.state(&mut chain).await.publish_ts;
    later(&mut chain, 600).await;
    // When the reporter confirms the same NAV as of t0 + 1
    let r = env.reporter.pubkey();
    chain
        .must(&[ix::publish(&r, &env.feed, NAV, t0 + 1)], &[&env.reporter])
        .await;
    // Then the feed records it
    let f = env.state(&mut chain).await;
    assert_eq!(f.value, NAV);
    assert_eq!(f.publish_ts, t0 + 1);
    assert_eq!(f.updates, 2);
}

#[tokio::test]
async fn publish_ok_exactly_at_the_guard_either_way() {
    // Given a feed at 1.000000 with a 5 % guard
    let (mut chain, env) = setup().await;
    let r = env.reporter.pubkey();
    // When the reporter moves exactly 5 % up, then exactly 5 % down
    let t = later(&mut chain, 60).await;
    chain
        .must(
            &[ix::publish(&r, &env.feed, 1_050_000, t)],
            &[&env.reporter],
        )
        .await;
    assert_eq!(env.state(&mut chain).await.value, 1_050_000);
    let t = later(&mut chain, 60).await;
    chain
        .must(&[ix::publish(&r, &env.feed, 997_500, t)], &[&env.reporter])
        .await;
    // Then both are taken
    let f = env.state(&mut chain).await;
    assert_eq!(f.value, 997_500);
    assert_eq!(f.publish_ts, t);
    assert_eq!(f.updates, 3);
}

#[tokio::test]
async fn publish_fails_when_the_move_is_just_beyond_the_guard() {
    // Given a feed at 1.000000 with a 5 % guard
    let (mut chain, env) = setup().await;
    let r = env.reporter.pubkey();
    let t = later(&mut chain, 60).await;
    // When the reporter moves one unit beyond 5 %, up or down
    for value in [1_050_001, 949_999, u64::MAX, 1] {
        // Then governance must publish it
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
}

#[tokio::test]
async fn publish_fails_when_the_move_is_just_beyond_a_one_bps_guard() {
    // Given a feed at 1.000000 with a 1 bps guard
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    chain
        .must(&[ix::set_max_move(&g, &env.feed, 1)], &[&env.governance])
        .await;
    let r = env.reporter.pubkey();
    let t = later(&mut chain, 60).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::publish(&r, &env.feed, 1_000_101, t),
        &[&env.reporter],
        OracleError::MoveNeedsGovernance,
    )
    .await;
    chain
        .must(
            &[ix::publish(&r, &env.feed, 1_000_100, t)],
            &[&env.reporter],
        )
        .await;
    assert_eq!(env.state(&mut chain).await.value, 1_000_100);
}

#[tokio::test]
async fn publish_fails_when_the_value_is_zero() {
    // Given a feed with a 5 % guard, then with a 100 % guard (where zero is within it)
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let r = env.reporter.pubkey();
    let t = later(&mut chain, 60).await;
    for bps in [MAX_MOVE, MAX_MOVE_BPS] {
        chain
            .must(&[ix::set_max_move(&g, &env.feed, bps)], &[&env.governance])
            .await;
        // When the reporter publishes zero
        // Then it is refused as non-positive, not as a move
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::publish(&r, &env.feed, 0, t),
            &[&env.reporter],
            OracleError::NonPositiveValue,
        )
        .await;
    }
}

#[tokio::test]
async fn publish_fails_when_the_time_is_not_after_the_last() {
    // Given a feed the reporter last published at t1
    let (mut chain, env) = setup().await;
    let r = env.reporter.pubkey();
    let t1 = later(&mut chain, 60).await;
    chain
        .must(&[ix::publish(&r, &env.feed, NAV + 1, t1)], &[&env.reporter])
        .await;
    later(&mut chain, 60).await;
    // When it publishes at t1 again, or earlier
    for ts in [t1, t1 - 1, 0, i64::MIN] {
        // Then it is refused
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::publish(&r, &env.feed, NAV + 2, ts),
            &[&env.reporter],
            OracleError::PublishTimeNotIncreasing,
        )
        .await;
    }
}

#[tokio::test]
async fn publish_fails_when_the_time_is_governances_last_publish() {
    // Given governance published at t
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let r = env.reporter.pubkey();
    let t = later(&mut chain, 60).await;
    chain
        .must(
            &[ix::governance_publish(&g, &env.feed, NAV + 1, t)],
            &[&env.governance],
        )
        .await;
    // When the reporter publishes at the same second
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::publish(&r, &env.feed, NAV + 2, t),
        &[&env.reporter],
        OracleError::PublishTimeNotIncreasing,
    )
    .await;
}

#[tokio::test]
async fn publish_fails_when_the_time_is_the_second_the_feed_was_created() {
    // Given a feed created this second (no clock advance)
    let (mut chain, env) = setup().await;
    let t0 = env.state(&mut chain).await.publish_ts;
    assert_eq!(chain.now().await, t0);
    // When the reporter publishes now
    // Then the time is not after the creation's, and a second later is the future
    let r = env.reporter.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::publish(&r, &env.feed, NAV + 1, t0),
        &[&env.reporter],
        OracleError::PublishTimeNotIncreasing,
    )
    .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::publish(&r, &env.feed, NAV + 1, t0 + 1),
        &[&env.reporter],
        OracleError::PublishTimeInFuture,
    )
    .await;
}

#[tokio::test]
async fn publish_fails_when_the_time_is_in_the_future() {
    let (mut chain, env) = setup().await;
    let r = env.reporter.pubkey();
    let now = later(&mut chain, 60).await;
    for ts in [now + 1, now + 3600, i64::MAX] {
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::publish(&r, &env.feed, NAV + 1, ts),
            &[&env.reporter],
            OracleError::PublishTimeInFuture,
        )
        .await;
    }
}

#[tokio::test]
async fn publish_fails_when_not_a_reporter() {
    // Given a feed, its governance (not a reporter) and a stranger
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(SOL).await;
    let t = later(&mut chain, 60).await;
    // When either publishes through the reporter path
    for k in [&env.governance, &stranger] {
        refused_unchanged(
            &mut chain,
            &env,
            &[stranger.pubkey()],
            ix::publish(&k.pubkey(), &env.feed, NAV + 1, t),
            &[k],
            OracleError::NotReporter,
        )
        .await;
    }
}

#[tokio::test]
async fn publish_fails_when_the_reporter_is_not_approved_for_the_feed() {
    // Given a second feed, by another governance, without the reporter
    let (mut chain, env) = setup().await;
    let other = chain.funded_keypair(10 * SOL).await;
    let o = other.pubkey();
    chain
        .must(&[ix::create_feed(&o, args(FEED_ID))], &[&other])
        .await;
    let other_feed = halo_sdk::pda::feed(&o, FEED_ID);
    let t = later(&mut chain, 60).await;
    // When the first feed's reporter publishes to it
    // Then it is refused
    refused_unchanged(
        &mut chain,
        &env,
        &[other_feed, o],
        ix::publish(&env.reporter.pubkey(), &other_feed, NAV + 1, t),
        &[&env.reporter],
        OracleError::NotReporter,
    )
    .await;
}

#[tokio::test]
async fn publish_fails_when_the_reporter_has_not_signed() {
    let (mut chain, env) = setup().await;
    let r = env.reporter.pubkey();
    let t = later(&mut chain, 60).await;
    let i = unsigned(ix::publish(&r, &env.feed, NAV + 1, t), &r);
    refused_unchanged(&mut chain, &env, &[], i, &[], AnchorError::AccountNotSigner).await;
}

#[tokio::test]
async fn publish_fails_when_the_feed_is_a_look_alike() {
    // Given a copy of the feed naming the attacker its reporter, owned by another program,
    // and a token mint
    let (mut chain, env) = setup().await;
    let attacker = chain.funded_keypair(SOL).await;
    let a = attacker.pubkey();
    let forged = forged_feed(&mut chain, &env, &a).await;
    let mint = chain.create_mint(MintKind::SplToken, 6).await;
    let t = later(&mut chain, 60).await;
    // When the attacker publishes to either
    for fake in [forged, mint] {
        // Then Anchor refuses an account the oracle program does not own
        refused_unchanged(
            &mut chain,
            &env,
            &[fake],
            ix::publish(&a, &fake, 3 * NAV, t),
            &[&attacker],
            AnchorError::AccountOwnedByWrongProgram,
        )
        .await;
    }
}

#[tokio::test]
async fn publish_fails_when_guarded_steps_add_up_beyond_the_window_anchor() {
    // Given a feed at 1.000000 with a 5 % guard, last published ten seconds ago
    let (mut chain, env) = setup().await;
    let t0 = env.state(&mut chain).await.publish_ts;
    later(&mut chain, 10).await;
    let r = env.reporter.pubkey();
    // When the reporter walks the value up in +2.5 % steps, one a second
    chain
        .must(
            &[ix::publish(&r, &env.feed, NAV * 1025 / 1000, t0 + 1)],
            &[&env.reporter],
        )
        .await;
    chain
        .must(
            &[ix::publish(&r, &env.feed, NAV * 105 / 100, t0 + 2)],
            &[&env.reporter],
        )
        .await;
    // Then a third step, within 5 % of the last value but 7.5 % from the window's
    // anchor, is refused: the guard bounds the window, not each step
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::publish(&r, &env.feed, NAV * 1075 / 1000, t0 + 3),
        &[&env.reporter],
        OracleError::MoveNeedsGovernance,
    )
    .await;
    // And a day later a new window opens at the then-current value
    let t1 = later(&mut chain, 24 * 3600).await;
    chain
        .must(
            &[ix::publish(&r, &env.feed, NAV * 1075 / 1000, t1)],
            &[&env.reporter],
        )
        .await;
    let f = env.state(&mut chain).await;
    assert_eq!(
        (f.value, f.anchor_value, f.anchor_ts),
        (NAV * 1075 / 1000, NAV * 105 / 100, t1)
    );
}
