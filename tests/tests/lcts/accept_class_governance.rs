//! `accept_class_governance`: only the proposed key, and only while there is a proposal.
use crate::common::*;

#[tokio::test]
async fn accept_class_governance_fails_without_a_proposal_or_for_another_key() {
    let (mut chain, env) = setup().await;
    let new = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::accept_class_governance(&new.pubkey(), &env.unit.class);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&new],
        LctsError::NotPendingGovernance,
    )
    .await;
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
    // governance itself cannot accept for the proposed key
    let ix2 = tx::accept_class_governance(&g, &env.unit.class);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix2,
        &[&env.governance],
        LctsError::NotPendingGovernance,
    )
    .await;
    // a withdrawn proposal (the default key) cannot be accepted by anyone
    chain
        .must(
            &[tx::propose_class_governance(
                &g,
                &env.unit.class,
                Pubkey::default(),
            )],
            &[&env.governance],
        )
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&new],
        LctsError::NotPendingGovernance,
    )
    .await;
}
