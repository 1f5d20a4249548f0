//! `start_redemption`: Inventory to the issuer, bounded by the redemption rate limit.
use crate::common::*;

#[tokio::test]
async fn start_redemption_fails_when_not_the_beacon_zero_too_large_misdirected_or_rate_limited() {
    let (mut chain, env) = setup().await;
    bought(&mut chain, &env, 1_000 * UNIT).await;
    let b = env.beacon_key();
    let ix = tx::start_redemption(
        &env.freezer.pubkey(),
        &env.pool,
        &env.issuer_account,
        0,
        UNIT,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.freezer],
        TradingError::NotBeacon,
    )
    .await;
    let ix = tx::start_redemption(&b, &env.pool, &env.issuer_account, 0, 1_001 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::InsufficientInventory,
    )
    .await;
    let ix = tx::start_redemption(&b, &env.pool, &env.issuer_account, 0, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::ZeroAmount,
    )
    .await;
    // the asset cannot go anywhere but the issuer's pinned account
    let thief = env.trader(&mut chain, 0, 0).await;
    let ix = tx::start_redemption(&b, &env.pool, &thief.asset, 0, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::WrongRedemptionAccount,
    )
    .await;
    // the redemption rate limit
    set_params(&mut chain, &env, |p| {
        p.redeem_limit = tx::LimitParams {
            max_amount: 100 * UNIT,
            slope: 0,
        };
    })
    .await;
    let ix = tx::start_redemption(&b, &env.pool, &env.issuer_account, 0, 101 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedeemRateLimitExceeded,
    )
    .await;
}
