//! `propose_class_governance` / `accept_class_governance`: two-step governance handover.
use crate::common::*;

#[tokio::test]
async fn propose_class_governance_ok_then_the_proposed_key_accepts() {
    let (mut chain, env) = setup().await;
    let new = chain.funded_keypair(1_000_000_000).await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::propose_class_governance(
                &g,
                &env.unit.class,
                new.pubkey(),
            )],
            &[&env.governance],
        )
        .await;
    chain
        .must(
            &[tx::accept_class_governance(&new.pubkey(), &env.unit.class)],
            &[&new],
        )
        .await;
    let c: tx::LctsClass = chain.account(&env.unit.class).await;
    assert_eq!(
        (c.governance, c.pending_governance),
        (new.pubkey(), Pubkey::default())
    );
    // the old governance has no power left
    let ix = tx::set_exchange_rate(&g, &env.unit, WAD);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        LctsError::NotGovernance,
    )
    .await;
    chain
        .must(
            &[tx::set_exchange_rate(&new.pubkey(), &env.unit, WAD)],
            &[&new],
        )
        .await;
}

#[tokio::test]
async fn propose_class_governance_fails_for_anyone_else_and_accept_for_another_key() {
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let s = stranger.pubkey();
    let ix = tx::propose_class_governance(&s, &env.unit.class, s);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&stranger],
        LctsError::NotGovernance,
    )
    .await;
    let ix = tx::accept_class_governance(&s, &env.unit.class);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&stranger],
        LctsError::NotPendingGovernance,
    )
    .await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::propose_class_governance(
                &g,
                &env.unit.class,
                env.beacon.pubkey(),
            )],
            &[&env.governance],
        )
        .await;
    let ix = tx::accept_class_governance(&s, &env.unit.class);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&stranger],
        LctsError::NotPendingGovernance,
    )
    .await;
}
