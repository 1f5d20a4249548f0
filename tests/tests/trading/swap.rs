use crate::common::*;
use halo_harness::trading::PriceKind;

const SELL: Side = Side::SellAsset;
const BUY: Side = Side::BuyAsset;

/// A pool holding `inventory` of the asset (bought from a seller at 5 bps).
async fn with_inventory(chain: &mut Chain, env: &TradingEnv, inventory: u64) {
    let seller = env.trader(chain, inventory, 0).await;
    env.swap(chain, &seller, SELL, true, inventory)
        .await
        .expect("seed inventory");
}

async fn refused(
    chain: &mut Chain,
    env: &TradingEnv,
    t: &Trader,
    ix: halo_sdk::Instruction,
    e: TradingError,
) {
    refused_unchanged(chain, env, &[t.asset, t.quote], &[ix], &[&t.key], e).await;
}

#[tokio::test]
async fn swap_ok_seed_000_tbill_sale_at_5_bps_pays_99_950() {
    let (mut chain, env) = setup().await;
    let user = env.trader(&mut chain, 100_000 * UNIT, 0).await;
    env.swap(&mut chain, &user, SELL, true, 100_000 * UNIT)
        .await
        .expect("sell");
    assert_eq!(chain.balance(&user.quote).await, 99_950 * UNIT);
    assert_eq!(chain.balance(&user.asset).await, 0);
    let p = env.state(&mut chain).await;
    assert_eq!(p.inventory, 100_000 * UNIT);
    assert_eq!(p.inventory_cost, 99_950 * UNIT);
    assert_eq!(p.spread_earned, u128::from(50 * UNIT));
    assert_eq!(p.bought_asset, u128::from(100_000 * UNIT));
    assert_eq!(p.bought_quote, u128::from(99_950 * UNIT));
    assert_eq!(p.swaps, 1);
    assert_eq!(p.quote_liquidity, 1_000_000 * UNIT - 99_950 * UNIT);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn swap_ok_exact_out_sell_takes_just_enough_asset() {
    let (mut chain, env) = setup().await;
    let user = env.trader(&mut chain, 200_000 * UNIT, 0).await;
    env.swap(&mut chain, &user, SELL, false, 99_950 * UNIT)
        .await
        .expect("sell exact out");
    assert_eq!(chain.balance(&user.quote).await, 99_950 * UNIT);
    assert_eq!(chain.balance(&user.asset).await, 100_000 * UNIT);
}

#[tokio::test]
async fn swap_ok_buy_both_modes_at_nav_plus_ask() {
    let (mut chain, env) = setup().await;
    with_inventory(&mut chain, &env, 600_000 * UNIT).await;
    let buyer = env.trader(&mut chain, 0, 1_000_000 * UNIT).await;
    // exact out: 500K at 1.0005 costs 500,250
    env.swap(&mut chain, &buyer, BUY, false, 500_000 * UNIT)
        .await
        .expect("buy exact out");
    assert_eq!(chain.balance(&buyer.asset).await, 500_000 * UNIT);
    assert_eq!(chain.balance(&buyer.quote).await, 499_750 * UNIT);
    // exact in: 10,005 USDS buys 10,000
    env.swap(&mut chain, &buyer, BUY, true, 10_005 * UNIT)
        .await
        .expect("buy exact in");
    assert_eq!(chain.balance(&buyer.asset).await, 510_000 * UNIT);
    let p = env.state(&mut chain).await;
    assert_eq!(p.inventory, 90_000 * UNIT);
    assert_eq!(p.sold_asset, u128::from(510_000 * UNIT));
    assert_eq!(p.sold_quote, u128::from(510_255 * UNIT));
    // bought at 0.9995, sold at 1.0005: 10 bps of 510K realised
    assert_eq!(p.realised_pnl, i128::from(510 * UNIT));
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn swap_ok_bid_widens_with_inventory_past_the_skew_start() {
    let mut opts = TradingOptions::default();
    opts.params.position_limit = 1_000_000 * UNIT;
    let (mut chain, env) = setup_with(opts).await;
    // 750K of a 1M limit: 50 % over the start (50 %) -> +10 bps on top of 5; the sale takes
    // the inventory to 760K (+10.4 bps), so it pays the average, +10.2 bps: 15.2 bps
    with_inventory(&mut chain, &env, 750_000 * UNIT).await;
    let user = env.trader(&mut chain, 10_000 * UNIT, 0).await;
    env.swap(&mut chain, &user, SELL, true, 10_000 * UNIT)
        .await
        .expect("sell");
    assert_eq!(chain.balance(&user.quote).await, 9_984_800_000);
    // the ask (the side that shrinks inventory) is not widened
    let buyer = env.trader(&mut chain, 0, 10_005 * UNIT).await;
    env.swap(&mut chain, &buyer, BUY, false, 10_000 * UNIT)
        .await
        .expect("buy");
    assert_eq!(chain.balance(&buyer.quote).await, 0);
}

#[tokio::test]
async fn swap_fails_when_expired() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 10 * UNIT, 0).await;
    let now = chain.now().await;
    let ix = env.swap_ix(&u, SELL, true, 10 * UNIT, 0, now - 1);
    refused(&mut chain, &env, &u, ix, TradingError::Expired).await;
}

