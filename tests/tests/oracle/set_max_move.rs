use crate::common::*;

#[tokio::test]
async fn set_max_move_ok_sets_the_guard_at_both_bounds() {
    // Given a feed at a 5 % guard
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    for bps in [1, MAX_MOVE_BPS] {
        let before = env.state(&mut chain).await;
        // When governance sets the guard to each bound
        chain
            .must(&[ix::set_max_move(&g, &env.feed, bps)], &[&env.governance])
            .await;
        // Then the feed carries it and nothing else changes
        let f = env.state(&mut chain).await;
        assert_eq!(f.max_move_bps, bps);
        let mut expected = before.clone();
        expected.max_move_bps = bps;
        assert_same(&f, &expected);
    }
}

#[tokio::test]
async fn set_max_move_ok_the_next_publish_obeys_the_new_guard() {
    // Given a feed at 1.000000 whose guard is tightened from 5 % to 1 %
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let r = env.reporter.pubkey();
    chain
        .must(&[ix::set_max_move(&g, &env.feed, 100)], &[&env.governance])
        .await;
    // When the reporter moves 2 %, then 1 %
    let t = later(&mut chain, 60).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::publish(&r, &env.feed, 1_020_000, t),
        &[&env.reporter],
        OracleError::MoveNeedsGovernance,
    )
    .await;
    chain
        .must(
            &[ix::publish(&r, &env.feed, 1_010_000, t)],
            &[&env.reporter],
        )
        .await;
    // Then only the move within the new guard is taken; widened to 100 %, it may double
    // (against the guard window's anchor, 1.000000)
    assert_eq!(env.state(&mut chain).await.value, 1_010_000);
    chain
        .must(
            &[ix::set_max_move(&g, &env.feed, MAX_MOVE_BPS)],
            &[&env.governance],
        )
        .await;
    let t = later(&mut chain, 60).await;
    chain
        .must(
            &[ix::publish(&r, &env.feed, 2_000_000, t)],
            &[&env.reporter],
        )
        .await;
    assert_eq!(env.state(&mut chain).await.value, 2_000_000);
}

#[tokio::test]
async fn set_max_move_fails_when_zero_or_above_10_000() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    for bps in [0, MAX_MOVE_BPS + 1, u16::MAX] {
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::set_max_move(&g, &env.feed, bps),
            &[&env.governance],
            OracleError::BadMaxMove,
        )
        .await;
    }
}

#[tokio::test]
async fn set_max_move_fails_when_not_governance() {
    // Given a feed, its reporter and a stranger
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(SOL).await;
    // When either tries to widen the guard
    for k in [&env.reporter, &stranger] {
        refused_unchanged(
            &mut chain,
            &env,
            &[stranger.pubkey()],
            ix::set_max_move(&k.pubkey(), &env.feed, MAX_MOVE_BPS),
            &[k],
            OracleError::NotGovernance,
        )
        .await;
    }
}

#[tokio::test]
async fn set_max_move_fails_when_governance_has_not_signed() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let i = unsigned(ix::set_max_move(&g, &env.feed, MAX_MOVE_BPS), &g);
    refused_unchanged(&mut chain, &env, &[], i, &[], AnchorError::AccountNotSigner).await;
}
