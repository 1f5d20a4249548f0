//! `create_queue`: each side once, with vaults owned by the unit.
use crate::common::*;

#[tokio::test]
async fn create_queue_ok_both_sides_with_vaults_owned_by_the_unit() {
    let (mut chain, env) = setup().await;
    let s = env.queue(&mut chain, SUB).await;
    let r = env.queue(&mut chain, RED).await;
    assert_eq!(
        (s.underlying_mint, s.reward_mint),
        (env.unit.usds_mint, env.unit.share_mint)
    );
    assert_eq!(
        (r.underlying_mint, r.reward_mint),
        (env.unit.share_mint, env.unit.usds_mint)
    );
    assert_eq!(
        (s.status, r.status),
        (QueueStatus::Dormant, QueueStatus::Dormant)
    );
    for v in [
        env.unit.subscribe_usds_vault,
        env.unit.subscribe_share_vault,
        env.unit.redeem_share_vault,
        env.unit.redeem_usds_vault,
    ] {
        let d = chain.account_data(&v).await.unwrap();
        assert_eq!(
            Pubkey::try_from(&d[32..64]).unwrap(),
            env.unit.unit,
            "{v} owned by the unit"
        );
        assert_eq!(chain.balance(&v).await, 0);
    }
}

#[tokio::test]
async fn create_queue_fails_twice_or_for_anyone_but_governance() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let ix = tx::create_queue(&g, &env.unit, SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&env.governance],
        LctsError::QueueAlreadyCreated,
    )
    .await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = swap_account(ix, &g, &stranger.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&stranger],
        LctsError::NotGovernance,
    )
    .await;
}