#[tokio::test]
async fn swap_fails_when_zero_or_dust() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 10 * UNIT, 0).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 0, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::ZeroAmount).await;
    // one base unit at 5 bps is worth 0.9995 units: rounds to nothing, refused
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 1, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::ZeroAmount).await;
}

#[tokio::test]
async fn swap_fails_when_past_the_users_bound() {
    let (mut chain, env) = setup().await;
    with_inventory(&mut chain, &env, 100 * UNIT).await;
    let u = env.trader(&mut chain, 100 * UNIT, 200 * UNIT).await;
    // min_out one unit above what 100 buys
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 100 * UNIT, 99_950_001).await;
    refused(&mut chain, &env, &u, ix, TradingError::SlippageExceeded).await;
    // max_in one unit below what 99.95 out costs
    let ix = swap_ix(
        &mut chain,
        &env,
        &u,
        SELL,
        false,
        99_950_000,
        100 * UNIT - 1,
    )
    .await;
    refused(&mut chain, &env, &u, ix, TradingError::SlippageExceeded).await;
    // buying 10 costs 10.005: max_in 10.004 refused, min_out above 10 refused
    let ix = swap_ix(&mut chain, &env, &u, BUY, false, 10 * UNIT, 10_004_999).await;
    refused(&mut chain, &env, &u, ix, TradingError::SlippageExceeded).await;
    let ix = swap_ix(&mut chain, &env, &u, BUY, true, 10_005_000, 10 * UNIT + 1).await;
    refused(&mut chain, &env, &u, ix, TradingError::SlippageExceeded).await;
    // the exact bounds pass
    let ix = swap_ix(&mut chain, &env, &u, BUY, true, 10_005_000, 10 * UNIT).await;
    chain.must(&[ix], &[&u.key]).await;
}

#[tokio::test]
async fn swap_fails_when_outside_the_trade_size_bounds() {
    let (mut chain, env) = setup().await;
    set_params(&mut chain, &env, |p| {
        p.min_trade = 10 * UNIT;
        p.max_trade = 1_000 * UNIT;
    })
    .await;
    let u = env.trader(&mut chain, 10_000 * UNIT, 0).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await; // 9.995 out
    refused(&mut chain, &env, &u, ix, TradingError::TradeTooSmall).await;
    let ix = swap_ix(
        &mut chain,
        &env,
        &u,
        SELL,
        false,
        1_000 * UNIT + 1,
        u64::MAX,
    )
    .await;
    refused(&mut chain, &env, &u, ix, TradingError::TradeTooLarge).await;
}

