//! `settle`: one LOCKED queue converted through the unit's PAU (deploy route for
//! subscriptions, return route for redemptions), pro rata, with dust finalization.
use crate::common::*;

#[tokio::test]
async fn settle_ok_subscriptions_leave_custody_along_the_deploy_route_and_mint_shares() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[600 * UNIT, 400 * UNIT]).await;
    let custody = chain.balance(&env.unit.pau_custody).await;
    let route = env
        .pau
        .rate_limit(&mut chain, &env.unit.deploy_route_key())
        .await;
    env.cycle(&mut chain, SUB, 250 * UNIT).await;
    assert_eq!(chain.balance(&env.unit.deploy_endpoint).await, 250 * UNIT);
    assert_eq!(
        chain.balance(&env.unit.pau_custody).await,
        custody,
        "in and out of custody"
    );
    assert_eq!(
        chain.balance(&env.unit.subscribe_share_vault).await,
        250 * UNIT
    );
    let after = env
        .pau
        .rate_limit(&mut chain, &env.unit.deploy_route_key())
        .await;
    assert_eq!(
        after.total_out,
        route.total_out + u128::from(250 * UNIT),
        "the deploy route is rate-limited"
    );
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.total_underlying, q.converted),
        (QueueStatus::Active, 750 * UNIT, 250 * UNIT)
    );
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn settle_ok_at_the_exchange_rate_rounded_against_the_queue() {
    let (mut chain, env) = setup_with(LctsOptions {
        rate_wad: WAD + WAD / 20, // 1.05 USDS per share
        ..LctsOptions::default()
    })
    .await;
    subscribers(&mut chain, &env, &[105 * UNIT]).await;
    env.cycle(&mut chain, SUB, 105 * UNIT).await;
    assert_eq!(
        chain.balance(&env.unit.subscribe_share_vault).await,
        100 * UNIT
    );
    subscribers(&mut chain, &env, &[UNIT]).await;
    env.cycle(&mut chain, SUB, UNIT).await;
    // 1 USDS / 1.05 = 0.952380952... shares: rounded down
    assert_eq!(
        chain.balance(&env.unit.subscribe_share_vault).await,
        100 * UNIT + 952_380
    );
}

#[tokio::test]
async fn settle_ok_zero_capacity_just_unlocks_and_capacity_above_the_queue_converts_all() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 0).await;
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.total_underlying, q.gen_id),
        (QueueStatus::Active, 100 * UNIT, 0)
    );
    env.cycle(&mut chain, SUB, 1_000_000 * UNIT).await;
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.gen_id, q.total_shares),
        (QueueStatus::Dormant, 1, 0)
    );
    let g: tx::FinalizedGeneration = chain.account(&env.unit.generation(SUB, 0)).await;
    assert_eq!(
        (g.gen_id, g.final_reward_per_share, g.total_shares),
        (0, WAD, u128::from(100 * UNIT))
    );
}

#[tokio::test]
async fn settle_ok_a_remainder_below_the_dust_is_converted_so_the_generation_finalizes() {
    let (mut chain, env) = setup().await; // dust: 100 base units
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 100 * UNIT - 99).await;
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.gen_id),
        (QueueStatus::Dormant, 1),
        "99 left < 100 dust: finalized"
    );
    assert_eq!(chain.balance(&env.unit.deploy_endpoint).await, 100 * UNIT);
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 100 * UNIT - 100).await;
    assert_eq!(
        env.queue(&mut chain, SUB).await.total_underlying,
        100,
        "100 left = dust: kept"
    );
}

#[tokio::test]
async fn settle_ok_redemptions_come_back_along_the_return_route_and_burn_shares() {
    let (mut chain, env) = setup().await;
    let p = env.prime_with_shares(&mut chain, 1_000 * UNIT).await;
    env.enter(&mut chain, &p, RED, 1_000 * UNIT).await.unwrap();
    let supply_before = share_supply(&mut chain, &env).await;
    env.cycle(&mut chain, RED, 400 * UNIT).await;
    assert_eq!(chain.balance(&env.unit.redeem_usds_vault).await, 400 * UNIT);
    assert_eq!(
        share_supply(&mut chain, &env).await,
        supply_before - 400 * UNIT
    );
    let route = env
        .pau
        .rate_limit(&mut chain, &env.unit.return_route_key())
        .await;
    assert!(route.total_out >= u128::from(400 * UNIT));
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn settle_fails_when_not_locked_not_the_beacon_stale_or_paused() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let ix = env.settle_ix(&mut chain, SUB, 10 * UNIT).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&env.beacon],
        LctsError::QueueNotLocked,
    )
    .await;
    env.lock(&mut chain, SUB).await.unwrap();
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix2 = swap_account(ix.clone(), &env.beacon.pubkey(), &stranger.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix2,
        &[&stranger],
        LctsError::NotBeacon,
    )
    .await;
    chain
        .must(
            &[tx::set_paused(
                &env.freezer.pubkey(),
                &env.unit,
                tx::PAUSE_UNIT,
            )],
            &[&env.freezer],
        )
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&env.beacon],
        LctsError::Paused,
    )
    .await;
    chain
        .must(
            &[tx::set_paused(&env.governance.pubkey(), &env.unit, 0)],
            &[&env.governance],
        )
        .await;
    chain.advance(DAY + 1).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&env.beacon],
        LctsError::RateStale,
    )
    .await;
    env.refresh_rate(&mut chain).await;
    chain.must(&[ix], &[&env.beacon]).await;
}

