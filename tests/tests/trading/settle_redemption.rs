//! `settle_redemption`: Booking the issuer's payment and the realised P&L.
use crate::common::*;
use halo_sdk::trading::RedemptionStatus;

#[tokio::test]
async fn settle_redemption_ok_books_the_spread_when_the_issuer_pays() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 100_000 * UNIT, 0).await;
    let b = env.beacon_key();
    assert_eq!(chain.balance(&env.issuer_account).await, 100_000 * UNIT);
    let r: tx::Redemption = chain
        .account(&halo_sdk::pda::redemption(&env.pool.pool, 0))
        .await;
    assert_eq!(r.status, RedemptionStatus::Pending);
    assert_eq!(r.expected_quote, 100_000 * UNIT);
    assert_eq!(r.cost_basis, 99_950 * UNIT);
    let p = env.state(&mut chain).await;
    assert_eq!((p.inventory, p.pending_expected), (0, 100_000 * UNIT));
    // settling before the USDS arrived is refused
    let ix = tx::settle_redemption(&b, &env.pool, 0, 100_000 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::UnaccountedFundsMissing,
    )
    .await;
    env.issuer_pays(&mut chain, 100_000 * UNIT).await;
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, 100_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.realised_pnl, i128::from(50 * UNIT));
    assert_eq!(p.quote_liquidity, 1_000_050 * UNIT);
    assert_eq!((p.pending_expected, p.redemptions_settled), (0, 1));
    let ix = tx::settle_redemption(&b, &env.pool, 0, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionAlreadySettled,
    )
    .await;
    assert_eq!(env.check_books(&mut chain).await, 0);
}

#[tokio::test]
async fn settle_redemption_fails_when_the_receipt_is_under_reported() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 100_000 * UNIT, 0).await;
    let b = env.beacon_key();
    env.issuer_pays(&mut chain, 100_000 * UNIT).await;
    // booking 98.99 % would leave USDS unbooked for later misuse
    let ix = tx::settle_redemption(&b, &env.pool, 0, 98_990 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::ReceiptBelowExpected,
    )
    .await;
    // 99 % is the floor
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, 99_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
}

/// Finding 15: pending redemptions close oldest first, so the pool always knows when the
/// oldest one is due (O(1)); the second cannot settle before the first.
#[tokio::test]
async fn settle_redemption_fails_when_out_of_order() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    chain.advance(3600).await;
    env.refresh_price(&mut chain).await;
    sent_for_redemption(&mut chain, &env, 2_000 * UNIT, 1).await;
    let p = env.state(&mut chain).await;
    let first: tx::Redemption = chain
        .account(&halo_sdk::pda::redemption(&env.pool.pool, 0))
        .await;
    let second: tx::Redemption = chain
        .account(&halo_sdk::pda::redemption(&env.pool.pool, 1))
        .await;
    assert_eq!(
        (p.oldest_pending_id, p.oldest_pending_due),
        (0, first.expected_by)
    );
    assert_eq!(p.pending_asset, 3_000 * UNIT);
    env.issuer_pays(&mut chain, first.expected_quote + second.expected_quote)
        .await;
    let b = env.beacon_key();
    let ix = tx::settle_redemption(&b, &env.pool, 1, second.expected_quote);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionOutOfOrder,
    )
    .await;
    chain
        .must(
            &[tx::settle_redemption(
                &b,
                &env.pool,
                0,
                first.expected_quote,
            )],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(
        (p.oldest_pending_id, p.oldest_pending_due),
        (1, second.expected_by)
    );
    chain
        .must(
            &[tx::settle_redemption(
                &b,
                &env.pool,
                1,
                second.expected_quote,
            )],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(
        (p.oldest_pending_id, p.oldest_pending_due, p.pending_asset),
        (2, i64::MAX, 0)
    );
    env.check_books(&mut chain).await;
}

/// Review finding: while the oldest redemption is overdue, exits were still paid at a value
/// counting it in full, so leavers passed its possible loss to those who stayed. The queue
/// and PAU returns now wait too; once the redemption is overdue by the queue's fallback
/// delay anyone may fail it, so a silent beacon cannot hold them for ever.
#[tokio::test]
async fn settle_withdrawals_fails_when_the_oldest_redemption_is_overdue_until_anyone_fails_it() {
    let (mut chain, env) = setup().await;
    let lp = env.lp(&mut chain, 10_000 * UNIT).await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    chain.advance(24 * 3600 + 1).await;
    env.refresh_price(&mut chain).await;
    let b = env.beacon_key();
    let ix = tx::return_to_pau(&b, &env.pool, &env.link, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionOverdue,
    )
    .await;
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &lp.key.pubkey()))
        .await;
    request(&mut chain, &env, &lp, pos.shares).await;
    roll(&mut chain, &env).await;
    let g = env.state(&mut chain).await.queue_settling_gen;
    let ix = tx::settle_withdrawals(&b, &env.pool, g, u64::MAX);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionOverdue,
    )
    .await;
    // a stranger cannot fail it yet
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::fail_redemption(&stranger.pubkey(), &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotBeaconOrFreezer,
    )
    .await;
    // three days later anyone may
    chain.advance(3 * 24 * 3600).await;
    env.refresh_price(&mut chain).await;
    chain
        .must(
            &[tx::fail_redemption(&stranger.pubkey(), &env.pool, 0)],
            &[&stranger],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!((p.oldest_pending_id, p.oldest_pending_due), (1, i64::MAX));
}

/// Review finding: shortening the settlement period while redemptions are pending let a
/// later one fall due before the oldest, unseen by the oldest-first cursor.
#[tokio::test]
async fn set_pool_params_fails_when_shortening_the_settlement_period_with_redemptions_pending() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    let mut params = env.state(&mut chain).await.params;
    params.settlement_period_s -= 1;
    let gov = env.governance.pubkey();
    let ix = tx::set_pool_params(&gov, &env.pool, params);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::SettlementPeriodLoweredWhilePending,
    )
    .await;
    // longer is fine
    params.settlement_period_s += 3_600;
    chain
        .must(
            &[tx::set_pool_params(&gov, &env.pool, params)],
            &[&env.governance],
        )
        .await;
}
