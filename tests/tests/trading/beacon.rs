//! The lpha-amm loop against the chain: idempotent cycles, retry after a failed
//! transaction, and a key that cannot do governance's work.
use crate::common::*;
use halo_beacons::amm::{Action, AmmBeacon, AmmRules, External};

fn beacon(env: &TradingEnv) -> AmmBeacon {
    AmmBeacon {
        key: env.beacon.insecure_clone(),
        pool: env.pool,
        redemption_account: env.issuer_account,
        rules: AmmRules::default(),
    }
}

#[tokio::test]
async fn beacon_a_second_cycle_does_nothing_more() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 100_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, Side::SellAsset, true, 100_000 * UNIT)
        .await
        .unwrap();
    let b = beacon(&env);
    let c = b.cycle(&mut chain, &External::default()).await;
    assert_eq!(
        c.sent,
        vec![Action::StartRedemption {
            id: 0,
            amount: 100_000 * UNIT
        }]
    );
    let before = env.fingerprint(&mut chain, &[]).await;
    let c = b.cycle(&mut chain, &External::default()).await;
    assert!(c.sent.is_empty() && c.failed.is_empty(), "{c:?}");
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
    // the issuer's claim is only booked once the USDS is there, and only once
    let ext = External {
        issuer_settlements: vec![(0, 100_000 * UNIT)],
    };
    let c = b.cycle(&mut chain, &ext).await;
    assert!(c.sent.is_empty(), "nothing paid yet: {c:?}");
    env.issuer_pays(&mut chain, 100_000 * UNIT).await;
    let c = b.cycle(&mut chain, &ext).await;
    assert_eq!(
        c.sent,
        vec![Action::SettleRedemption {
            id: 0,
            received: 100_000 * UNIT
        }]
    );
    let c = b.cycle(&mut chain, &ext).await;
    assert!(c.sent.is_empty(), "{c:?}");
    assert_eq!(
        env.state(&mut chain).await.realised_pnl,
        i128::from(50 * UNIT)
    );
}

#[tokio::test]
async fn beacon_a_failed_transaction_is_retried_next_cycle() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 1_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, Side::SellAsset, true, 1_000 * UNIT)
        .await
        .unwrap();
    // governance rotates the beacon key away: the cycle's transaction fails, nothing moves
    let g = env.governance.pubkey();
    let other = Pubkey::new_unique();
    chain
        .must(
            &[tx::set_class_roles(
                &g,
                &env.pool.class,
                other,
                env.freezer.pubkey(),
            )],
            &[&env.governance],
        )
        .await;
    let b = beacon(&env);
    let before = env.fingerprint(&mut chain, &[]).await;
    let c = b.cycle(&mut chain, &External::default()).await;
    assert_eq!(c.failed.len(), 1);
    assert_err(Err::<(), _>(c.failed[0].1.clone()), TradingError::NotBeacon);
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
    // restored: the same plan goes through on the next cycle
    chain
        .must(
            &[tx::set_class_roles(
                &g,
                &env.pool.class,
                env.beacon.pubkey(),
                env.freezer.pubkey(),
            )],
            &[&env.governance],
        )
        .await;
    let c = b.cycle(&mut chain, &External::default()).await;
    assert_eq!(
        c.sent,
        vec![Action::StartRedemption {
            id: 0,
            amount: 1_000 * UNIT
        }]
    );
}

#[tokio::test]
async fn beacon_key_cannot_do_governance_work() {
    let (mut chain, env) = setup().await;
    let b = env.beacon_key();
    let mut params = env.state(&mut chain).await.params;
    params.bid_spread_bps = 0;
    params.ask_spread_bps = 0;
    let ixs = [
        tx::set_pool_params(&b, &env.pool, params),
        tx::set_sides(&b, &env.pool, true, true),
        tx::set_class_roles(&b, &env.pool.class, b, b),
        tx::clear_redemption_failure(&b, &env.pool),
    ];
    for ix in ixs {
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[&env.beacon],
            TradingError::NotGovernance,
        )
        .await;
    }
    // nor lift a class pause
    chain
        .must(
            &[tx::set_class_paused(&b, &env.pool.class, true)],
            &[&env.beacon],
        )
        .await;
    let ix = tx::set_class_paused(&b, &env.pool.class, false);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::OnlyGovernanceUnpauses,
    )
    .await;
}
