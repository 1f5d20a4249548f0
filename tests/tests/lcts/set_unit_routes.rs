//! `set_unit_routes`: governance wires the unit to its PAU's deploy and return routes,
//! each checked against the unit's controller, mint, tag and (return) vault.
use crate::common::*;

#[tokio::test]
async fn set_unit_routes_ok_records_both_routes() {
    let (mut chain, env) = setup().await;
    let u = env.unit_state(&mut chain).await;
    assert_eq!(
        (u.deploy_rate_limit, u.return_rate_limit),
        (env.unit.deploy_rate_limit, env.unit.return_rate_limit)
    );
}

#[tokio::test]
async fn set_unit_routes_fails_with_swapped_foreign_or_misdirected_routes() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    let g = env.governance.pubkey();
    let mut swapped = env.unit;
    swapped.deploy_rate_limit = env.unit.return_rate_limit;
    swapped.return_rate_limit = env.unit.deploy_rate_limit;
    let gov = [&env.governance];
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        tx::set_unit_routes(&g, &swapped),
        &gov,
        LctsError::WrongRateLimit,
    )
    .await;
    let mut foreign = env.unit;
    foreign.deploy_rate_limit = other.unit.deploy_rate_limit;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        tx::set_unit_routes(&g, &foreign),
        &gov,
        LctsError::WrongRateLimit,
    )
    .await;
    // a return route of this PAU that pays someone else (the deploy endpoint, tagged as a
    // return route)
    let r = env.pau.route(tx::TAG_LCTS_RETURN, env.unit.deploy_endpoint);
    env.pau
        .open_integration_route(
            &mut chain,
            tx::TAG_LCTS_RETURN,
            env.unit.deploy_endpoint,
            env.unit.unit,
            UNIT,
            1,
        )
        .await;
    let mut misdirected = env.unit;
    misdirected.return_rate_limit = halo_sdk::pda::rate_limit(&env.unit.pau_controller, &r.key);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        tx::set_unit_routes(&g, &misdirected),
        &gov,
        LctsError::WrongRateLimit,
    )
    .await;
    let b = env.beacon.pubkey();
    let ix = swap_account(tx::set_unit_routes(&g, &env.unit), &g, &b);
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
