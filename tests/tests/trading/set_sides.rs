//! `set_sides`: Side switches and the redemption-failure clearance: governance only.
use crate::common::*;

#[tokio::test]
async fn set_sides_fails_when_not_governance_and_so_does_clearing_a_failure() {
    let (mut chain, env) = setup().await;
    let ix = tx::set_sides(&env.beacon_key(), &env.pool, false, false);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NotGovernance,
    )
    .await;
    let g = env.governance.pubkey();
    let ix = tx::clear_redemption_failure(&g, &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NoRedemptionFailure,
    )
    .await;
    let ix = tx::clear_redemption_failure(&env.beacon_key(), &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NotGovernance,
    )
    .await;
    chain
        .must(
            &[tx::set_sides(&g, &env.pool, false, true)],
            &[&env.governance],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert!(!p.buy_enabled && p.sell_enabled);
}
