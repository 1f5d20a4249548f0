use crate::common::*;

/// Finding 17: the feed's governance was handed on in one step, so a mistyped key took
/// the role for good. Now only the proposed key can accept; nobody else, and no key when
/// nothing is proposed.
#[tokio::test]
async fn accept_governance_fails_when_not_the_proposed_key() {
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(SOL).await;
    // nothing proposed: even the default-proposal state is refused
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::accept_governance(&stranger.pubkey(), &env.feed),
        &[&stranger],
        OracleError::NotPendingGovernance,
    )
    .await;
    let proposed = chain.funded_keypair(SOL).await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::propose_governance(&g, &env.feed, proposed.pubkey())],
            &[&env.governance],
        )
        .await;
    // the current governance, the reporter and a stranger cannot accept for it
    for k in [&env.governance, &env.reporter, &stranger] {
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            ix::accept_governance(&k.pubkey(), &env.feed),
            &[k],
            OracleError::NotPendingGovernance,
        )
        .await;
    }
    // nor the proposed key without its signature
    let p = proposed.pubkey();
    let i = unsigned(ix::accept_governance(&p, &env.feed), &p);
    refused_unchanged(&mut chain, &env, &[], i, &[], AnchorError::AccountNotSigner).await;
    // the proposed key accepts
    chain
        .must(&[ix::accept_governance(&p, &env.feed)], &[&proposed])
        .await;
    let f = env.state(&mut chain).await;
    assert_eq!((f.governance, f.pending_governance), (p, Pubkey::default()));
    // accepting again is refused (nothing pending any more)
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::accept_governance(&p, &env.feed),
        &[&proposed],
        OracleError::NotPendingGovernance,
    )
    .await;
}
