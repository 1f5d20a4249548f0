//! `set_paused`: the freezer's brake (it only adds flags) and governance's release; a
//! pause never locks anyone out of what is theirs.
use crate::common::*;

#[tokio::test]
async fn set_paused_ok_claims_exits_unlocks_and_finalized_settlements_keep_working() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT, 100 * UNIT, 100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 30 * UNIT).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let f = env.freezer.pubkey();
    chain
        .must(
            &[tx::set_paused(&f, &env.unit, tx::PAUSE_ALL)],
            &[&env.freezer],
        )
        .await;
    chain.advance(3 * 3_600 + 1).await;
    let keeper = chain.funded_keypair(1_000_000_000).await;
    chain
        .must(&[tx::unlock(&keeper.pubkey(), &env.unit, SUB)], &[&keeper])
        .await;
    chain
        .must(&[env.claim_ix(&ps[0], SUB)], &[&ps[0].key])
        .await;
    chain.must(&[env.exit_ix(&ps[1], SUB)], &[&ps[1].key]).await;
    assert_eq!(chain.balance(&ps[1].usds).await, 90 * UNIT);
    let u = env.unit_state(&mut chain).await;
    assert_eq!(u.paused, tx::PAUSE_ALL);
}

#[tokio::test]
async fn set_paused_fails_when_the_freezer_lifts_a_flag_or_a_stranger_pauses() {
    let (mut chain, env) = setup().await;
    let f = env.freezer.pubkey();
    chain
        .must(
            &[tx::set_paused(&f, &env.unit, tx::PAUSE_SUBSCRIBE)],
            &[&env.freezer],
        )
        .await;
    let ix = tx::set_paused(&f, &env.unit, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.freezer],
        LctsError::OnlyGovernanceUnpauses,
    )
    .await;
    let ix = tx::set_paused(&f, &env.unit, tx::PAUSE_REDEEM);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.freezer],
        LctsError::OnlyGovernanceUnpauses,
    )
    .await;
    chain
        .must(
            &[tx::set_paused(
                &f,
                &env.unit,
                tx::PAUSE_SUBSCRIBE | tx::PAUSE_REDEEM,
            )],
            &[&env.freezer],
        )
        .await;
    let b = env.beacon.pubkey();
    let ix = tx::set_paused(&b, &env.unit, tx::PAUSE_ALL);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        LctsError::NotPauser,
    )
    .await;
    let g = env.governance.pubkey();
    let ix = tx::set_paused(&g, &env.unit, 8);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        LctsError::BadPauseFlags,
    )
    .await;
    chain
        .must(&[tx::set_paused(&g, &env.unit, 0)], &[&env.governance])
        .await;
}
