use crate::common::*;

#[tokio::test]
async fn add_reporter_ok_appends_the_reporter() {
    // Given a feed with one reporter
    let (mut chain, env) = setup().await;
    let before = env.state(&mut chain).await;
    assert_eq!(before.reporters[0], env.reporter.pubkey());
    assert_eq!(before.reporter_count, 1);
    // When governance approves a second one
    let new = Keypair::new().pubkey();
    let g = env.governance.pubkey();
    chain
        .must(&[ix::add_reporter(&g, &env.feed, new)], &[&env.governance])
        .await;
    // Then it takes the next slot and nothing else changes
    let f = env.state(&mut chain).await;
    assert_eq!(f.reporters[0], env.reporter.pubkey());
    assert_eq!(f.reporters[1], new);
    assert_eq!(f.reporters[2], Pubkey::default());
    assert_eq!(f.reporters[3], Pubkey::default());
    assert_eq!(f.reporter_count, 2);
    assert!(f.is_reporter(&new));
    let mut expected = before.clone();
    expected.reporters[1] = new;
    expected.reporter_count = 2;
    assert_same(&f, &expected);
}

#[tokio::test]
async fn add_reporter_ok_a_new_reporter_can_publish() {
    // Given a second approved reporter
    let (mut chain, env) = setup().await;
    let new = chain.funded_keypair(SOL).await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::add_reporter(&g, &env.feed, new.pubkey())],
            &[&env.governance],
        )
        .await;
    // When it publishes
    let t = later(&mut chain, 60).await;
    chain
        .must(
            &[ix::publish(&new.pubkey(), &env.feed, NAV + 7, t)],
            &[&new],
        )
        .await;
    // Then the feed takes its value
    let f = env.state(&mut chain).await;
    assert_eq!(f.value, NAV + 7);
    assert_eq!(f.publish_ts, t);
    assert_eq!(f.updates, 2);
}

#[tokio::test]
async fn add_reporter_ok_fills_every_slot_then_fails_when_the_feed_is_full() {
    // Given a feed with one reporter
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    // When governance fills the other three slots
    let more: Vec<Pubkey> = (1..MAX_REPORTERS)
        .map(|_| Keypair::new().pubkey())
        .collect();
    for r in &more {
        chain
            .must(&[ix::add_reporter(&g, &env.feed, *r)], &[&env.governance])
            .await;
    }
    // Then all four hold a reporter
    let f = env.state(&mut chain).await;
    assert_eq!(usize::from(f.reporter_count), MAX_REPORTERS);
    assert_eq!(f.reporters[0], env.reporter.pubkey());
    assert_eq!(&f.reporters[1..], &more[..]);
    // And a fifth is refused
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::add_reporter(&g, &env.feed, Keypair::new().pubkey()),
        &[&env.governance],
        OracleError::TooManyReporters,
    )
    .await;
}

#[tokio::test]
async fn add_reporter_ok_reuses_the_slot_a_removal_freed() {
    // Given a full feed from which one reporter was removed
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let more: Vec<Pubkey> = (1..MAX_REPORTERS)
        .map(|_| Keypair::new().pubkey())
        .collect();
    for r in &more {
        chain
            .must(&[ix::add_reporter(&g, &env.feed, *r)], &[&env.governance])
            .await;
    }
    chain
        .must(
            &[ix::remove_reporter(&g, &env.feed, more[0])],
            &[&env.governance],
        )
        .await;
    // When governance approves another
    let new = Keypair::new().pubkey();
    chain
        .must(&[ix::add_reporter(&g, &env.feed, new)], &[&env.governance])
        .await;
    // Then it takes the last slot
    let f = env.state(&mut chain).await;
    assert_eq!(f.reporters, [env.reporter.pubkey(), more[2], more[1], new]);
    assert_eq!(usize::from(f.reporter_count), MAX_REPORTERS);
}

#[tokio::test]
async fn add_reporter_fails_when_the_reporter_is_the_default_key() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::add_reporter(&g, &env.feed, Pubkey::default()),
        &[&env.governance],
        OracleError::DefaultKey,
    )
    .await;
}

#[tokio::test]
async fn add_reporter_fails_when_the_reporter_is_already_approved() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::add_reporter(&g, &env.feed, env.reporter.pubkey()),
        &[&env.governance],
        OracleError::ReporterAlreadyApproved,
    )
    .await;
}

#[tokio::test]
async fn add_reporter_fails_when_not_governance() {
    // Given a feed, its reporter and a stranger
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(SOL).await;
    // When either tries to approve a reporter, itself included
    for k in [&env.reporter, &stranger] {
        refused_unchanged(
            &mut chain,
            &env,
            &[stranger.pubkey()],
            ix::add_reporter(&k.pubkey(), &env.feed, stranger.pubkey()),
            &[k],
            OracleError::NotGovernance,
        )
        .await;
    }
}

#[tokio::test]
async fn add_reporter_fails_when_governance_has_not_signed() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let i = unsigned(ix::add_reporter(&g, &env.feed, Keypair::new().pubkey()), &g);
    refused_unchanged(&mut chain, &env, &[], i, &[], AnchorError::AccountNotSigner).await;
}

#[tokio::test]
async fn add_reporter_fails_when_the_feed_is_a_look_alike() {
    // Given a feed, and an attacker holding a token mint, a system account and a copy of
    // the feed (naming it governance) owned by another program
    let (mut chain, env) = setup().await;
    let attacker = chain.funded_keypair(SOL).await;
    let a = attacker.pubkey();
    let mint = chain.create_mint(MintKind::SplToken, 6).await;
    let forged = forged_feed(&mut chain, &env, &a).await;
    // When each is passed as the feed, the attacker signing as governance
    for fake in [mint, a, forged] {
        // Then Anchor refuses an account the oracle program does not own
        refused_unchanged(
            &mut chain,
            &env,
            &[fake],
            ix::add_reporter(&a, &fake, a),
            &[&attacker],
            AnchorError::AccountOwnedByWrongProgram,
        )
        .await;
    }
    // And a feed address that holds no account yet is refused as uninitialised
    let missing = halo_sdk::pda::feed(&a, FEED_ID);
    refused_unchanged(
        &mut chain,
        &env,
        &[missing],
        ix::add_reporter(&a, &missing, a),
        &[&attacker],
        AnchorError::AccountNotInitialized,
    )
    .await;
}
