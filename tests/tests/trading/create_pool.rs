//! `create_pool`: Adds a pool with its book, vaults and first generation; every parameter bound.
use crate::common::*;
use halo_sdk::trading::{CreatePoolArgs, PoolRef, PriceSource};

fn pool_args(env: &TradingEnv, unit_id: u64, book_id: u64) -> CreatePoolArgs {
    let mut params = halo_harness::trading::default_params();
    params.redemption_account = env.issuer_account;
    CreatePoolArgs {
        unit_id,
        book_id,
        price_source: PriceSource::HaloFeed {
            feed: env.pool.price_account,
        },
        params,
    }
}

#[tokio::test]
async fn create_pool_ok_sets_up_book_vaults_and_reference_price() {
    let (mut chain, env) = setup().await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.asset_vault, env.pool.asset_vault);
    assert_eq!(p.quote_vault, env.pool.quote_vault);
    assert_eq!(p.book, env.pool.book);
    assert_eq!(p.last_price_wad, halo_math::WAD);
    assert!(p.buy_enabled && p.sell_enabled && !p.paused);
    let b: tx::Book = chain.account(&env.pool.book).await;
    assert_eq!(
        (b.pool, b.asset_vault, b.quote_vault),
        (env.pool.pool, p.asset_vault, p.quote_vault)
    );
    let g: tx::WithdrawGeneration = chain
        .account(&halo_sdk::pda::generation(&env.pool.pool, 0))
        .await;
    assert_eq!(
        (g.pool, g.id, g.requested, g.closed),
        (env.pool.pool, 0, 0, false)
    );
}

#[tokio::test]
async fn create_pool_fails_when_the_signer_parameters_asset_price_or_unit_id_are_invalid() {
    let (mut chain, env) = setup().await;
    let new_ref = |asset: Pubkey, unit: u64| {
        PoolRef::new(
            env.pool.class,
            unit,
            unit,
            asset,
            env.pool.quote_mint,
            env.pool.price_account,
            env.pool.asset_token_program,
            env.pool.quote_token_program,
        )
    };
    let asset = chain.create_mint(MintKind::SplToken, 6).await;
    let r = new_ref(asset, 1);
    let g = env.governance.pubkey();
    // the beacon cannot add pairs
    let ix = tx::create_pool(&env.beacon_key(), &r, pool_args(&env, 1, 1));
    refused_unchanged(
        &mut chain,
        &env,
        &[r.pool],
        &[ix],
        &[&env.beacon],
        TradingError::NotGovernance,
    )
    .await;
    // parameter bounds, each with its own error
    type Case = (fn(&mut tx::PoolParams), TradingError);
    let cases: [Case; 7] = [
        (|p| p.bid_spread_bps = 5_001, TradingError::SpreadTooWide),
        // a skew that would push the bid past the widest valid spread
        (|p| p.skew_max_bps = 4_996, TradingError::SpreadTooWide),
        (|p| p.skew_start_bps = 10_000, TradingError::SkewOutOfRange),
        (|p| p.max_staleness_s = 0, TradingError::BadStaleness),
        (|p| p.max_deviation_bps = 0, TradingError::BadDeviation),
        (
            |p| p.max_confidence_bps = 10_001,
            TradingError::BadConfidence,
        ),
        (
            |p| p.min_trade = p.max_trade + 1,
            TradingError::BadTradeBounds,
        ),
    ];
    for (f, e) in cases {
        let mut a = pool_args(&env, 1, 1);
        f(&mut a.params);
        let ix = tx::create_pool(&g, &r, a);
        refused_unchanged(&mut chain, &env, &[r.pool], &[ix], &[&env.governance], e).await;
    }
    // the quote mint as the asset
    let same = new_ref(env.pool.quote_mint, 2);
    let ix = tx::create_pool(&g, &same, pool_args(&env, 2, 2));
    assert_failed(chain.send(&[ix], &[&env.governance]).await);
    // an asset with a permanent delegate
    let pd = chain
        .create_mint(MintKind::Token2022PermanentDelegate, 6)
        .await;
    let mut r = new_ref(pd, 3);
    r.asset_token_program = tx_token_2022();
    r.asset_vault = halo_sdk::pda::vault(&r.book, &pd);
    let ix = tx::create_pool(&g, &r, pool_args(&env, 3, 3));
    refused_unchanged(
        &mut chain,
        &env,
        &[r.pool],
        &[ix],
        &[&env.governance],
        TradingError::UnsupportedMintExtension,
    )
    .await;
    // finding 16: an interest-bearing asset (its UI amount grows while the pool prices raw
    // amounts)
    let ib = chain
        .create_mint(MintKind::Token2022InterestBearing { rate_bps: 500 }, 6)
        .await;
    let mut r = new_ref(ib, 5);
    r.asset_token_program = tx_token_2022();
    r.asset_vault = halo_sdk::pda::vault(&r.book, &ib);
    let ix = tx::create_pool(&g, &r, pool_args(&env, 5, 5));
    refused_unchanged(
        &mut chain,
        &env,
        &[r.pool],
        &[ix],
        &[&env.governance],
        TradingError::UnsupportedMintExtension,
    )
    .await;
    // a stale feed at creation
    chain.advance(27 * 3600).await;
    let r = new_ref(asset, 4);
    let ix = tx::create_pool(&g, &r, pool_args(&env, 4, 4));
    refused_unchanged(
        &mut chain,
        &env,
        &[r.pool],
        &[ix],
        &[&env.governance],
        TradingError::StalePrice,
    )
    .await;
    // the same unit id twice
    env.refresh_price(&mut chain).await;
    let r = new_ref(asset, 0);
    let ix = tx::create_pool(&g, &r, pool_args(&env, 0, 7));
    assert_failed(chain.send(&[ix], &[&env.governance]).await);
}

fn tx_token_2022() -> Pubkey {
    halo_sdk::token_programs::TOKEN_2022
}

#[tokio::test]
async fn create_pool_fails_when_the_asset_is_the_quote_mint_or_has_too_many_decimals() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let r = |asset: Pubkey, unit: u64| {
        PoolRef::new(
            env.pool.class,
            unit,
            unit,
            asset,
            env.pool.quote_mint,
            env.pool.price_account,
            env.pool.asset_token_program,
            env.pool.quote_token_program,
        )
    };
    // the quote mint as the asset: both vaults derive to one address, so the second vault's
    // creation fails inside the system program before the handler's `SameMint` check;
    // either way the transaction is refused whole
    let same = r(env.pool.quote_mint, 5);
    let ix = tx::create_pool(&g, &same, pool_args(&env, 5, 5));
    let before = env
        .fingerprint(&mut chain, &[same.pool, same.asset_vault])
        .await;
    assert_failed(chain.send(&[ix], &[&env.governance]).await);
    assert_eq!(
        before,
        env.fingerprint(&mut chain, &[same.pool, same.asset_vault])
            .await
    );
    let wide = chain.create_mint(MintKind::SplToken, 19).await;
    let r19 = r(wide, 6);
    let ix = tx::create_pool(&g, &r19, pool_args(&env, 6, 6));
    refused_unchanged(
        &mut chain,
        &env,
        &[r19.pool],
        &[ix],
        &[&env.governance],
        TradingError::DecimalsTooLarge,
    )
    .await;
}
