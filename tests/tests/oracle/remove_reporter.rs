use crate::common::*;

/// Approves three more reporters (four in all) and returns them.
async fn fill(chain: &mut Chain, env: &Env) -> Vec<Pubkey> {
    let g = env.governance.pubkey();
    let more: Vec<Pubkey> = (1..MAX_REPORTERS)
        .map(|_| Keypair::new().pubkey())
        .collect();
    for r in &more {
        chain
            .must(&[ix::add_reporter(&g, &env.feed, *r)], &[&env.governance])
            .await;
    }
    more
}

#[tokio::test]
async fn remove_reporter_ok_moves_the_last_reporter_into_the_gap() {
    // Given a full feed [r0, r1, r2, r3]
    let (mut chain, env) = setup().await;
    let more = fill(&mut chain, &env).await;
    let before = env.state(&mut chain).await;
    // When governance removes r1
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::remove_reporter(&g, &env.feed, more[0])],
            &[&env.governance],
        )
        .await;
    // Then r3 takes its slot, the last slot is cleared and nothing else changes
    let f = env.state(&mut chain).await;
    assert_eq!(
        f.reporters,
        [env.reporter.pubkey(), more[2], more[1], Pubkey::default()]
    );
    assert_eq!(f.reporter_count, 3);
    assert!(!f.is_reporter(&more[0]));
    let mut expected = before.clone();
    expected.reporters = f.reporters;
    expected.reporter_count = 3;
    assert_same(&f, &expected);
}

#[tokio::test]
async fn remove_reporter_ok_removes_the_only_reporter() {
    // Given a feed with one reporter
    let (mut chain, env) = setup().await;
    let before = env.state(&mut chain).await;
    // When governance removes it
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::remove_reporter(&g, &env.feed, env.reporter.pubkey())],
            &[&env.governance],
        )
        .await;
    // Then the feed has none
    let f = env.state(&mut chain).await;
    assert_eq!(f.reporters, [Pubkey::default(); MAX_REPORTERS]);
    assert_eq!(f.reporter_count, 0);
    let mut expected = before.clone();
    expected.reporters = [Pubkey::default(); MAX_REPORTERS];
    expected.reporter_count = 0;
    assert_same(&f, &expected);
}

#[tokio::test]
async fn remove_reporter_ok_a_removed_reporter_can_no_longer_publish() {
    // Given a reporter that published once
    let (mut chain, env) = setup().await;
    let r = env.reporter.pubkey();
    let t = later(&mut chain, 60).await;
    chain
        .must(&[ix::publish(&r, &env.feed, NAV + 1, t)], &[&env.reporter])
        .await;
    // When governance removes it
    let g = env.governance.pubkey();
    chain
        .must(&[ix::remove_reporter(&g, &env.feed, r)], &[&env.governance])
        .await;
    // Then its next publish is refused and the feed keeps the last value
    let t = later(&mut chain, 60).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::publish(&r, &env.feed, NAV + 2, t),
        &[&env.reporter],
        OracleError::NotReporter,
    )
    .await;
    let f = env.state(&mut chain).await;
    assert_eq!(f.value, NAV + 1);
    assert_eq!(f.updates, 2);
}

#[tokio::test]
async fn remove_reporter_ok_the_remaining_reporters_still_publish() {
    // Given a full feed from which r0 was removed
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let r3 = chain.funded_keypair(SOL).await;
    fill(&mut chain, &env).await;
    chain
        .must(
            &[ix::remove_reporter(&g, &env.feed, env.reporter.pubkey())],
            &[&env.governance],
        )
        .await;
    chain
        .must(
            &[ix::add_reporter(&g, &env.feed, r3.pubkey())],
            &[&env.governance],
        )
        .await;
    // When a reporter approved after the removal publishes
    let t = later(&mut chain, 60).await;
    chain
        .must(&[ix::publish(&r3.pubkey(), &env.feed, NAV + 3, t)], &[&r3])
        .await;
    // Then the feed takes it
    assert_eq!(env.state(&mut chain).await.value, NAV + 3);
}

#[tokio::test]
async fn remove_reporter_fails_when_the_reporter_is_unknown() {
    // Given a feed with one reporter and three empty slots
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    // When governance removes a stranger, or the default key the empty slots hold
    for r in [Keypair::new().pubkey(), Pubkey::default()] {
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::remove_reporter(&g, &env.feed, r),
            &[&env.governance],
            OracleError::UnknownReporter,
        )
        .await;
    }
}

#[tokio::test]
async fn remove_reporter_fails_when_the_reporter_was_already_removed() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let r = env.reporter.pubkey();
    chain
        .must(&[ix::remove_reporter(&g, &env.feed, r)], &[&env.governance])
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::remove_reporter(&g, &env.feed, r),
        &[&env.governance],
        OracleError::UnknownReporter,
    )
    .await;
}

#[tokio::test]
async fn remove_reporter_fails_when_not_governance() {
    // Given a feed, its reporter and a stranger
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(SOL).await;
    let r = env.reporter.pubkey();
    // When either tries to remove the reporter
    for k in [&env.reporter, &stranger] {
        refused_unchanged(
            &mut chain,
            &env,
            &[stranger.pubkey()],
            ix::remove_reporter(&k.pubkey(), &env.feed, r),
            &[k],
            OracleError::NotGovernance,
        )
        .await;
    }
}

#[tokio::test]
async fn remove_reporter_fails_when_governance_has_not_signed() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let i = unsigned(
        ix::remove_reporter(&g, &env.feed, env.reporter.pubkey()),
        &g,
    );
    refused_unchanged(&mut chain, &env, &[], i, &[], AnchorError::AccountNotSigner).await;
}
