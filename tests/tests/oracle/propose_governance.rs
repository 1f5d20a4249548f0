use crate::common::*;

/// Proposes `new` and has it accept: the two-step hand-over.
async fn hand_over(chain: &mut Chain, env: &Env, new: &Keypair) {
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::propose_governance(&g, &env.feed, new.pubkey())],
            &[&env.governance],
        )
        .await;
    chain
        .must(&[ix::accept_governance(&new.pubkey(), &env.feed)], &[new])
        .await;
}

#[tokio::test]
async fn propose_governance_ok_records_the_proposal_and_changes_nothing_else() {
    // Given a feed governed by its creator
    let (mut chain, env) = setup().await;
    let before = env.state(&mut chain).await;
    // When governance proposes a new key
    let new = Keypair::new().pubkey();
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::propose_governance(&g, &env.feed, new)],
            &[&env.governance],
        )
        .await;
    // Then only the proposal is recorded: governance is unchanged until it accepts
    let f = env.state(&mut chain).await;
    let mut expected = before.clone();
    expected.pending_governance = new;
    assert_same(&f, &expected);
    assert_eq!(f.governance, g);
    // and the default key withdraws it
    chain
        .must(
            &[ix::propose_governance(&g, &env.feed, Pubkey::default())],
            &[&env.governance],
        )
        .await;
    assert_same(&env.state(&mut chain).await, &before);
}

#[tokio::test]
async fn propose_governance_ok_the_old_key_is_refused_and_the_new_one_works() {
    // Given a feed whose governance was handed to a new key (proposed, then accepted)
    let (mut chain, env) = setup().await;
    let new = chain.funded_keypair(SOL).await;
    let n = new.pubkey();
    let g = env.governance.pubkey();
    hand_over(&mut chain, &env, &new).await;
    let f = env.state(&mut chain).await;
    assert_eq!((f.governance, f.pending_governance), (n, Pubkey::default()));
    assert_eq!(f.authority, g);
    assert_eq!(halo_sdk::pda::feed(&f.authority, f.feed_id), env.feed);
    let t = later(&mut chain, 60).await;
    // When the old key uses each governance instruction
    let old_calls = [
        ix::add_reporter(&g, &env.feed, Keypair::new().pubkey()),
        ix::remove_reporter(&g, &env.feed, env.reporter.pubkey()),
        ix::set_max_move(&g, &env.feed, MAX_MOVE_BPS),
        ix::propose_governance(&g, &env.feed, g),
        ix::governance_publish(&g, &env.feed, 3 * NAV, t),
    ];
    // Then each is refused
    for i in old_calls {
        refused_unchanged(
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
}

#[tokio::test]
async fn propose_governance_fails_when_not_governance() {
    // Given a feed, its reporter and a stranger
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(SOL).await;
    // When either tries to propose itself
    for k in [&env.reporter, &stranger] {
        refused_unchanged(
            &mut chain,
            &env,
            &[stranger.pubkey()],
            ix::propose_governance(&k.pubkey(), &env.feed, k.pubkey()),
            &[k],
            OracleError::NotGovernance,
        )
        .await;
    }
}

#[tokio::test]
async fn propose_governance_fails_when_governance_has_not_signed() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let attacker = Keypair::new().pubkey();
    let i = unsigned(ix::propose_governance(&g, &env.feed, attacker), &g);
    refused_unchanged(&mut chain, &env, &[], i, &[], AnchorError::AccountNotSigner).await;
}

#[tokio::test]
async fn propose_governance_fails_when_the_feed_is_a_look_alike() {
    // Given a copy of the feed naming the attacker governance, owned by another program
    let (mut chain, env) = setup().await;
    let attacker = chain.funded_keypair(SOL).await;
    let a = attacker.pubkey();
    let forged = forged_feed(&mut chain, &env, &a).await;
    // When the attacker proposes itself on the look-alike, Anchor refuses it by owner
    refused_unchanged(
        &mut chain,
        &env,
        &[forged],
        ix::propose_governance(&a, &forged, a),
        &[&attacker],
        AnchorError::AccountOwnedByWrongProgram,
    )
    .await;
}
