//! create_class, set_class_roles, set_class_paused, create_pool, set_pool_params,
//! set_sides, clear_redemption_failure: governance's instructions, and the beacon's and
//! the freezer's attempts to use them.
use crate::common::*;
use halo_sdk::trading::{CreatePoolArgs, PoolRef, PriceSource};

#[tokio::test]
async fn create_class_records_roles_and_refuses_bad_input() {
    let (mut chain, env) = setup().await;
    let c: tx::TradingClass = chain.account(&env.pool.class).await;
    assert_eq!(c.governance, env.governance.pubkey());
    assert_eq!(c.beacon, env.beacon.pubkey());
    assert_eq!(c.freezer, env.freezer.pubkey());
    assert_eq!(c.quote_mint, env.pool.quote_mint);
    assert_eq!(c.pau_controller, env.pau.controller);
    assert_eq!(c.pool_count, 1);
    assert!(!c.paused);

    let g = chain.funded_keypair(1_000_000_000).await;
    let args = |beacon| tx::CreateClassArgs {
        class_id: 3,
        beacon,
        freezer: env.freezer.pubkey(),
    };
    let ix = tx::create_class(
        &g.pubkey(),
        &env.pool.quote_mint,
        &env.pau.controller,
        args(Pubkey::default()),
    );
    assert_trading_err(chain.send(&[ix], &[&g]).await, TradingError::DefaultKey);
    // a controller that is not a halo_pau controller (here: the class itself)
    let ix = tx::create_class(
        &g.pubkey(),
        &env.pool.quote_mint,
        &env.pool.class,
        args(env.beacon.pubkey()),
    );
    assert_anchor_err(
        chain.send(&[ix], &[&g]).await,
        anchor_lang::error::ErrorCode::AccountOwnedByWrongProgram,
    );
    // a quote mint with a transfer fee
    let fee_mint = chain
        .create_mint(
            MintKind::Token2022TransferFee {
                bps: 10,
                max_fee: 1_000,
            },
            6,
        )
        .await;
    let ix = tx::create_class(
        &g.pubkey(),
        &fee_mint,
        &env.pau.controller,
        args(env.beacon.pubkey()),
    );
    assert_trading_err(
        chain.send(&[ix], &[&g]).await,
        TradingError::UnsupportedMintExtension,
    );
    // re-initialising an existing class fails
    let ix = tx::create_class(
        &env.governance.pubkey(),
        &env.pool.quote_mint,
        &env.pau.controller,
        tx::CreateClassArgs {
            class_id: 0,
            beacon: env.beacon.pubkey(),
            freezer: env.freezer.pubkey(),
        },
    );
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_failed(chain.send(&[ix], &[&env.governance]).await);
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
}

#[tokio::test]
async fn set_class_roles_is_governance_only() {
    let (mut chain, env) = setup().await;
    let (b2, f2) = (Pubkey::new_unique(), Pubkey::new_unique());
    for k in [&env.beacon, &env.freezer] {
        let ix = tx::set_class_roles(&k.pubkey(), &env.pool.class, b2, f2);
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[k],
            TradingError::NotGovernance,
        )
        .await;
    }
    let g = env.governance.pubkey();
    let ix = tx::set_class_roles(&g, &env.pool.class, Pubkey::default(), f2);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::DefaultKey,
    )
    .await;
    chain
        .must(
            &[tx::set_class_roles(&g, &env.pool.class, b2, f2)],
            &[&env.governance],
        )
        .await;
    let c: tx::TradingClass = chain.account(&env.pool.class).await;
    assert_eq!((c.beacon, c.freezer), (b2, f2));
    // the old beacon has lost its powers
    let ix = tx::roll_withdrawals(&env.beacon_key(), &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NotBeacon,
    )
    .await;
}

