//! `set_class_paused`: The class pause: three roles may pause, only governance unpauses.
use crate::common::*;

#[tokio::test]
async fn set_class_paused_ok_pause_by_three_roles_unpause_by_governance_only() {
    let (mut chain, env) = setup().await;
    let class = env.pool.class;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::set_class_paused(&stranger.pubkey(), &class, true);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotPauser,
    )
    .await;
    for k in [&env.beacon, &env.freezer] {
        chain
            .must(&[tx::set_class_paused(&k.pubkey(), &class, true)], &[k])
            .await;
        let ix = tx::set_class_paused(&k.pubkey(), &class, false);
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[k],
            TradingError::OnlyGovernanceUnpauses,
        )
        .await;
        let g = env.governance.pubkey();
        chain
            .must(
                &[tx::set_class_paused(&g, &class, false)],
                &[&env.governance],
            )
            .await;
    }
    let c: tx::TradingClass = chain.account(&class).await;
    assert!(!c.paused);
}
