//! `set_unit_roles`: governance replaces the beacon and the freezer.
use crate::common::*;

#[tokio::test]
async fn set_unit_roles_ok_the_new_beacon_locks_and_the_old_cannot() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[10 * UNIT]).await;
    let nb = chain.funded_keypair(1_000_000_000).await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::set_unit_roles(
                &g,
                &env.unit,
                nb.pubkey(),
                env.freezer.pubkey(),
            )],
            &[&env.governance],
        )
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        env.lock_ix(SUB),
        &[&env.beacon],
        LctsError::NotBeacon,
    )
    .await;
    chain
        .must(&[tx::lock(&nb.pubkey(), &env.unit, SUB)], &[&nb])
        .await;
}

#[tokio::test]
async fn set_unit_roles_fails_with_a_default_key_or_for_the_beacon() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let ix = tx::set_unit_roles(&g, &env.unit, Pubkey::default(), env.freezer.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        LctsError::DefaultKey,
    )
    .await;
    // the beacon holds no governance power
    let b = env.beacon.pubkey();
    let ix = swap_account(tx::set_unit_roles(&g, &env.unit, b, b), &g, &b);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        LctsError::NotGovernance,
    )
    .await;
}
