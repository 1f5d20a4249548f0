//! `set_exchange_rate`: governance's override, outside the beacon's bounds and epoch.
use crate::common::*;

#[tokio::test]
async fn set_exchange_rate_ok_a_haircut_beyond_the_beacons_bound_and_fresh_again() {
    let (mut chain, env) = setup().await;
    chain.advance(3 * DAY).await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::set_exchange_rate(&g, &env.unit, WAD / 2)],
            &[&env.governance],
        )
        .await;
    let v = env.view_rate(&mut chain).await;
    assert_eq!((v.rate_wad, v.stale), (WAD / 2, false));
}

#[tokio::test]
async fn set_exchange_rate_fails_zero_absurd_or_for_the_beacon() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        tx::set_exchange_rate(&g, &env.unit, 0),
        &[&env.governance],
        LctsError::ZeroRate,
    )
    .await;
    let ix = tx::set_exchange_rate(&g, &env.unit, WAD * WAD);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        LctsError::RateAboveBound,
    )
    .await;
    let b = env.beacon.pubkey();
    let ix = swap_account(tx::set_exchange_rate(&g, &env.unit, WAD), &g, &b);
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