#[tokio::test]
async fn swap_fails_when_a_buy_exceeds_the_position_limit_but_sells_still_work() {
    let mut opts = TradingOptions::default();
    opts.params.position_limit = 100 * UNIT;
    let (mut chain, env) = setup_with(opts).await;
    with_inventory(&mut chain, &env, 100 * UNIT).await;
    let u = env.trader(&mut chain, 2 * UNIT, 10 * UNIT).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 2 * UNIT, 0).await;
    refused(
        &mut chain,
        &env,
        &u,
        ix,
        TradingError::PositionLimitExceeded,
    )
    .await;
    env.swap(&mut chain, &u, BUY, false, UNIT)
        .await
        .expect("buy");
}

#[tokio::test]
async fn swap_fails_when_the_pool_has_no_usds_or_inventory() {
    let opts = TradingOptions {
        pau_funding: 1_000 * UNIT,
        ..TradingOptions::default()
    };
    let (mut chain, env) = setup_with(opts).await;
    let u = env.trader(&mut chain, 2_000 * UNIT, 2_000 * UNIT).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 1_001 * UNIT, 0).await;
    refused(
        &mut chain,
        &env,
        &u,
        ix,
        TradingError::InsufficientLiquidity,
    )
    .await;
    let ix = swap_ix(&mut chain, &env, &u, BUY, false, UNIT, u64::MAX).await;
    refused(
        &mut chain,
        &env,
        &u,
        ix,
        TradingError::InsufficientInventory,
    )
    .await;
}

#[tokio::test]
async fn swap_ok_each_side_has_its_own_rate_limit() {
    let (mut chain, env) = setup().await;
    with_inventory(&mut chain, &env, 1_000 * UNIT).await;
    set_params(&mut chain, &env, |p| {
        p.bid_limit = tx::LimitParams {
            max_amount: 100 * UNIT,
            slope: 100 * UNIT / DAY as u64,
        };
        p.ask_limit = tx::LimitParams {
            max_amount: 50 * UNIT,
            slope: 0,
        };
    })
    .await;
    let u = env.trader(&mut chain, 1_000 * UNIT, 1_000 * UNIT).await;
    // 100 USDS out exactly drains the bid bucket; one more unit is refused
    env.swap(&mut chain, &u, SELL, false, 100 * UNIT)
        .await
        .expect("at the limit");
    let ix = swap_ix(&mut chain, &env, &u, SELL, false, UNIT, u64::MAX).await;
    refused(
        &mut chain,
        &env,
        &u,
        ix,
        TradingError::SwapRateLimitExceeded,
    )
    .await;
    // the ask side is separate
    let ix = swap_ix(&mut chain, &env, &u, BUY, true, 51 * UNIT, 0).await;
    refused(
        &mut chain,
        &env,
        &u,
        ix,
        TradingError::SwapRateLimitExceeded,
    )
    .await;
    env.swap(&mut chain, &u, BUY, true, 50 * UNIT)
        .await
        .expect("ask ok");
    // the bid refills with time
    chain.advance(DAY / 2).await;
    env.refresh_price(&mut chain).await;
    env.swap(&mut chain, &u, SELL, false, 49 * UNIT)
        .await
        .expect("refilled");
}

#[tokio::test]
async fn swap_fails_when_the_class_or_pool_is_paused_or_the_side_disabled() {
    let (mut chain, env) = setup().await;
    with_inventory(&mut chain, &env, 100 * UNIT).await;
    let u = env.trader(&mut chain, 10 * UNIT, 10 * UNIT).await;
    let g = env.governance.pubkey();

    chain
        .must(
            &[tx::set_sides(&g, &env.pool, false, true)],
            &[&env.governance],
        )
        .await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::BuysDisabled).await;
    env.swap(&mut chain, &u, BUY, false, UNIT)
        .await
        .expect("sells still on");

    chain
        .must(
            &[tx::set_sides(&g, &env.pool, true, false)],
            &[&env.governance],
        )
        .await;
    let ix = swap_ix(&mut chain, &env, &u, BUY, false, UNIT, u64::MAX).await;
    refused(&mut chain, &env, &u, ix, TradingError::SellsDisabled).await;
    chain
        .must(
            &[tx::set_sides(&g, &env.pool, true, true)],
            &[&env.governance],
        )
        .await;

    let f = env.freezer.pubkey();
    chain
        .must(&[tx::pause_pool(&f, &env.pool)], &[&env.freezer])
        .await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::PoolPaused).await;
    chain
        .must(&[tx::resume_pool(&g, &env.pool)], &[&env.governance])
        .await;

    chain
        .must(
            &[tx::set_class_paused(&f, &env.pool.class, true)],
            &[&env.freezer],
        )
        .await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::ClassPaused).await;
}

