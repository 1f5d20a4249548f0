//! Each account invariant of halo_trading, broken on purpose: a deliberately corrupted
//! stored state is refused by the next instruction that changes the account, with the
//! invariant's own error, and nothing changes.
use crate::common::*;
use halo_trading::state::{LpPosition, Pool, Redemption, WithdrawGeneration};

/// `propose_price_source` (of the pool's own source) changes only the pending proposal,
/// so the refusal can only come from the invariant.
async fn propose_refused(chain: &mut Chain, env: &TradingEnv, e: TradingError) {
    let g = env.governance.pubkey();
    let source = env.state(chain).await.price_source;
    let ix = tx::propose_price_source(&g, &env.pool, source);
    refused_unchanged(chain, env, &[], ix, &[&env.governance], e).await;
}

#[tokio::test]
async fn propose_price_source_fails_when_the_pool_invariant_is_broken_by_queued_shares() {
    let (mut chain, env) = setup().await;
    env.lp(&mut chain, 1_000 * UNIT).await;
    corrupt::<Pool>(&mut chain, &env.pool.pool, |p| {
        p.queued_shares = p.total_shares + 1
    })
    .await;
    propose_refused(&mut chain, &env, TradingError::PoolInvariantBroken).await;
}

#[tokio::test]
async fn propose_price_source_fails_when_the_pool_invariant_is_broken_by_a_cost_without_inventory()
{
    let (mut chain, env) = setup().await;
    corrupt::<Pool>(&mut chain, &env.pool.pool, |p| {
        p.inventory = 0;
        p.inventory_cost = 1;
    })
    .await;
    propose_refused(&mut chain, &env, TradingError::PoolInvariantBroken).await;
}

#[tokio::test]
async fn pause_pool_ok_when_the_pool_invariant_is_broken() {
    // the brakes (pause_pool, set_sides, poke's deviation pause) never wait on an invariant
    let (mut chain, env) = setup().await;
    corrupt::<Pool>(&mut chain, &env.pool.pool, |p| p.inventory_cost = 1).await;
    let f = env.freezer.pubkey();
    chain
        .must(&[tx::pause_pool(&f, &env.pool)], &[&env.freezer])
        .await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::set_sides(&g, &env.pool, false, false)],
            &[&env.governance],
        )
        .await;
    let pool = env.state(&mut chain).await;
    assert!(pool.paused && !pool.buy_enabled && !pool.sell_enabled);
}

#[tokio::test]
async fn propose_price_source_fails_when_the_pool_invariant_is_broken_by_a_rate_limit_above_its_max(
) {
    let (mut chain, env) = setup().await;
    corrupt::<Pool>(&mut chain, &env.pool.pool, |p| {
        p.bid_limit.max_amount = 10;
        p.bid_limit.last_amount = 11;
    })
    .await;
    propose_refused(&mut chain, &env, TradingError::PoolInvariantBroken).await;
}

#[tokio::test]
async fn propose_price_source_fails_when_the_pool_invariant_is_broken_by_a_cursor_past_the_next_id()
{
    let (mut chain, env) = setup().await;
    corrupt::<Pool>(&mut chain, &env.pool.pool, |p| {
        p.queue_settling_gen = p.queue_open_gen + 1
    })
    .await;
    propose_refused(&mut chain, &env, TradingError::PoolInvariantBroken).await;
    let (mut chain, env) = setup().await;
    corrupt::<Pool>(&mut chain, &env.pool.pool, |p| {
        p.pending_expected = 1 // expected USDS with no redemption pending
    })
    .await;
    propose_refused(&mut chain, &env, TradingError::PoolInvariantBroken).await;
}

#[tokio::test]
async fn swap_fails_when_the_quote_vault_holds_less_than_the_books() {
    let (mut chain, env) = setup().await;
    let vault = chain.balance(&env.pool.quote_vault).await;
    corrupt::<Pool>(&mut chain, &env.pool.pool, |p| {
        p.quote_liquidity = vault + 1
    })
    .await;
    let u = env.trader(&mut chain, 1_000 * UNIT, 0).await;
    let ix = swap_ix(&mut chain, &env, &u, Side::SellAsset, true, 1_000 * UNIT, 0).await;
    let watched = [u.asset, u.quote];
    refused_unchanged(
        &mut chain,
        &env,
        &watched,
        ix,
        &[&u.key],
        TradingError::VaultBelowBooked,
    )
    .await;
}

#[tokio::test]
async fn start_redemption_fails_when_the_asset_vault_holds_less_than_the_inventory() {
    let (mut chain, env) = setup().await;
    bought(&mut chain, &env, 1_000 * UNIT).await;
    let vault = chain.balance(&env.pool.asset_vault).await;
    corrupt::<Pool>(&mut chain, &env.pool.pool, |p| {
        p.inventory = vault + 500 * UNIT
    })
    .await;
    let b = env.beacon_key();
    let ix = tx::start_redemption(&b, &env.pool, &env.issuer_account, 0, 500 * UNIT);
    let watched = [env.issuer_account];
    refused_unchanged(
        &mut chain,
        &env,
        &watched,
        ix,
        &[&env.beacon],
        TradingError::VaultBelowBooked,
    )
    .await;
}

#[tokio::test]
async fn request_withdrawal_fails_when_the_generation_invariant_is_broken() {
    let (mut chain, env) = setup().await;
    let lp = env.lp(&mut chain, 1_000 * UNIT).await;
    let generation = halo_sdk::pda::generation(&env.pool.pool, 0);
    // an open generation with fills: impossible, fills come only after it closes
    corrupt::<WithdrawGeneration>(&mut chain, &generation, |g| g.filled = 1).await;
    let ix = tx::request_withdrawal(&lp.key.pubkey(), &env.pool, 0, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[generation],
        ix,
        &[&lp.key],
        TradingError::WithdrawGenerationInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn request_withdrawal_fails_when_the_position_invariant_is_broken() {
    let (mut chain, env) = setup().await;
    let lp = env.lp(&mut chain, 1_000 * UNIT).await;
    let position = halo_sdk::pda::position(&env.pool.pool, &lp.key.pubkey());
    corrupt::<LpPosition>(&mut chain, &position, |p| p.claimed_filled = u64::MAX).await;
    let ix = tx::request_withdrawal(&lp.key.pubkey(), &env.pool, 0, UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[position],
        ix,
        &[&lp.key],
        TradingError::LpPositionInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn fail_redemption_fails_when_the_redemption_invariant_is_broken() {
    let (mut chain, env) = setup().await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, 0).await;
    let redemption = halo_sdk::pda::redemption(&env.pool.pool, 0);
    // due before it was sent
    corrupt::<Redemption>(&mut chain, &redemption, |r| r.sent_at = r.expected_by + 1).await;
    let f = env.freezer.pubkey();
    let ix = tx::fail_redemption(&f, &env.pool, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[redemption],
        ix,
        &[&env.freezer],
        TradingError::RedemptionInvariantBroken,
    )
    .await;
}
