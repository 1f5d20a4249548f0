//! `propose_price_source` / `apply_price_source`, and finding 14: LPs can always leave.
use crate::common::*;
use halo_sdk::trading::PriceSource;

/// Finding 14: LPs could not exit without a valid price, even from a pool holding no
/// inventory (whose value needs no price). Now a pool without inventory settles its queue
/// on a stale oracle.
#[tokio::test]
async fn settle_withdrawals_ok_on_a_stale_price_when_the_pool_holds_no_inventory() {
    let (mut chain, env) = setup().await;
    let lp = env.lp(&mut chain, 10_000 * UNIT).await;
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &lp.key.pubkey()))
        .await;
    request(&mut chain, &env, &lp, pos.shares).await;
    roll(&mut chain, &env).await;
    // the oracle goes silent for two days
    chain.advance(2 * 24 * 3600).await;
    assert_eq!(env.state(&mut chain).await.inventory, 0);
    settle(&mut chain, &env, u64::MAX).await.unwrap();
    claim(&mut chain, &env, &lp).await.unwrap();
    assert_eq!(chain.balance(&lp.quote).await, 10_000 * UNIT);
}

/// Finding 14: the price source could never change. Governance proposes a wind-down
/// price for a pool whose oracle is gone; after the delay it applies: swaps and deposits
/// close, and LPs exit at that price, inventory included.
#[tokio::test]
async fn propose_price_source_ok_a_wind_down_price_applies_after_its_delay_and_lets_lps_exit() {
    let (mut chain, env) = setup().await;
    let seller = env.trader(&mut chain, 100_000 * UNIT, 0).await;
    env.swap(&mut chain, &seller, Side::SellAsset, true, 100_000 * UNIT)
        .await
        .unwrap();
    let lp = env.lp(&mut chain, 10_000 * UNIT).await;
    let g = env.governance.pubkey();
    let wind_down = PriceSource::Fixed {
        price_wad: 990_000_000_000_000_000,
    };
    // only governance proposes; nothing to apply yet
    let ix = tx::apply_price_source(&g, &env.pool, &env.pool.price_account);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NoPendingPriceSource,
    )
    .await;
    let ix = tx::propose_price_source(&env.beacon_key(), &env.pool, wind_down);
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
            &[tx::propose_price_source(&g, &env.pool, wind_down)],
            &[&env.governance],
        )
        .await;
    let ix = tx::apply_price_source(&g, &env.pool, &env.pool.price_account);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::PriceSourceDelayNotElapsed,
    )
    .await;
    chain.advance(2 * 24 * 3600).await;
    chain
        .must(
            &[tx::apply_price_source(
                &g,
                &env.pool,
                &env.pool.price_account,
            )],
            &[&env.governance],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.price_source, wind_down);
    assert_eq!(p.last_price_wad, 990_000_000_000_000_000);
    // the pool pauses on a new source until governance reviews it
    assert!(p.paused);
    chain
        .must(&[tx::resume_pool(&g, &env.pool)], &[&env.governance])
        .await;
    // swaps and deposits are closed
    let u = env.trader(&mut chain, 10 * UNIT, 10 * UNIT).await;
    let ix = swap_ix(&mut chain, &env, &u, Side::SellAsset, true, 10 * UNIT, 0).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[u.asset, u.quote],
        &[ix],
        &[&u.key],
        TradingError::WindDownPrice,
    )
    .await;
    let ix = tx::deposit(&lp.key.pubkey(), &env.pool, &lp.quote, UNIT, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[lp.quote],
        &[ix],
        &[&lp.key],
        TradingError::WindDownPrice,
    )
    .await;
    // LPs exit at the wind-down price, however old the feed
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &lp.key.pubkey()))
        .await;
    request(&mut chain, &env, &lp, pos.shares).await;
    roll(&mut chain, &env).await;
    settle(&mut chain, &env, u64::MAX).await.unwrap();
    claim(&mut chain, &env, &lp).await.unwrap();
    assert!(chain.balance(&lp.quote).await > 9_900 * UNIT);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn propose_price_source_fails_when_the_wind_down_price_is_zero() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let ix = tx::propose_price_source(&g, &env.pool, PriceSource::Fixed { price_wad: 0 });
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NonPositivePrice,
    )
    .await;
}

#[tokio::test]
async fn propose_price_source_fails_when_the_wind_down_price_is_far_from_the_last_one() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    for price_wad in [11_000_000_000_000_000_000u128, 99_000_000_000_000_000] {
        let ix = tx::propose_price_source(&g, &env.pool, PriceSource::Fixed { price_wad });
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[&env.governance],
            TradingError::WindDownPriceOutOfRange,
        )
        .await;
    }
}

#[tokio::test]
async fn apply_price_source_fails_when_the_proposal_expired() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let source = env.state(&mut chain).await.price_source;
    chain
        .must(
            &[tx::propose_price_source(&g, &env.pool, source)],
            &[&env.governance],
        )
        .await;
    chain
        .advance(
            halo_trading::constants::PRICE_SOURCE_DELAY_S
                + halo_trading::constants::PRICE_SOURCE_GRACE_S
                + 1,
        )
        .await;
    env.refresh_price(&mut chain).await;
    let ix = tx::apply_price_source(&g, &env.pool, &env.pool.price_account);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::PriceSourceProposalExpired,
    )
    .await;
}