#[tokio::test]
async fn swap_fails_when_the_price_is_stale_never_using_a_cached_one() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 10 * UNIT, 0).await;
    chain.advance(26 * 3600 + 1).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::StalePrice).await;
    env.refresh_price(&mut chain).await;
    env.swap(&mut chain, &u, SELL, true, 10 * UNIT)
        .await
        .expect("fresh");
}

#[tokio::test]
async fn swap_fails_when_the_price_deviates() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 10 * UNIT, 0).await;
    chain.advance(60).await;
    // +2.01 % against a 2 % limit (within the feed's own 5 % guard)
    env.publish_nav(&mut chain, 1_020_100)
        .await
        .expect("publish");
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::PriceDeviation).await;
}

#[tokio::test]
async fn swap_fails_when_the_price_account_is_another_feed_or_a_look_alike() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    let u = env.trader(&mut chain, 10 * UNIT, 0).await;
    // another (genuine) feed
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    let ix = swap_account(ix, &env.pool.price_account, &other.pool.price_account);
    refused(&mut chain, &env, &u, ix, TradingError::WrongPriceAccount).await;
    // the right address but owned by another program (a look-alike written there)
    let data = chain.account_data(&env.pool.price_account).await.unwrap();
    let lamports = chain.rent(data.len()).await;
    let fake = Pubkey::new_unique();
    chain
        .set_account(
            &fake,
            RawAccount {
                lamports,
                owner: halo_trading::ID,
                data,
            },
        )
        .await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    let ix = swap_account(ix, &env.pool.price_account, &fake);
    refused(&mut chain, &env, &u, ix, TradingError::WrongPriceAccount).await;
}

#[tokio::test]
async fn swap_fails_when_given_another_pools_or_otherwise_wrong_accounts() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    let u = env.trader(&mut chain, 10 * UNIT, 0).await;
    let base = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    // another pool's quote vault
    let ix = swap_account(base.clone(), &env.pool.quote_vault, &other.pool.quote_vault);
    refused(&mut chain, &env, &u, ix, TradingError::WrongVault).await;
    // another class (its own USDS) with this pool: its quote mint does not match
    let ix = swap_account(base.clone(), &env.pool.class, &other.pool.class);
    refused(&mut chain, &env, &u, ix, TradingError::WrongQuoteMint).await;
    // another class on the same USDS: the pool is not its
    let same_usds = sibling_class(&mut chain, &env).await;
    let ix = swap_account(base.clone(), &env.pool.class, &same_usds);
    refused(&mut chain, &env, &u, ix, TradingError::PoolOfAnotherClass).await;
    // a user account of another mint
    let ix = swap_account(base.clone(), &u.asset, &other.pool.asset_vault);
    refused(&mut chain, &env, &u, ix, TradingError::WrongAssetMint).await;
    // the pool's own vaults as the user's accounts (a self-transfer would unbalance the books)
    let ix = swap_account(base.clone(), &u.quote, &env.pool.quote_vault);
    refused(&mut chain, &env, &u, ix, TradingError::VaultAsUserAccount).await;
    let ix = swap_account(base.clone(), &u.asset, &env.pool.asset_vault);
    refused(&mut chain, &env, &u, ix, TradingError::VaultAsUserAccount).await;
    // the same user account twice (duplicate mutable account)
    let ix = swap_account(base.clone(), &u.quote, &u.asset);
    let before = env.fingerprint(&mut chain, &[u.asset, u.quote]).await;
    assert_err(
        chain.send(&[ix], &[&u.key]).await,
        anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount,
    );
    assert_eq!(
        before,
        env.fingerprint(&mut chain, &[u.asset, u.quote]).await
    );
    // a fake token program
    let ix = swap_account(base, &env.pool.asset_token_program, &halo_pau::ID);
    assert_err(
        chain.send(&[ix], &[&u.key]).await,
        anchor_lang::error::ErrorCode::InvalidProgramId,
    );
}

