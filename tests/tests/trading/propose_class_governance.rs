//! `propose_class_governance` and `accept_class_governance`: finding 17, the class's
//! governance rotates in two steps, so a mistyped key can never take it.
use crate::common::*;

#[tokio::test]
async fn propose_class_governance_ok_then_only_the_proposed_key_accepts() {
    let (mut chain, env) = setup().await;
    let class = env.pool.class;
    let g = env.governance.pubkey();
    let new = chain.funded_keypair(1_000_000_000).await;
    let n = new.pubkey();
    chain
        .must(
            &[tx::propose_class_governance(&g, &class, n)],
            &[&env.governance],
        )
        .await;
    let c: tx::TradingClass = chain.account(&class).await;
    assert_eq!((c.governance, c.pending_governance), (g, n));
    // nobody else accepts; the proposed key must sign
    for who in [&env.governance, &env.beacon, &env.freezer] {
        let ix = tx::accept_class_governance(&who.pubkey(), &class);
        refused_unchanged(
            &mut chain,
            &env,
            &[class],
            &[ix],
            &[who],
            TradingError::NotPendingGovernance,
        )
        .await;
    }
    let ix = unsigned(tx::accept_class_governance(&n, &class), &n);
    assert_failed(chain.send(&[ix], &[]).await);
    chain
        .must(&[tx::accept_class_governance(&n, &class)], &[&new])
        .await;
    let c: tx::TradingClass = chain.account(&class).await;
    assert_eq!((c.governance, c.pending_governance), (n, Pubkey::default()));
    // the old key is no governance any more
    let ix = tx::propose_class_governance(&g, &class, g);
    refused_unchanged(
        &mut chain,
        &env,
        &[class],
        &[ix],
        &[&env.governance],
        TradingError::NotGovernance,
    )
    .await;
}

#[tokio::test]
async fn propose_class_governance_fails_when_not_governance_and_a_proposal_can_be_withdrawn() {
    let (mut chain, env) = setup().await;
    let class = env.pool.class;
    let ix = tx::propose_class_governance(&env.beacon.pubkey(), &class, env.beacon.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[class],
        &[ix],
        &[&env.beacon],
        TradingError::NotGovernance,
    )
    .await;
    let g = env.governance.pubkey();
    let stranger = chain.funded_keypair(1_000_000_000).await;
    chain
        .must(
            &[
                tx::propose_class_governance(&g, &class, stranger.pubkey()),
                tx::propose_class_governance(&g, &class, Pubkey::default()),
            ],
            &[&env.governance],
        )
        .await;
    let ix = tx::accept_class_governance(&stranger.pubkey(), &class);
    refused_unchanged(
        &mut chain,
        &env,
        &[class],
        &[ix],
        &[&stranger],
        TradingError::NotPendingGovernance,
    )
    .await;
}
