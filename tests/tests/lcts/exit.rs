//! `exit`: a full exit from an ACTIVE generation with the unconverted underlying and the
//! reward earned; the last one out leaves the queue dormant.
use crate::common::*;

#[tokio::test]
async fn exit_ok_returns_unconverted_usds_plus_rewards_and_closes_the_position() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[600 * UNIT, 400 * UNIT]).await;
    env.cycle(&mut chain, SUB, 500 * UNIT).await;
    let k = ps[0].key.pubkey();
    let lamports = chain.raw_account(&k).await.unwrap().lamports;
    chain.must(&[env.exit_ix(&ps[0], SUB)], &[&ps[0].key]).await;
    // 60 % of the 500 left and of the 500 shares minted
    assert_eq!(chain.balance(&ps[0].usds).await, 300 * UNIT);
    assert_eq!(chain.balance(&ps[0].shares).await, 300 * UNIT);
    assert!(env.position(&mut chain, SUB, &k).await.is_none());
    assert!(
        chain.raw_account(&k).await.unwrap().lamports > lamports,
        "rent returned"
    );
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.total_underlying, q.positions),
        (QueueStatus::Active, 200 * UNIT, 1)
    );
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn exit_ok_the_last_user_out_takes_the_dust_and_the_queue_goes_dormant() {
    let (mut chain, env) = setup_with(LctsOptions {
        params: UnitParams {
            dust: 1,
            ..default_params()
        },
        ..LctsOptions::default()
    })
    .await;
    let ps = subscribers(&mut chain, &env, &[UNIT + 1, UNIT + 2]).await;
    env.cycle(&mut chain, SUB, 3).await;
    for p in &ps {
        chain.must(&[env.exit_ix(p, SUB)], &[&p.key]).await;
    }
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.total_underlying, q.total_shares),
        (QueueStatus::Dormant, 0, 0)
    );
    assert_eq!(chain.balance(&env.unit.subscribe_usds_vault).await, 0);
    let back = chain.balance(&ps[0].usds).await + chain.balance(&ps[1].usds).await;
    assert_eq!(back, 2 * UNIT);
    // the next entry opens the same generation afresh
    let late = subscribers(&mut chain, &env, &[5 * UNIT]).await;
    assert_eq!(
        position(&mut chain, &env, SUB, &late[0]).await.shares,
        u128::from(5 * UNIT)
    );
}

#[tokio::test]
async fn exit_ok_a_one_unit_depositor_cannot_grief_the_others() {
    let (mut chain, env) = setup_with(LctsOptions {
        params: UnitParams {
            min_entry: 1,
            dust: 1,
            ..default_params()
        },
        ..LctsOptions::default()
    })
    .await;
    let big = subscribers(&mut chain, &env, &[1_000 * UNIT]).await;
    let tiny = subscribers(&mut chain, &env, &[1]).await;
    env.cycle(&mut chain, SUB, 999 * UNIT).await;
    chain
        .must(&[env.exit_ix(&tiny[0], SUB)], &[&tiny[0].key])
        .await;
    chain
        .must(&[env.exit_ix(&big[0], SUB)], &[&big[0].key])
        .await;
    // the big depositor takes within one base unit of a world without the tiny one
    let usds = chain.balance(&big[0].usds).await;
    let shares = chain.balance(&big[0].shares).await;
    assert!(usds + 1 >= UNIT && usds <= UNIT + 1, "{usds}");
    assert!(shares + 1 >= 999 * UNIT, "{shares}");
}

#[tokio::test]
async fn exit_fails_when_locked_finalized_or_not_the_owners() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT, 100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let ex = [
        ps[0].usds,
        ps[0].shares,
        env.unit.position(SUB, &ps[0].key.pubkey()),
    ];
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        env.exit_ix(&ps[0], SUB),
        &[&ps[0].key],
        LctsError::QueueLocked,
    )
    .await;
    let ix = env.settle_ix(&mut chain, SUB, 200 * UNIT).await;
    chain.must(&[ix], &[&env.beacon]).await;
    subscribers(&mut chain, &env, &[10 * UNIT]).await;
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        env.exit_ix(&ps[0], SUB),
        &[&ps[0].key],
        LctsError::PositionFinalized,
    )
    .await;
    // another owner's position with the signer's token accounts
    let ix = swap_account(
        env.exit_ix(&ps[0], SUB),
        &env.unit.position(SUB, &ps[0].key.pubkey()),
        &env.unit.position(SUB, &ps[1].key.pubkey()),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        ix,
        &[&ps[0].key],
        LctsError::WrongPosition,
    )
    .await;
}

#[tokio::test]
async fn exit_fails_when_paying_from_another_queues_vault() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let ix = swap_account(
        env.exit_ix(&ps[0], SUB),
        &env.unit.subscribe_usds_vault,
        &env.unit.redeem_usds_vault,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].usds],
        ix,
        &[&ps[0].key],
        LctsError::WrongVault,
    )
    .await;
}

#[tokio::test]
async fn exit_fails_unsigned_or_with_a_fake_token_program() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let k = ps[0].key.pubkey();
    let ix = unsigned(env.exit_ix(&ps[0], SUB), &k);
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].usds],
        ix,
        &[],
        anchor_lang::error::ErrorCode::AccountNotSigner,
    )
    .await;
    let ix = swap_account(
        env.exit_ix(&ps[0], SUB),
        &env.unit.usds_token_program,
        &halo_sdk::PAU_PROGRAM_ID,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].usds],
        ix,
        &[&ps[0].key],
        anchor_lang::error::ErrorCode::InvalidProgramId,
    )
    .await;
}