#[tokio::test]
async fn swap_fails_when_the_user_has_not_signed() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 10 * UNIT, 0).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    let ix = unsigned(ix, &u.key.pubkey());
    assert_err(
        chain.send(&[ix], &[]).await,
        anchor_lang::error::ErrorCode::AccountNotSigner,
    );
}

#[tokio::test]
async fn swap_ok_on_a_pyth_priced_pool_and_checks_the_update() {
    let opts = TradingOptions {
        price: PriceKind::Pyth,
        ..TradingOptions::default()
    };
    let (mut chain, env) = setup_with(opts).await;
    let u = env.trader(&mut chain, 1_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, SELL, true, 1_000 * UNIT)
        .await
        .expect("pyth sell");
    // 5 bps, widened by the update's 1 bp confidence interval
    assert_eq!(chain.balance(&u.quote).await, 999_400_000);
    let now = chain.now().await;
    let px = nav_to_pyth(UNIT);
    let cases: [(i64, u64, i64, bool, TradingError); 4] = [
        // confidence 0.51 % of price against a 0.5 % limit
        (px, 510_000, now, true, TradingError::ConfidenceTooWide),
        (px, 1_000, now, false, TradingError::NotFullyVerified),
        (0, 0, now, true, TradingError::NonPositivePrice),
        // publish time behind the one the pool already used
        (
            px,
            1_000,
            now - 3_600,
            true,
            TradingError::PublishTimeWentBackwards,
        ),
    ];
    let u2 = env.trader(&mut chain, 10 * UNIT, 0).await;
    for (price, conf, ts, full, e) in cases {
        env.set_pyth(&mut chain, price, conf, ts, full).await;
        let ix = swap_ix(&mut chain, &env, &u2, SELL, true, 10 * UNIT, 0).await;
        refused(&mut chain, &env, &u2, ix, e).await;
    }
    // another feed id
    let data = tx::price_update_v2_bytes(true, [1; 32], px, 1_000, -8, now);
    let lamports = chain.rent(data.len()).await;
    chain
        .set_account(
            &env.pool.price_account,
            RawAccount {
                lamports,
                owner: tx::PYTH_RECEIVER_ID,
                data: data.clone(),
            },
        )
        .await;
    let ix = swap_ix(&mut chain, &env, &u2, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u2, ix, TradingError::WrongFeedId).await;
    // the right bytes under another owner
    chain
        .set_account(
            &env.pool.price_account,
            RawAccount {
                lamports,
                owner: Pubkey::new_unique(),
                data,
            },
        )
        .await;
    let ix = swap_ix(&mut chain, &env, &u2, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u2, ix, TradingError::WrongOracleOwner).await;
    // not a price update at all
    chain
        .set_account(
            &env.pool.price_account,
            RawAccount {
                lamports,
                owner: tx::PYTH_RECEIVER_ID,
                data: vec![0; 134],
            },
        )
        .await;
    let ix = swap_ix(&mut chain, &env, &u2, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u2, ix, TradingError::NotAPriceUpdate).await;
}

/// A second `PriceUpdateV2` for the pool's feed at a fresh address (any fully verified
/// update for the feed id is accepted), carrying `price` published at `ts`.
async fn second_pyth_account(chain: &mut Chain, env: &TradingEnv, price: i64, ts: i64) -> Pubkey {
    let addr = Pubkey::new_unique();
    let data = tx::price_update_v2_bytes(true, env.pyth_feed_id, price, 1_000, -8, ts);
    let lamports = chain.rent(data.len()).await;
    chain
        .set_account(
            &addr,
            RawAccount {
                lamports,
                owner: tx::PYTH_RECEIVER_ID,
                data,
            },
        )
        .await;
    addr
}

