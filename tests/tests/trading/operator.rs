//! pause_pool, resume_pool, poke (the automatic deviation pause), fund_from_pau and
//! return_to_pau (the halo_pau CPI), start / settle / fail_redemption.
use crate::common::*;
use halo_sdk::trading::{PauseReason, RedemptionStatus};

const SELL: SwapSide = SwapSide::SellAsset;

#[tokio::test]
async fn pause_pool_by_three_roles_resume_by_two() {
    let (mut chain, env) = setup().await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::pause_pool(&stranger.pubkey(), &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotPauser,
    )
    .await;
    let ix = tx::resume_pool(&env.governance.pubkey(), &env.pool);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.governance],
        TradingError::NotPaused,
    )
    .await;
    for k in [&env.governance, &env.beacon, &env.freezer] {
        chain
            .must(&[tx::pause_pool(&k.pubkey(), &env.pool)], &[k])
            .await;
        let p = env.state(&mut chain).await;
        assert!(p.paused);
        assert_eq!(p.pause_reason, PauseReason::Manual);
        let ix = tx::resume_pool(&env.freezer.pubkey(), &env.pool);
        refused_unchanged(
            &mut chain,
            &env,
            &[],
            &[ix],
            &[&env.freezer],
            TradingError::NotGovernanceOrBeacon,
        )
        .await;
        chain
            .must(
                &[tx::resume_pool(&env.beacon_key(), &env.pool)],
                &[&env.beacon],
            )
            .await;
        assert!(!env.state(&mut chain).await.paused);
    }
}

#[tokio::test]
async fn poke_pauses_on_deviation_persistently_until_review() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 100 * UNIT, 0).await;
    // an ordinary move: poke records it as the new reference
    chain.advance(60).await;
    env.publish_nav(&mut chain, 1_010_000).await.unwrap();
    chain.must(&[tx::poke(&env.pool)], &[]).await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.last_price_wad, 1_010_000_000_000_000_000);
    assert!(!p.paused);
    // +3 % against the 1.01 reference: swaps refused, poke pauses (anyone can poke)
    chain.advance(60).await;
    env.publish_nav(&mut chain, 1_040_300).await.unwrap();
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    assert_trading_err(
        chain.send(&[ix], &[&u.key]).await,
        TradingError::PriceDeviation,
    );
    chain.must(&[tx::poke(&env.pool)], &[]).await;
    let p = env.state(&mut chain).await;
    assert!(p.paused);
    assert_eq!(p.pause_reason, PauseReason::Deviation);
    assert_eq!(
        p.last_price_wad, 1_010_000_000_000_000_000,
        "reference kept"
    );
    // the pause persists even when the price comes back
    chain.advance(60).await;
    env.publish_nav(&mut chain, 1_010_000).await.unwrap();
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    assert_trading_err(chain.send(&[ix], &[&u.key]).await, TradingError::PoolPaused);
    // governance reviews and resumes at the current price
    chain
        .must(
            &[tx::resume_pool(&env.governance.pubkey(), &env.pool)],
            &[&env.governance],
        )
        .await;
    env.swap(&mut chain, &u, SELL, true, 10 * UNIT)
        .await
        .expect("resumed");
}

#[tokio::test]
async fn poke_refuses_an_invalid_price_and_changes_nothing() {
    let (mut chain, env) = setup().await;
    chain.advance(27 * 3600).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[tx::poke(&env.pool)],
        &[],
        TradingError::StalePrice,
    )
    .await;
    let other = second_env(&mut chain, &env).await;
    let ix = swap_account(
        tx::poke(&env.pool),
        &env.pool.price_account,
        &other.pool.price_account,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[],
        TradingError::WrongPriceAccount,
    )
    .await;
}

