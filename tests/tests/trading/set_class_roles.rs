//! `set_class_roles`: Replaces the beacon and freezer: governance only.
use crate::common::*;

#[tokio::test]
async fn set_class_roles_fails_when_not_governance_or_the_beacon_is_the_default_key() {
    let (mut chain, env) = setup().await;
    let (b2, f2) = (Pubkey::new_unique(), Pubkey::new_unique());
    for k in [&env.beacon, &env.freezer] {
        let ix = tx::set_class_roles(&k.pubkey(), &env.pool.class, b2, f2);
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[k],
            TradingError::NotGovernance,
        )
        .await;
    }
    let g = env.governance.pubkey();
    let ix = tx::set_class_roles(&g, &env.pool.class, Pubkey::default(), f2);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::DefaultKey,
    )
    .await;
    chain
        .must(
            &[tx::set_class_roles(&g, &env.pool.class, b2, f2)],
            &[&env.governance],
        )
        .await;
    let c: tx::TradingClass = chain.account(&env.pool.class).await;
    assert_eq!((c.beacon, c.freezer), (b2, f2));
    // the old beacon has lost its powers
    let ix = tx::roll_withdrawals(&env.beacon_key(), &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NotBeacon,
    )
    .await;
}
