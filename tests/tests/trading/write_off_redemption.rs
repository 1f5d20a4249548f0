//! `write_off_redemption`, and finding 9: the value a failed redemption may still recover
//! stays with the LPs who held the pool when it failed.
use crate::common::*;

/// An LP with 100,000 USDS in, a redemption (id 0) sent to the issuer and failed by the
/// freezer, and the LP's whole position queued in a closed generation.
async fn failed_with_exit_queued(chain: &mut Chain, env: &TradingEnv) -> Trader {
    let lp = env.lp(chain, 100_000 * UNIT).await;
    sent_for_redemption(chain, env, 1_000 * UNIT, 0).await;
    chain
        .must(
            &[tx::fail_redemption(&env.freezer.pubkey(), &env.pool, 0)],
            &[&env.freezer],
        )
        .await;
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &lp.key.pubkey()))
        .await;
    request(chain, env, &lp, pos.shares).await;
    roll(chain, env).await;
    lp
}

/// Finding 9, the attack: after a failed redemption every LP exits through the queue at
/// the written-down value (total shares → 0), then the late recovery is booked and a
/// 1-unit deposit takes it all. Now the queue waits while a failed redemption awaits
/// recovery, so nobody exits at the written-down value; once the issuer pays, the exit
/// goes through at the recovered value.
#[tokio::test]
async fn settle_withdrawals_fails_when_a_failed_redemption_awaits_recovery() {
    let (mut chain, env) = setup().await;
    let lp = failed_with_exit_queued(&mut chain, &env).await;
    let g = env.state(&mut chain).await.queue_settling_gen;
    let ix = tx::settle_withdrawals(&env.beacon_key(), &env.pool, g, u64::MAX);
    refused_unchanged(
        &mut chain,
        &env,
        &[lp.quote],
        &[ix],
        &[&env.beacon],
        TradingError::WithdrawalsWaitForRecovery,
    )
    .await;
    // the issuer pays late: recovered, then the exit settles at the full value
    env.issuer_pays(&mut chain, 1_000 * UNIT).await;
    let b = env.beacon_key();
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, 1_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.failed_expected, 0);
    settle(&mut chain, &env, u64::MAX).await.unwrap();
    claim(&mut chain, &env, &lp).await.unwrap();
    // the LP was in the pool when the redemption failed and gets its part of the
    // recovery: at least what it put in (the pool earned the bid spread)
    assert!(chain.balance(&lp.quote).await >= 100_000 * UNIT);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn write_off_redemption_ok_lets_withdrawals_settle_and_refuses_a_late_payment() {
    let (mut chain, env) = setup().await;
    let lp = failed_with_exit_queued(&mut chain, &env).await;
    let gov = env.governance.pubkey();
    chain
        .must(
            &[tx::write_off_redemption(&gov, &env.pool, 0)],
            &[&env.governance],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.failed_expected, 0);
    let rd: tx::Redemption = chain
        .account(&halo_sdk::pda::redemption(&env.pool.pool, 0))
        .await;
    assert_eq!(rd.status, tx::RedemptionStatus::WrittenOff);
    settle(&mut chain, &env, u64::MAX).await.unwrap();
    claim(&mut chain, &env, &lp).await.unwrap();
    // written down: the LP bears its part of the lost 999.50
    assert!(chain.balance(&lp.quote).await < 100_000 * UNIT);
    // the issuer pays after the write-off: it stays unbooked
    env.issuer_pays(&mut chain, 1_000 * UNIT).await;
    let b = env.beacon_key();
    let ix = tx::settle_redemption(&b, &env.pool, 0, 1_000 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionWrittenOff,
    )
    .await;
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn write_off_redemption_fails_when_not_governance_or_the_redemption_has_not_failed() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    let gov = env.governance.pubkey();
    // pending, not failed
    let ix = tx::write_off_redemption(&gov, &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::RedemptionNotFailed,
    )
    .await;
    chain
        .must(
            &[tx::fail_redemption(&env.freezer.pubkey(), &env.pool, 0)],
            &[&env.freezer],
        )
        .await;
    // the beacon and the freezer cannot write off
    for who in [&env.beacon, &env.freezer] {
        let ix = tx::write_off_redemption(&who.pubkey(), &env.pool, 0);
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[who],
            TradingError::NotGovernance,
        )
        .await;
    }
    // another pool's redemption
    let other = second_env(&mut chain, &env).await;
    let ix = swap_account(
        tx::write_off_redemption(&gov, &env.pool, 0),
        &halo_sdk::pda::redemption(&env.pool.pool, 0),
        &halo_sdk::pda::redemption(&other.pool.pool, 0),
    );
    assert_failed(chain.send(&[ix], &[&env.governance]).await);
    chain
        .must(
            &[tx::write_off_redemption(&gov, &env.pool, 0)],
            &[&env.governance],
        )
        .await;
    // twice
    let ix = tx::write_off_redemption(&gov, &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::RedemptionNotFailed,
    )
    .await;
}

/// Review finding: the beacon could do governance's write-off by "recovering" 0. A
/// recovery now books only what arrives: a part releases that much of the queue's hold,
/// and the redemption settles once 99 % has come.
#[tokio::test]
async fn settle_redemption_ok_recovers_in_parts_and_refuses_a_recovery_of_nothing() {
    let (mut chain, env) = setup().await;
    let _lp = failed_with_exit_queued(&mut chain, &env).await;
    let b = env.beacon_key();
    let expected = env.state(&mut chain).await.failed_expected;
    let ix = tx::settle_redemption(&b, &env.pool, 0, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::ZeroAmount,
    )
    .await;
    // half arrives: half the hold is released, the queue still waits
    env.issuer_pays(&mut chain, expected / 2).await;
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, expected / 2)],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.failed_expected, expected - expected / 2);
    let rd: tx::Redemption = chain
        .account(&halo_sdk::pda::redemption(&env.pool.pool, 0))
        .await;
    assert_eq!(
        (rd.status, rd.received),
        (tx::RedemptionStatus::Failed, expected / 2)
    );
    assert!(settle(&mut chain, &env, u64::MAX).await.is_err());
    // the rest arrives: settled, the queue moves
    let rest = expected - expected / 2;
    env.issuer_pays(&mut chain, rest).await;
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, rest)],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!((p.failed_expected, p.redemptions_failed), (0, 0));
    settle(&mut chain, &env, u64::MAX).await.unwrap();
    env.check_books(&mut chain).await;
}

/// Review finding: `return_to_pau` let the PAU exit at the written-down value while a
/// failed redemption awaited recovery, the exit the queue now refuses LPs.
#[tokio::test]
async fn return_to_pau_fails_when_a_failed_redemption_awaits_recovery() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    chain
        .must(
            &[tx::fail_redemption(&env.freezer.pubkey(), &env.pool, 0)],
            &[&env.freezer],
        )
        .await;
    let ix = tx::return_to_pau(&env.beacon_key(), &env.pool, &env.link, 10 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RecoveryPending,
    )
    .await;
}