#[tokio::test]
async fn fund_from_pau_draws_through_the_pau_and_mints_its_shares() {
    let (mut chain, env) = setup().await; // funded 1M at set-up
    let pos: tx::LpPosition = chain
        .account(&tx::position_address(&env.pool.pool, &env.pau.proxy))
        .await;
    assert_eq!(pos.shares, 1_000_000 * UNIT);
    assert_eq!(pos.owner, env.pau.proxy);
    let custody_before = chain.balance(&env.pau.custody).await;
    env.fund(&mut chain, 500_000 * UNIT).await.expect("fund");
    assert_eq!(
        chain.balance(&env.pau.custody).await,
        custody_before - 500_000 * UNIT
    );
    let p = env.state(&mut chain).await;
    assert_eq!(p.quote_liquidity, 1_500_000 * UNIT);
    assert_eq!(p.total_shares, 1_500_000 * UNIT);
    // the PAU's route consumed it
    let rl = env.pau.rate_limit(&mut chain, &env.link.route_key).await;
    assert_eq!(rl.total_out, u128::from(1_500_000 * UNIT));
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn fund_from_pau_refusals() {
    let (mut chain, env) = setup().await;
    // not the beacon: the freezer and governance cannot move capital
    for k in [&env.freezer, &env.governance] {
        let ix = tx::fund_from_pau(&k.pubkey(), &env.pool, &env.link, UNIT);
        refused_unchanged(&mut chain, &env, &[], &[ix], &[k], TradingError::NotBeacon).await;
    }
    let b = env.beacon_key();
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::ZeroAmount,
    )
    .await;
    // beyond the PAU route's rate limit: the PAU refuses, nothing moves
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, 9_000_001 * UNIT);
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_pau_err(
        chain.send(&[ix], &[&env.beacon]).await,
        halo_pau::errors::PauError::RateLimitExceeded,
    );
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
    // another PAU's controller
    let other = second_env(&mut chain, &env).await;
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, UNIT);
    let ix = swap_account(ix, &env.pau.controller, &other.pau.controller);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::WrongPauController,
    )
    .await;
    env.refresh_price(&mut chain).await; // the second PAU's timelock walk moved the clock
                                         // the PAU's freezer cuts the route to zero: funding stops at once
    chain
        .must(
            &[halo_sdk::pau::cut_rate_limit(
                &env.pau.freezer.pubkey(),
                &env.pau.controller,
                &env.link.route_key,
                0,
                0,
            )],
            &[&env.pau.freezer],
        )
        .await;
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, UNIT);
    assert_pau_err(
        chain.send(&[ix], &[&env.beacon]).await,
        halo_pau::errors::PauError::RouteClosed,
    );
    // class paused
    chain
        .must(
            &[tx::set_class_paused(&b, &env.pool.class, true)],
            &[&env.beacon],
        )
        .await;
    let ix = tx::fund_from_pau(&b, &env.pool, &env.link, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::ClassPaused,
    )
    .await;
}