/// Finding 10, the attack: the trader chooses the Pyth update and can use two in one
/// transaction: buy 100,000 on an older update at NAV 1.00 and sell them back on a newer
/// one at 1.01 (inside the deviation bound), pocketing ~0.9 %. The pool now accepts one
/// price per slot: the second leg is refused and the whole transaction changes nothing.
#[tokio::test]
async fn swap_fails_when_one_transaction_trades_on_two_pyth_prices() {
    let opts = TradingOptions {
        price: PriceKind::Pyth,
        ..TradingOptions::default()
    };
    let (mut chain, env) = setup_with(opts).await;
    with_inventory(&mut chain, &env, 200_000 * UNIT).await;
    chain.advance(10).await;
    let now = chain.now().await;
    let old = second_pyth_account(&mut chain, &env, nav_to_pyth(UNIT), now - 5).await;
    let new = second_pyth_account(&mut chain, &env, nav_to_pyth(UNIT + UNIT / 100), now).await;
    let u = env.trader(&mut chain, 0, 101_000 * UNIT).await;
    let buy = swap_ix(&mut chain, &env, &u, BUY, false, 100_000 * UNIT, u64::MAX).await;
    let buy = swap_account(buy, &env.pool.price_account, &old);
    let sell = swap_ix(&mut chain, &env, &u, SELL, true, 100_000 * UNIT, 0).await;
    let sell = swap_account(sell, &env.pool.price_account, &new);
    refused_unchanged(
        &mut chain,
        &env,
        &[u.asset, u.quote],
        &[buy.clone(), sell.clone()],
        &[&u.key],
        TradingError::PriceChangedThisSlot,
    )
    .await;
    // the same two legs on one price go through, and never profit the trader
    let sell_same = swap_account(sell, &new, &old);
    chain.must(&[buy, sell_same], &[&u.key]).await;
    assert!(chain.balance(&u.quote).await < 101_000 * UNIT);
    env.check_books(&mut chain).await;
}

/// Finding 10: swaps take their own, shorter staleness; LP operations keep the longer one.
#[tokio::test]
async fn swap_fails_when_the_price_is_older_than_the_swap_staleness() {
    let (mut chain, env) = setup().await;
    set_params(&mut chain, &env, |p| p.swap_max_staleness_s = 60).await;
    chain.advance(61).await;
    let u = env.trader(&mut chain, 10 * UNIT, 0).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::StalePrice).await;
    // a deposit at the same price is fine (26 h for LP operations)
    env.lp(&mut chain, 1_000 * UNIT).await;
    // the swap staleness may not exceed the LP one
    let gov = env.governance.pubkey();
    let mut bad = env.state(&mut chain).await.params;
    bad.swap_max_staleness_s = bad.max_staleness_s + 1;
    let ix = tx::set_pool_params(&gov, &env.pool, bad);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::BadStaleness,
    )
    .await;
}

/// Finding 12, the attack: the deviation pause was measured against the last accepted
/// price only, so it could be walked in steps just under `max_deviation_bps` (2 %):
/// 1.00 → 1.019 → 1.038 → ... Each price is now also measured against the anchor of its
/// 24 h window: the second step (3.8 % from the anchor) is refused, and `poke` pauses.
#[tokio::test]
async fn swap_fails_when_the_price_is_walked_in_steps_under_the_deviation_bound() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 100 * UNIT, 0).await;
    chain.advance(1).await;
    env.governance_publish(&mut chain, UNIT + 19 * UNIT / 1_000)
        .await;
    env.swap(&mut chain, &u, SELL, true, 10 * UNIT)
        .await
        .expect("first step, 1.9 %");
    chain.advance(1).await;
    env.governance_publish(&mut chain, UNIT + 38 * UNIT / 1_000)
        .await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::PriceDeviation).await;
    // poke sees it too and pauses the pool for review
    chain.must(&[tx::poke(&env.pool)], &[]).await;
    let p = env.state(&mut chain).await;
    assert!(p.paused);
    assert_eq!(p.pause_reason, tx::PauseReason::Deviation);
    // the window's anchor stayed at the pre-walk 1.00
    assert_eq!(p.ref_price_wad, 1_000_000_000_000_000_000);
}

