//! lpha-lcts over the embedded chain: it fills the queue pro rata each epoch, is
//! idempotent (a second cycle in the same window does nothing), re-plans after a refused
//! transaction, and holds no governance power (the program refuses its key).
use crate::common::*;
use halo_beacons::lcts::{Action, External, LctsBeacon};

fn beacon(env: &LctsEnv) -> LctsBeacon {
    LctsBeacon {
        key: env.beacon.insecure_clone(),
        unit: env.unit,
    }
}

fn capacity(sub: u64) -> External {
    External {
        nav_rate_wad: Some(WAD),
        subscribe_capacity: sub,
        redeem_capacity: 0,
    }
}

#[tokio::test]
async fn beacon_ok_fills_the_queue_pro_rata_and_a_second_cycle_does_nothing() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[300 * UNIT, 100 * UNIT]).await;
    let b = beacon(&env);
    chain.advance(DAY).await;
    let c = b.cycle(&mut chain, &capacity(200 * UNIT)).await;
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert_eq!(c.sent.len(), 3, "rate, lock, settle: {:?}", c.sent);
    let again = b.cycle(&mut chain, &capacity(200 * UNIT)).await;
    assert!(
        again.sent.is_empty(),
        "idempotent within the window: {:?}",
        again.sent
    );
    assert_eq!(
        env.queue(&mut chain, SUB).await.total_underlying,
        200 * UNIT
    );
    let v = env
        .view(&mut chain, SUB, &ps[0].key.pubkey())
        .await
        .unwrap();
    assert_eq!(v.claimable_reward, 150 * UNIT);
}

#[tokio::test]
async fn beacon_ok_re_plans_after_a_refused_settlement() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let b = beacon(&env);
    chain.advance(DAY).await;
    // the PAU freezes between the beacon's lock and its settlement
    chain.must(&[env.lock_ix(SUB)], &[&env.beacon]).await;
    let f = env.pau.freezer.pubkey();
    chain
        .must(
            &[halo_sdk::pau::freeze(&f, &env.pau.controller)],
            &[&env.pau.freezer],
        )
        .await;
    let c = b.cycle(&mut chain, &capacity(50 * UNIT)).await;
    assert_eq!(c.failed.len(), 1);
    assert!(matches!(
        c.failed[0].0,
        Action::Settle { .. } | Action::UpdateRate { .. }
    ));
    chain
        .must(
            &[halo_sdk::pau::unfreeze(
                &env.pau.govops.pubkey(),
                &env.pau.controller,
            )],
            &[&env.pau.govops],
        )
        .await;
    let c = b.cycle(&mut chain, &capacity(50 * UNIT)).await;
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert_eq!(env.queue(&mut chain, SUB).await.total_underlying, 50 * UNIT);
}

#[tokio::test]
async fn beacon_key_holds_no_governance_power() {
    let (mut chain, env) = setup().await;
    let b = env.beacon.pubkey();
    let g = env.governance.pubkey();
    let as_beacon = |ix: halo_sdk::Instruction| swap_account(ix, &g, &b);
    let signers = [&env.beacon];
    for ix in [
        tx::set_unit_params(&g, &env.unit, default_params()),
        tx::set_unit_roles(&g, &env.unit, b, b),
        tx::set_exchange_rate(&g, &env.unit, 2 * WAD),
        tx::set_unit_routes(&g, &env.unit),
        tx::create_queue(&g, &env.unit, SUB),
        tx::propose_class_governance(&g, &env.unit.class, b),
    ] {
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            as_beacon(ix),
            &signers,
            LctsError::NotGovernance,
        )
        .await;
    }
    // it cannot pause (or lift a pause) either
    let ix = tx::set_paused(&b, &env.unit, tx::PAUSE_ALL);
    refused_unchanged(&mut chain, &env, &[], ix, &signers, LctsError::NotPauser).await;
    // and it cannot move the rate faster than governance allows
    chain.advance(DAY).await;
    let ix = tx::update_exchange_rate(&b, &env.unit, 2 * WAD);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &signers,
        LctsError::RateAboveBound,
    )
    .await;
}