#[tokio::test]
async fn return_to_pau_repays_and_burns_rounding_up() {
    let (mut chain, env) = setup().await;
    let custody_before = chain.balance(&env.pau.custody).await;
    let b = env.beacon_key();
    chain
        .must(
            &[tx::return_to_pau(&b, &env.pool, &env.link, 400_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    assert_eq!(
        chain.balance(&env.pau.custody).await,
        custody_before + 400_000 * UNIT
    );
    let p = env.state(&mut chain).await;
    assert_eq!(p.quote_liquidity, 600_000 * UNIT);
    assert_eq!(p.total_shares, 600_000 * UNIT);
    let rl = env.pau.rate_limit(&mut chain, &env.link.route_key).await;
    assert_eq!(rl.total_in, u128::from(400_000 * UNIT));
    // more than the free USDS
    let ix = tx::return_to_pau(&b, &env.pool, &env.link, 600_001 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::InsufficientLiquidity,
    )
    .await;
    // a Prime's deposit is not the PAU's to take back
    let _prime = env.lp(&mut chain, 500_000 * UNIT).await;
    let ix = tx::return_to_pau(&b, &env.pool, &env.link, 600_001 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::InsufficientShares,
    )
    .await;
    let ix = tx::return_to_pau(&env.freezer.pubkey(), &env.pool, &env.link, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.freezer],
        TradingError::NotBeacon,
    )
    .await;
    env.check_books(&mut chain).await;
}

async fn bought(chain: &mut Chain, env: &TradingEnv, amount: u64) {
    let u = env.trader(chain, amount, 0).await;
    env.swap(chain, &u, SELL, true, amount).await.expect("sell");
}

#[tokio::test]
async fn redemption_cycle_books_the_spread_when_the_issuer_pays() {
    let (mut chain, env) = setup().await;
    bought(&mut chain, &env, 100_000 * UNIT).await;
    let b = env.beacon_key();
    chain
        .must(
            &[tx::start_redemption(
                &b,
                &env.pool,
                &env.issuer_account,
                0,
                100_000 * UNIT,
            )],
            &[&env.beacon],
        )
        .await;
    assert_eq!(chain.balance(&env.issuer_account).await, 100_000 * UNIT);
    let r: tx::Redemption = chain
        .account(&tx::redemption_address(&env.pool.pool, 0))
        .await;
    assert_eq!(r.status, RedemptionStatus::Pending);
    assert_eq!(r.expected_quote, 100_000 * UNIT);
    assert_eq!(r.cost_basis, 99_950 * UNIT);
    let p = env.state(&mut chain).await;
    assert_eq!((p.inventory, p.pending_expected), (0, 100_000 * UNIT));
    // settling before the USDS arrived is refused
    let ix = tx::settle_redemption(&b, &env.pool, 0, 100_000 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::UnaccountedFundsMissing,
    )
    .await;
    env.issuer_pays(&mut chain, 100_000 * UNIT).await;
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, 100_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.realised_pnl, i128::from(50 * UNIT));
    assert_eq!(p.quote_liquidity, 1_000_050 * UNIT);
    assert_eq!((p.pending_expected, p.redemptions_settled), (0, 1));
    let ix = tx::settle_redemption(&b, &env.pool, 0, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionAlreadySettled,
    )
    .await;
    assert_eq!(env.check_books(&mut chain).await, 0);
}

#[tokio::test]
async fn start_redemption_refusals() {
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

#[tokio::test]
async fn failed_redemption_pauses_buys_until_governance_clears_it() {
    let (mut chain, env) = setup().await;
    bought(&mut chain, &env, 1_000 * UNIT).await;
    let b = env.beacon_key();
    chain
        .must(
            &[tx::start_redemption(
                &b,
                &env.pool,
                &env.issuer_account,
                0,
                1_000 * UNIT,
            )],
            &[&env.beacon],
        )
        .await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = tx::fail_redemption(&stranger.pubkey(), &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&stranger],
        TradingError::NotBeaconOrFreezer,
    )
    .await;
    chain
        .must(
            &[tx::fail_redemption(&env.freezer.pubkey(), &env.pool, 0)],
            &[&env.freezer],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert!(p.redemption_failed);
    assert_eq!(p.pending_expected, 0);
    assert_eq!(p.realised_pnl, -i128::from(999_500_000));
    assert_eq!(p.redemptions_failed, 1);
    let ix = tx::fail_redemption(&b, &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionNotPending,
    )
    .await;
    // buys paused, sells allowed
    let u = env.trader(&mut chain, 10 * UNIT, 10 * UNIT).await;
    let ix = swap_ix(&mut chain, &env, &u, SELL, true, 10 * UNIT, 0).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[u.asset, u.quote],
        &[ix],
        &[&u.key],
        TradingError::BuysPausedRedemptionFailed,
    )
    .await;
    // the issuer pays late: recovered into P&L
    env.issuer_pays(&mut chain, 1_000 * UNIT).await;
    chain
        .must(
            &[tx::settle_redemption(&b, &env.pool, 0, 1_000 * UNIT)],
            &[&env.beacon],
        )
        .await;
    let p = env.state(&mut chain).await;
    assert_eq!(p.realised_pnl, i128::from(500_000));
    assert_eq!((p.redemptions_failed, p.redemptions_settled), (0, 1));
    chain
        .must(
            &[tx::clear_redemption_failure(
                &env.governance.pubkey(),
                &env.pool,
            )],
            &[&env.governance],
        )
        .await;
    env.swap(&mut chain, &u, SELL, true, 10 * UNIT)
        .await
        .expect("buys back on");
}

#[tokio::test]
async fn another_pools_redemption_is_refused() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    bought(&mut chain, &other, 10 * UNIT).await;
    let ob = other.beacon_key();
    chain
        .must(
            &[tx::start_redemption(
                &ob,
                &other.pool,
                &other.issuer_account,
                0,
                10 * UNIT,
            )],
            &[&other.beacon],
        )
        .await;
    let ix = tx::fail_redemption(&env.beacon_key(), &env.pool, 0);
    let ix = swap_account(
        ix,
        &tx::redemption_address(&env.pool.pool, 0),
        &tx::redemption_address(&other.pool.pool, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        &[ix],
        &[&env.beacon],
        TradingError::RedemptionOfAnotherPool,
    )
    .await;
}