#[tokio::test]
async fn class_pause_anyone_of_three_unpause_governance_only() {
    let (mut chain, env) = setup().await;
    let class = env.pool.class;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::set_class_paused(&stranger.pubkey(), &class, true);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotPauser,
    )
    .await;
    for k in [&env.beacon, &env.freezer] {
        chain
            .must(&[tx::set_class_paused(&k.pubkey(), &class, true)], &[k])
            .await;
        let ix = tx::set_class_paused(&k.pubkey(), &class, false);
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[k],
            TradingError::OnlyGovernanceUnpauses,
        )
        .await;
        let g = env.governance.pubkey();
        chain
            .must(
                &[tx::set_class_paused(&g, &class, false)],
                &[&env.governance],
            )
            .await;
    }
    let c: tx::TradingClass = chain.account(&class).await;
    assert!(!c.paused);
}

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
async fn create_pool_sets_up_book_vaults_and_reference_price() {
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
        .account(&tx::generation_address(&env.pool.pool, 0))
        .await;
    assert_eq!(
        (g.pool, g.id, g.requested, g.closed),
        (env.pool.pool, 0, 0, false)
    );
}

#[tokio::test]
async fn create_pool_refusals() {
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
    let cases: [Case; 6] = [
        (|p| p.bid_spread_bps = 5_001, TradingError::SpreadTooWide),
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
    r.asset_vault = tx::vault_address(&r.book, &pd);
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
async fn set_pool_params_is_governance_only_and_keeps_the_consumed_gap() {
    let (mut chain, env) = setup().await;
    let mut params = env.state(&mut chain).await.params;
    // the beacon cannot change spreads
    params.bid_spread_bps = 1;
    let ix = tx::set_pool_params(&env.beacon_key(), &env.pool, params);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NotGovernance,
    )
    .await;
    let ix = tx::set_pool_params(&env.freezer.pubkey(), &env.pool, params);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.freezer],
        TradingError::NotGovernance,
    )
    .await;
    params.bid_spread_bps = 5_001;
    let ix = tx::set_pool_params(&env.governance.pubkey(), &env.pool, params);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::SpreadTooWide,
    )
    .await;
    // a 100-unit bid limit, 60 used (40 left): lowering the max to 50 leaves 40, to 30
    // leaves 30: a decrease never raises what can move
    set_params(&mut chain, &env, |p| {
        p.bid_limit = tx::LimitParams {
            max_amount: 100 * UNIT,
            slope: 0,
        };
    })
    .await;
    let u = env.trader(&mut chain, 1_000 * UNIT, 0).await;
    env.swap(&mut chain, &u, SwapSide::SellAsset, false, 60 * UNIT)
        .await
        .unwrap();
    set_params(&mut chain, &env, |p| {
        p.bid_limit = tx::LimitParams {
            max_amount: 50 * UNIT,
            slope: 0,
        };
    })
    .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.bid_limit.max_amount, 50 * UNIT);
    assert_eq!(p.bid_limit.last_amount, 40 * UNIT);
    set_params(&mut chain, &env, |p| {
        p.bid_limit = tx::LimitParams {
            max_amount: 30 * UNIT,
            slope: 0,
        };
    })
    .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.bid_limit.last_amount, 30 * UNIT);
    // with a different pool's class the call is refused
    let sib = sibling_class(&mut chain, &env).await;
    let mut ix = tx::set_pool_params(&env.governance.pubkey(), &env.pool, p.params);
    ix = swap_account(ix, &env.pool.class, &sib);
    assert_trading_err(
        chain.send(&[ix], &[&env.governance]).await,
        TradingError::NotGovernance,
    );
}

#[tokio::test]
async fn set_sides_and_clear_failure_are_governance_only() {
    let (mut chain, env) = setup().await;
    let ix = tx::set_sides(&env.beacon_key(), &env.pool, false, false);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::NotGovernance,
    )
    .await;
    let g = env.governance.pubkey();
    let ix = tx::clear_redemption_failure(&g, &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NoRedemptionFailure,
    )
    .await;
    let ix = tx::clear_redemption_failure(&env.beacon_key(), &env.pool);
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
            &[tx::set_sides(&g, &env.pool, false, true)],
            &[&env.governance],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert!(!p.buy_enabled && p.sell_enabled);
}

#[tokio::test]
async fn create_pool_refuses_the_quote_mint_as_asset_and_oversized_decimals() {
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
