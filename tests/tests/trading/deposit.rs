//! `deposit`: LP deposits: share pricing from internal totals, refusals.
use crate::common::*;

const SELL: Side = Side::SellAsset;

#[tokio::test]
async fn deposit_ok_mints_at_share_value_and_spread_raises_it() {
    let (mut chain, env) = setup().await; // PAU: 1M shares for 1M
    let prime = env.lp(&mut chain, 100_000 * UNIT).await;
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(
            &env.pool.pool,
            &prime.key.pubkey(),
        ))
        .await;
    assert_eq!(pos.shares, 100_000 * UNIT);
    // a 100K t-bill sale earns 50 USDS of spread, valued at NAV: share value rises
    let u = env.trader(&mut chain, 100_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, SELL, true, 100_000 * UNIT)
        .await
        .unwrap();
    let p = env.state(&mut chain).await;
    assert_eq!(p.quote_liquidity + p.inventory, 1_100_050 * UNIT);
    // the next depositor pays the higher price: 110,005 USDS buy just under 110K shares
    let late = env.lp(&mut chain, 110_005 * UNIT).await;
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &late.key.pubkey()))
        .await;
    assert_eq!(pos.shares, 110_000 * UNIT);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn deposit_ok_a_donation_to_the_vault_does_not_move_the_share_price() {
    let (mut chain, env) = setup().await;
    env.issuer_pays(&mut chain, 1_000_000 * UNIT).await; // an unbooked donation
    let prime = env.lp(&mut chain, 100 * UNIT).await;
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(
            &env.pool.pool,
            &prime.key.pubkey(),
        ))
        .await;
    assert_eq!(pos.shares, 100 * UNIT);
}

#[tokio::test]
async fn deposit_fails_when_zero_below_the_minimum_for_another_owner_or_paused() {
    let (mut chain, env) = setup().await;
    let prime = env.lp(&mut chain, 10 * UNIT).await;
    let other = env.trader(&mut chain, 0, 10 * UNIT).await;
    let k = prime.key.pubkey();
    chain
        .mint_to(
            &env.pool.quote_mint,
            &env.pool.quote_token_program,
            &prime.quote,
            10 * UNIT,
        )
        .await;
    let ex = [prime.quote];
    let ix = tx::deposit(&k, &env.pool, &prime.quote, 0, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &[ix],
        &[&prime.key],
        TradingError::ZeroAmount,
    )
    .await;
    let ix = tx::deposit(&k, &env.pool, &prime.quote, UNIT, UNIT + 1);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &[ix],
        &[&prime.key],
        TradingError::SharesBelowMinimum,
    )
    .await;
    // someone else's position
    let ix = tx::deposit(&other.key.pubkey(), &env.pool, &other.quote, UNIT, 0);
    let ix = swap_account(
        ix,
        &halo_sdk::pda::position(&env.pool.pool, &other.key.pubkey()),
        &halo_sdk::pda::position(&env.pool.pool, &k),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &[ix],
        &[&other.key],
        TradingError::NotPositionOwner,
    )
    .await;
    chain
        .must(
            &[tx::pause_pool(&env.freezer.pubkey(), &env.pool)],
            &[&env.freezer],
        )
        .await;
    let ix = tx::deposit(&k, &env.pool, &prime.quote, UNIT, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &[ix],
        &[&prime.key],
        TradingError::PoolPaused,
    )
    .await;
    // opening a position twice fails
    let payer = chain.payer_key();
    assert_failed(
        chain
            .send(&[tx::open_position(&payer, &env.pool, k)], &[])
            .await,
    );
}