#[tokio::test]
async fn settle_fails_with_the_wrong_route_vault_or_pau_accounts() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let ix = env.settle_ix(&mut chain, SUB, 10 * UNIT).await;
    let someone = chain.new_keypair().pubkey();
    let stray = chain
        .create_ata(&someone, &env.unit.usds_mint, &env.unit.usds_token_program)
        .await;
    let u = &env.unit;
    let cases: Vec<(Pubkey, Pubkey, u32)> = vec![
        (
            u.deploy_rate_limit,
            u.return_rate_limit,
            LctsError::WrongRateLimit.code(),
        ),
        (
            u.subscribe_usds_vault,
            u.redeem_usds_vault,
            LctsError::WrongVault.code(),
        ),
        (
            u.pau_controller,
            other.unit.pau_controller,
            LctsError::WrongPauController.code(),
        ),
        (
            u.share_mint,
            other.unit.share_mint,
            LctsError::WrongShareMint.code(),
        ),
        // halo_pau refuses what the unit passes through: a custody not the proxy's, another
        // integration, another destination than the route's (same mint)
        (
            u.pau_custody,
            stray,
            halo_pau::errors::PauError::WrongCustody.code(),
        ),
        (
            u.pau_integration,
            other.unit.pau_integration,
            halo_pau::errors::PauError::IntegrationOfAnotherPau.code(),
        ),
        (
            u.deploy_endpoint,
            stray,
            halo_pau::errors::PauError::WrongDestination.code(),
        ),
    ];
    for (from, to, code) in cases {
        let bad = swap_account(ix.clone(), &from, &to);
        refused_unchanged(&mut chain, &env, &[], bad, &[&env.beacon], code).await;
    }
}

#[tokio::test]
async fn settle_fails_when_the_pau_route_is_exhausted_or_frozen() {
    let (mut chain, env) = setup_with(LctsOptions {
        route_max: 50 * UNIT,
        route_slope: 1,
        ..LctsOptions::default()
    })
    .await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let ix = env.settle_ix(&mut chain, SUB, 60 * UNIT).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        halo_pau::errors::PauError::RateLimitExceeded,
    )
    .await;
    let ix = env.settle_ix(&mut chain, SUB, 40 * UNIT).await;
    let f = env.pau.freezer.pubkey();
    chain
        .must(
            &[halo_sdk::pau::freeze(&f, &env.pau.controller)],
            &[&env.pau.freezer],
        )
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        halo_pau::errors::PauError::ControllerFrozen,
    )
    .await;
}

async fn share_supply(chain: &mut Chain, env: &LctsEnv) -> u64 {
    let d = chain.account_data(&env.unit.share_mint).await.unwrap();
    u64::from_le_bytes(d[36..44].try_into().unwrap())
}

#[tokio::test]
async fn settle_fails_with_a_fake_pau_program() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let ix = env.settle_ix(&mut chain, SUB, 10 * UNIT).await;
    let fake = swap_account(ix, &halo_sdk::PAU_PROGRAM_ID, &halo_trading::ID);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        fake,
        &[&env.beacon],
        anchor_lang::error::ErrorCode::InvalidProgramId,
    )
    .await;
}

#[tokio::test]
async fn settle_fails_when_a_draining_settlement_names_another_generation_account() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let ix = tx::settle(&env.beacon.pubkey(), &env.unit, SUB, 7, 100 * UNIT);
    refused_unchanged(
        &mut chain,
        &env,
        &[env.unit.generation(SUB, 7)],
        ix,
        &[&env.beacon],
        LctsError::WrongGeneration,
    )
    .await;
    // the redeem side's USDS must land in the queue's own vault
    let ix = swap_account(
        env.settle_ix(&mut chain, SUB, 10 * UNIT).await,
        &env.unit.deploy_endpoint,
        &env.unit.redeem_usds_vault,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        halo_pau::errors::PauError::WrongDestination,
    )
    .await;
}
