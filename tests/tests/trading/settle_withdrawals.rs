//! `settle_withdrawals`: Pro-rata fills of a closed generation as USDS frees up, and the claims.
use crate::common::*;

const SELL: Side = Side::SellAsset;

#[tokio::test]
async fn settle_withdrawals_ok_fills_pro_rata_as_usds_frees_up() {
    let opts = TradingOptions {
        pau_funding: 0,
        ..TradingOptions::default()
    };
    let (mut chain, env) = setup_with(opts).await;
    let a = env.lp(&mut chain, 300_000 * UNIT).await;
    let b = env.lp(&mut chain, 100_000 * UNIT).await;
    // users sell 350K of t-bills: only ~50K of USDS is free
    let u = env.trader(&mut chain, 350_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, SELL, true, 350_000 * UNIT)
        .await
        .unwrap();
    request(&mut chain, &env, &a, 150_000 * UNIT).await;
    request(&mut chain, &env, &b, 50_000 * UNIT).await;
    // not settleable while open
    let r = settle(&mut chain, &env, u64::MAX).await;
    assert_err(r, TradingError::GenerationStillOpen);
    roll(&mut chain, &env).await;
    // a request now lands in the next generation
    assert_eq!(open_gen(&mut chain, &env).await, 1);
    // settle with the free USDS (50,175): a quarter of it goes to b
    settle(&mut chain, &env, u64::MAX).await.unwrap();
    let p = env.state(&mut chain).await;
    assert_eq!(p.quote_liquidity, 0);
    assert_eq!(p.claims_reserved, 50_175 * UNIT);
    claim(&mut chain, &env, &b).await.unwrap();
    assert_eq!(chain.balance(&b.quote).await, 50_175 * UNIT / 4);
    // nothing new for b until the next fill
    assert_err(
        claim(&mut chain, &env, &b).await,
        TradingError::NothingToClaim,
    );
    // b cannot queue again before its generation completes
    let g = open_gen(&mut chain, &env).await;
    let ix = tx::request_withdrawal(&b.key.pubkey(), &env.pool, g, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&b.key],
        TradingError::WithdrawalPending,
    )
    .await;
    // the issuer pays for a redemption: the rest fills
    let bk = env.beacon_key();
    chain
        .must(
            &[tx::start_redemption(
                &bk,
                &env.pool,
                &env.issuer_account,
                0,
                350_000 * UNIT,
            )],
            &[&env.beacon],
        )
        .await;
    env.issuer_pays(&mut chain, 350_000 * UNIT).await;
    chain
        .must(
            &[tx::settle_redemption(&bk, &env.pool, 0, 350_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    settle(&mut chain, &env, u64::MAX).await.unwrap();
    let p = env.state(&mut chain).await;
    assert_eq!(p.queue_settling_gen, 1);
    assert_eq!(p.total_shares, 200_000 * UNIT);
    claim(&mut chain, &env, &a).await.unwrap();
    claim(&mut chain, &env, &b).await.unwrap();
    // each got its shares' value including the spread (175 USDS over 400K shares)
    let (qa, qb) = (chain.balance(&a.quote).await, chain.balance(&b.quote).await);
    let p = env.state(&mut chain).await;
    // paid + what rounding left behind (dust stays booked to the queue) = the value owed
    let accounted = qa + qb + p.claims_reserved;
    assert!(200_087_500_000 - accounted <= 1, "{accounted}"); // settle rounds down
    assert!(p.claims_reserved <= 2, "dust only: {}", p.claims_reserved);
    assert!((qb * 3).abs_diff(qa) <= 3, "pro rata: {qa} vs {qb}");
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &a.key.pubkey()))
        .await;
    assert_eq!((pos.queued_shares, pos.shares), (0, 150_000 * UNIT));
    env.check_books(&mut chain).await;
}