/// Finding 13, the attack: a halo feed reporter swings the NAV back and forth within the
/// move guard between trades. With `min_price_interval_s`, a swap accepts a changed price
/// only that long after the last change.
#[tokio::test]
async fn swap_fails_when_the_price_changed_too_recently() {
    let (mut chain, env) = setup().await;
    set_params(&mut chain, &env, |p| p.min_price_interval_s = 600).await;
    chain.advance(600).await;
    env.refresh_price(&mut chain).await;
    let u = env.trader(&mut chain, 100 * UNIT, 100 * UNIT).await;
    chain.advance(1).await;
    env.publish_nav(&mut chain, UNIT + UNIT / 200)
        .await
        .unwrap();
    env.swap(&mut chain, &u, SELL, true, 10 * UNIT)
        .await
        .expect("a change after the interval");
    chain.advance(1).await;
    env.publish_nav(&mut chain, UNIT).await.unwrap();
    let ix = swap_ix(&mut chain, &env, &u, BUY, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, ix, TradingError::PriceChangeTooSoon).await;
    chain.advance(600).await;
    env.refresh_price(&mut chain).await;
    env.swap(&mut chain, &u, BUY, true, 10 * UNIT)
        .await
        .expect("after the interval");
}

/// Review finding: the change interval could be bypassed with `[poke, swap]` (the poke
/// recorded the new price, so the swap saw no change). The interval is measured against
/// the price the last swap used, which a poke or an LP operation never moves.
#[tokio::test]
async fn swap_fails_when_a_poke_in_front_tries_to_skip_the_change_interval() {
    let (mut chain, env) = setup().await;
    set_params(&mut chain, &env, |p| p.min_price_interval_s = 600).await;
    chain.advance(600).await;
    env.refresh_price(&mut chain).await;
    let u = env.trader(&mut chain, 100 * UNIT, 100 * UNIT).await;
    env.swap(&mut chain, &u, SELL, true, 10 * UNIT)
        .await
        .expect("a swap at the current price");
    chain.advance(1).await;
    env.publish_nav(&mut chain, UNIT + UNIT / 200)
        .await
        .unwrap();
    let swap = swap_ix(&mut chain, &env, &u, BUY, true, 10 * UNIT, 0).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[u.asset, u.quote],
        &[tx::poke(&env.pool), swap],
        &[&u.key],
        TradingError::PriceChangeTooSoon,
    )
    .await;
    // a poke on its own is fine, and still does not open the way
    chain.must(&[tx::poke(&env.pool)], &[]).await;
    let swap = swap_ix(&mut chain, &env, &u, BUY, true, 10 * UNIT, 0).await;
    refused(&mut chain, &env, &u, swap, TradingError::PriceChangeTooSoon).await;
}

/// Finding 15: the position limit bounded the inventory only, so sending inventory to the
/// issuer made room for more while the redemption was still out. Pending redemptions now
/// count in the exposure the limit bounds.
#[tokio::test]
async fn swap_fails_when_inventory_plus_pending_redemptions_exceed_the_position_limit() {
    let mut opts = TradingOptions::default();
    opts.params.position_limit = 1_000_000 * UNIT;
    let (mut chain, env) = setup_with(opts).await;
    sent_for_redemption(&mut chain, &env, 600_000 * UNIT, 0).await;
    let p = env.state(&mut chain).await;
    assert_eq!((p.inventory, p.pending_asset), (0, 600_000 * UNIT));
    let u = env.trader(&mut chain, 500_000 * UNIT, 0).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 500_000 * UNIT, 0).await;
    refused(
        &mut chain,
        &env,
        &u,
        ix,
        TradingError::PositionLimitExceeded,
    )
    .await;
    env.swap(&mut chain, &u, SELL, true, 400_000 * UNIT)
        .await
        .expect("within the limit with the pending redemption");
}
