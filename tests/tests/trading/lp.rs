//! open_position, deposit, request_withdrawal, roll_withdrawals, settle_withdrawals,
//! claim_withdrawal: LP shares and the liquidity-constrained withdrawal queue.
use crate::common::*;

const SELL: SwapSide = SwapSide::SellAsset;

async fn open_gen(chain: &mut Chain, env: &TradingEnv) -> u64 {
    env.state(chain).await.queue_open_gen
}

async fn request(chain: &mut Chain, env: &TradingEnv, lp: &Trader, shares: u64) {
    let g = open_gen(chain, env).await;
    chain
        .must(
            &[tx::request_withdrawal(
                &lp.key.pubkey(),
                &env.pool,
                g,
                shares,
            )],
            &[&lp.key],
        )
        .await;
}

async fn roll(chain: &mut Chain, env: &TradingEnv) {
    let g = open_gen(chain, env).await;
    chain
        .must(
            &[tx::roll_withdrawals(&env.beacon_key(), &env.pool, g)],
            &[&env.beacon],
        )
        .await;
}

async fn settle(chain: &mut Chain, env: &TradingEnv, max: u64) -> Result<Receipt, Refusal> {
    let g = env.state(chain).await.queue_settling_gen;
    chain
        .send(
            &[tx::settle_withdrawals(&env.beacon_key(), &env.pool, g, max)],
            &[&env.beacon],
        )
        .await
}

async fn claim(chain: &mut Chain, env: &TradingEnv, lp: &Trader) -> Result<Receipt, Refusal> {
    let pos: tx::LpPosition = chain
        .account(&tx::position_address(&env.pool.pool, &lp.key.pubkey()))
        .await;
    chain
        .send(
            &[tx::claim_withdrawal(
                &lp.key.pubkey(),
                &env.pool,
                pos.queue_gen,
                &lp.quote,
            )],
            &[&lp.key],
        )
        .await
}

#[tokio::test]
async fn deposit_mints_at_share_value_and_spread_raises_it() {
    let (mut chain, env) = setup().await; // PAU: 1M shares for 1M
    let prime = env.lp(&mut chain, 100_000 * UNIT).await;
    let pos: tx::LpPosition = chain
        .account(&tx::position_address(&env.pool.pool, &prime.key.pubkey()))
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
        .account(&tx::position_address(&env.pool.pool, &late.key.pubkey()))
        .await;
    assert_eq!(pos.shares, 110_000 * UNIT);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn a_donation_to_the_vault_does_not_move_the_share_price() {
    let (mut chain, env) = setup().await;
    env.issuer_pays(&mut chain, 1_000_000 * UNIT).await; // an unbooked donation
    let prime = env.lp(&mut chain, 100 * UNIT).await;
    let pos: tx::LpPosition = chain
        .account(&tx::position_address(&env.pool.pool, &prime.key.pubkey()))
        .await;
    assert_eq!(pos.shares, 100 * UNIT);
}

#[tokio::test]
async fn deposit_refusals() {
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
        &tx::position_address(&env.pool.pool, &other.key.pubkey()),
        &tx::position_address(&env.pool.pool, &k),
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
async fn withdrawal_queue_fills_pro_rata_as_usds_frees_up() {
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
    assert_trading_err(r, TradingError::GenerationStillOpen);
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
    assert_trading_err(
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
        .account(&tx::position_address(&env.pool.pool, &a.key.pubkey()))
        .await;
    assert_eq!((pos.queued_shares, pos.shares), (0, 150_000 * UNIT));
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn queue_refusals() {
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
    assert_anchor_err(
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
    assert_trading_err(
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
    assert_anchor_err(
        chain.send(&[ix], &[&env.beacon]).await,
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    );
}

#[tokio::test]
async fn dust_deposit_and_another_pools_position_are_refused() {
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
        &tx::position_address(&env.pool.pool, &k),
        &tx::position_address(&other.pool.pool, &k),
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
async fn a_pool_written_down_to_zero_cannot_price_shares() {
    let (mut chain, env) = setup().await;
    // all the USDS buys inventory, all the inventory goes to an issuer that never pays
    let u = env.trader(&mut chain, 2_000_000 * UNIT, 0).await;
    let free = env.state(&mut chain).await.quote_liquidity;
    env.swap(&mut chain, &u, SELL, false, free).await.unwrap();
    let p = env.state(&mut chain).await;
    let b = env.beacon_key();
    chain
        .must(
            &[
                tx::start_redemption(&b, &env.pool, &env.issuer_account, 0, p.inventory),
                tx::fail_redemption(&b, &env.pool, 0),
            ],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.value(p.last_price_wad).unwrap(), 0);
    let prime = env.trader(&mut chain, 0, 10 * UNIT).await;
    let payer = chain.payer_key();
    let k = prime.key.pubkey();
    chain
        .must(&[tx::open_position(&payer, &env.pool, k)], &[])
        .await;
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
