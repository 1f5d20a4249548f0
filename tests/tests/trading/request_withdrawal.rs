//! `request_withdrawal`: The withdrawal queue's refusals: requests, rolls, settlements, claims.
use crate::common::*;

const SELL: Side = Side::SellAsset;

#[tokio::test]
async fn request_withdrawal_fails_when_the_request_roll_settlement_or_claim_is_invalid() {
    let (mut chain, env) = setup().await;
    let a = env.lp(&mut chain, 1_000 * UNIT).await;
    let k = a.key.pubkey();
    let ix = tx::request_withdrawal(&k, &env.pool, 0, 1_001 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&a.key],
        TradingError::InsufficientShares,
    )
    .await;
    let ix = tx::request_withdrawal(&k, &env.pool, 0, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&a.key],
        TradingError::ZeroAmount,
    )
    .await;
    // a generation other than the open one
    let ix = tx::request_withdrawal(&k, &env.pool, 1, UNIT);
    assert_err(
        chain.send(&[ix], &[&a.key]).await,
        anchor_lang::error::ErrorCode::AccountNotInitialized,
    );
    let b = env.beacon_key();
    let ix = tx::roll_withdrawals(&b, &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NothingToRoll,
    )
    .await;
    assert_err(
        claim(&mut chain, &env, &a).await,
        TradingError::NothingToClaim,
    );
    request(&mut chain, &env, &a, 500 * UNIT).await;
    let ix = tx::roll_withdrawals(&env.freezer.pubkey(), &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.freezer],
        TradingError::NotBeacon,
    )
    .await;
    roll(&mut chain, &env).await;
    let ix = tx::settle_withdrawals(&b, &env.pool, 0, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::ZeroAmount,
    )
    .await;
    let ix = tx::settle_withdrawals(&env.governance.pubkey(), &env.pool, 0, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NotBeacon,
    )
    .await;
    // no free USDS at all: refused rather than an empty settlement
    let u = env.trader(&mut chain, 1_100_000 * UNIT, 0).await;
    let p = env.state(&mut chain).await;
    env.swap(&mut chain, &u, SELL, false, p.quote_liquidity)
        .await
        .unwrap();
    let ix = tx::settle_withdrawals(&b, &env.pool, 0, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::InsufficientLiquidity,
    )
    .await;
    // the settling generation is pinned: a later one is refused by its seeds
    let ix = tx::settle_withdrawals(&b, &env.pool, 1, UNIT);
    assert_err(
        chain.send(&[ix], &[&env.beacon]).await,
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    );
}
