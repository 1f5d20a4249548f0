//! `claim_withdrawal`: a member's pro-rata slice, claimable as fills arrive.
use crate::common::*;

#[tokio::test]
async fn claim_withdrawal_ok_follows_partial_fills_and_only_the_owner_claims() {
    let opts = TradingOptions {
        pau_funding: 0,
        ..TradingOptions::default()
    };
    let (mut chain, env) = setup_with(opts).await;
    let a = env.lp(&mut chain, 100_000 * UNIT).await;
    // 80 % of the USDS goes into inventory
    let u = env.trader(&mut chain, 100_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, Side::SellAsset, false, 80_000 * UNIT)
        .await
        .unwrap();
    request(&mut chain, &env, &a, 50_000 * UNIT).await;
    assert_err(
        claim(&mut chain, &env, &a).await,
        TradingError::NothingToClaim,
    );
    roll(&mut chain, &env).await;
    settle(&mut chain, &env, 20_000 * UNIT).await.unwrap();
    // another key cannot claim a's position
    let thief = env.trader(&mut chain, 0, 0).await;
    let ix = tx::claim_withdrawal(&thief.key.pubkey(), &env.pool, 0, &thief.quote);
    let ix = swap_account(
        ix,
        &halo_sdk::pda::position(&env.pool.pool, &thief.key.pubkey()),
        &halo_sdk::pda::position(&env.pool.pool, &a.key.pubkey()),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[thief.quote],
        &[ix],
        &[&thief.key],
        TradingError::NotPositionOwner,
    )
    .await;
    // the pool's own vault as the destination (Anchor's duplicate-account check)
    let ix = tx::claim_withdrawal(&a.key.pubkey(), &env.pool, 0, &env.pool.quote_vault);
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain.send(&[ix], &[&a.key]).await,
        anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount,
    );
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
    claim(&mut chain, &env, &a).await.unwrap();
    assert_eq!(chain.balance(&a.quote).await, 20_000 * UNIT);
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &a.key.pubkey()))
        .await;
    assert_eq!(
        pos.queued_shares,
        50_000 * UNIT,
        "still queued until complete"
    );
    assert_eq!(pos.claimed_paid, 20_000 * UNIT);
}