#[tokio::test]
async fn deposit_fails_when_dust_or_into_another_pools_position() {
    let (mut chain, env) = setup().await;
    // spread income lifts the share value above one unit: a one-unit deposit mints nothing
    let u = env.trader(&mut chain, 1_000_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, SELL, true, 900_000 * UNIT)
        .await
        .unwrap();
    let prime = env.lp(&mut chain, 10 * UNIT).await;
    chain
        .mint_to(
            &env.pool.quote_mint,
            &env.pool.quote_token_program,
            &prime.quote,
            1,
        )
        .await;
    let k = prime.key.pubkey();
    let ix = tx::deposit(&k, &env.pool, &prime.quote, 1, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[prime.quote],
        &[ix],
        &[&prime.key],
        TradingError::ZeroShares,
    )
    .await;
    // a position of another pool
    let other = second_env(&mut chain, &env).await;
    env.refresh_price(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(&[tx::open_position(&payer, &other.pool, k)], &[])
        .await;
    let ix = tx::deposit(&k, &env.pool, &prime.quote, UNIT, 0);
    let ix = swap_account(
        ix,
        &halo_sdk::pda::position(&env.pool.pool, &k),
        &halo_sdk::pda::position(&other.pool.pool, &k),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[prime.quote],
        &[ix],
        &[&prime.key],
        TradingError::PositionOfAnotherPool,
    )
    .await;
}

#[tokio::test]
async fn deposit_fails_when_a_recovery_is_pending_or_the_pool_is_worthless() {
    let (mut chain, env) = setup().await;
    // all the USDS buys inventory, all the inventory goes to an issuer that does not pay
    let u = env.trader(&mut chain, 2_000_000 * UNIT, 0).await;
    let free = env.state(&mut chain).await.quote_liquidity;
    env.swap(&mut chain, &u, SELL, false, free).await.unwrap();
    let p = env.state(&mut chain).await;
    let b = env.beacon_key();
    let f = env.freezer.pubkey();
    chain
        .must(
            &[
                tx::start_redemption(&b, &env.pool, &env.issuer_account, 0, p.inventory),
                tx::fail_redemption(&f, &env.pool, 0),
            ],
            &[&env.beacon, &env.freezer],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.value(p.last_price_wad).unwrap(), 0);
    assert!(p.failed_expected > 0);
    let prime = env.trader(&mut chain, 0, 10 * UNIT).await;
    let payer = chain.payer_key();
    let k = prime.key.pubkey();
    chain
        .must(&[tx::open_position(&payer, &env.pool, k)], &[])
        .await;
    // while a recovery may restore the value, nobody buys in at the written-down price
    let ix = tx::deposit(&k, &env.pool, &prime.quote, 10 * UNIT, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[prime.quote],
        &[ix],
        &[&prime.key],
        TradingError::RecoveryPending,
    )
    .await;
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, 10 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RecoveryPending,
    )
    .await;
    // the issuer's case closes with nothing recovered: governance writes it off (the
    // beacon cannot: a recovery of 0 is refused), and the pool is worth nothing
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
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::write_off_redemption(&g, &env.pool, 0)],
            &[&env.governance],
        )
        .await;
    assert_eq!(env.state(&mut chain).await.failed_expected, 0);
    let ix = tx::deposit(&k, &env.pool, &prime.quote, 10 * UNIT, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[prime.quote],
        &[ix],
        &[&prime.key],
        TradingError::PoolValueZero,
    )
    .await;
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, 10 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::PoolValueZero,
    )
    .await;
}

/// Finding 15: an overdue redemption was counted at its full expected value while
/// deposits stayed open, so a Prime could buy shares at a value in doubt. Deposits and PAU
/// funding now pause once the oldest pending redemption is overdue, until it settles (or
/// fails, which writes it down).
#[tokio::test]
async fn deposit_fails_when_the_oldest_redemption_is_overdue() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    let prime = env.trader(&mut chain, 0, 100 * UNIT).await;
    let payer = chain.payer_key();
    let k = prime.key.pubkey();
    chain
        .must(&[tx::open_position(&payer, &env.pool, k)], &[])
        .await;
    // due in 24 h: still open before
    chain.advance(24 * 3600).await;
    env.refresh_price(&mut chain).await;
    chain
        .must(
            &[tx::deposit(&k, &env.pool, &prime.quote, 10 * UNIT, 0)],
            &[&prime.key],
        )
        .await;
    chain.advance(2).await;
    env.refresh_price(&mut chain).await;
    let ix = tx::deposit(&k, &env.pool, &prime.quote, 10 * UNIT, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[prime.quote],
        &[ix],
        &[&prime.key],
        TradingError::RedemptionOverdue,
    )
    .await;
    let b = env.beacon_key();
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, 10 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionOverdue,
    )
    .await;
    // the issuer pays: settled, deposits reopen
    let expected: tx::Redemption = chain
        .account(&halo_sdk::pda::redemption(&env.pool.pool, 0))
        .await;
    env.issuer_pays(&mut chain, expected.expected_quote).await;
    chain
        .must(
            &[tx::settle_redemption(
                &b,
                &env.pool,
                0,
                expected.expected_quote,
            )],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(
        (p.oldest_pending_id, p.oldest_pending_due, p.pending_asset),
        (1, i64::MAX, 0)
    );
    chain
        .must(
            &[tx::deposit(&k, &env.pool, &prime.quote, 10 * UNIT, 0)],
            &[&prime.key],
        )
        .await;
}
