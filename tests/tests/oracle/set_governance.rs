use crate::common::*;

#[tokio::test]
async fn set_governance_ok_hands_governance_on_without_moving_the_feed() {
    // Given a feed governed by its creator
    let (mut chain, env) = setup().await;
    let before = env.state(&mut chain).await;
    // When governance hands it to a new key
    let new = Keypair::new().pubkey();
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::set_governance(&g, &env.feed, new)],
            &[&env.governance],
        )
        .await;
    // Then the feed names the new key; its creator (and so its address) is unchanged
    let f = env.state(&mut chain).await;
    assert_eq!(f.governance, new);
    assert_eq!(f.authority, g);
    assert_eq!(ix::feed_address(&f.authority, f.feed_id), env.feed);
    let mut expected = before.clone();
    expected.governance = new;
    assert_same(&f, &expected);
}

#[tokio::test]
async fn set_governance_ok_the_old_key_is_refused_and_the_new_one_works() {
    // Given a feed whose governance was handed to a new key
    let (mut chain, env) = setup().await;
    let new = chain.funded_keypair(SOL).await;
    let n = new.pubkey();
    let g = env.governance.pubkey();
    chain
        .must(&[ix::set_governance(&g, &env.feed, n)], &[&env.governance])
        .await;
    let t = later(&mut chain, 60).await;
    // When the old key uses each governance instruction
    let old_calls = [
        ix::add_reporter(&g, &env.feed, Keypair::new().pubkey()),
        ix::remove_reporter(&g, &env.feed, env.reporter.pubkey()),
        ix::set_max_move(&g, &env.feed, MAX_MOVE_BPS),
        ix::set_governance(&g, &env.feed, g),
        ix::governance_publish(&g, &env.feed, 3 * NAV, t),
    ];
    // Then each is refused
    for i in old_calls {
        refused(
            &mut chain,
            &env,
            &[n],
            i,
            &[&env.governance],
            OracleError::NotGovernance,
        )
        .await;
    }
    // And the new key may use them all
    let r2 = Keypair::new().pubkey();
    chain
        .must(
            &[
                ix::add_reporter(&n, &env.feed, r2),
                ix::remove_reporter(&n, &env.feed, env.reporter.pubkey()),
                ix::set_max_move(&n, &env.feed, 42),
                ix::governance_publish(&n, &env.feed, 3 * NAV, t),
            ],
            &[&new],
        )
        .await;
    let f = env.state(&mut chain).await;
    assert_eq!(f.reporters[0], r2);
    assert_eq!(f.reporter_count, 1);
    assert_eq!(f.max_move_bps, 42);
    assert_eq!(f.value, 3 * NAV);
    assert_eq!(f.publish_ts, t);
    // And may hand governance back
    chain
        .must(&[ix::set_governance(&n, &env.feed, g)], &[&new])
        .await;
    assert_eq!(env.state(&mut chain).await.governance, g);
}

#[tokio::test]
async fn set_governance_fails_for_the_default_key() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    refused(
        &mut chain,
        &env,
        &[],
        ix::set_governance(&g, &env.feed, Pubkey::default()),
        &[&env.governance],
        OracleError::DefaultKey,
    )
    .await;
}

#[tokio::test]
async fn set_governance_fails_when_not_governance() {
    // Given a feed, its reporter and a stranger
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(SOL).await;
    // When either tries to seize governance
    for k in [&env.reporter, &stranger] {
        refused(
            &mut chain,
            &env,
            &[stranger.pubkey()],
            ix::set_governance(&k.pubkey(), &env.feed, k.pubkey()),
            &[k],
            OracleError::NotGovernance,
        )
        .await;
    }
}

#[tokio::test]
async fn set_governance_fails_without_governances_signature() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let attacker = Keypair::new().pubkey();
    let i = unsigned(ix::set_governance(&g, &env.feed, attacker), &g);
    refused_by_anchor(&mut chain, &env, &[], i, &[], AnchorError::AccountNotSigner).await;
}

#[tokio::test]
async fn set_governance_fails_for_a_look_alike_feed() {
    // Given a copy of the feed naming the attacker governance, owned by another program
    let (mut chain, env) = setup().await;
    let attacker = chain.funded_keypair(SOL).await;
    let a = attacker.pubkey();
    let forged = forged_feed(&mut chain, &env, &a).await;
    // When the attacker hands the look-alike's governance to itself
    // Then Anchor refuses it by owner
    refused_by_anchor(
        &mut chain,
        &env,
        &[forged],
        ix::set_governance(&a, &forged, a),
        &[&attacker],
        AnchorError::AccountOwnedByWrongProgram,
    )
    .await;
}
