//! `subscribe`: USDS into the subscribe queue's current generation, pro rata shares, the
//! finalized-first rule, and every refusal with nothing changed.
use crate::common::*;

#[tokio::test]
async fn subscribe_ok_first_entry_opens_the_generation_and_the_position() {
    let (mut chain, env) = setup().await;
    let p = env.prime(&mut chain, 1_000 * UNIT).await;
    env.enter(&mut chain, &p, SUB, 1_000 * UNIT).await.unwrap();
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.gen_id, q.positions),
        (QueueStatus::Active, 0, 1)
    );
    assert_eq!(
        (q.total_underlying, q.total_shares),
        (1_000 * UNIT, u128::from(1_000 * UNIT))
    );
    let pos = position(&mut chain, &env, SUB, &p).await;
    assert_eq!(
        (pos.gen_id, pos.shares, pos.reward_debt),
        (0, u128::from(1_000 * UNIT), 0)
    );
    assert_eq!(chain.balance(&p.usds).await, 0);
    assert_eq!(
        chain.balance(&env.unit.subscribe_usds_vault).await,
        1_000 * UNIT
    );
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn subscribe_ok_double_entry_accumulates_and_pays_the_reward_earned_first() {
    let (mut chain, env) = setup().await;
    let p = env.prime(&mut chain, 3_000 * UNIT).await;
    env.enter(&mut chain, &p, SUB, 1_000 * UNIT).await.unwrap();
    env.enter(&mut chain, &p, SUB, 1_000 * UNIT).await.unwrap();
    assert_eq!(
        position(&mut chain, &env, SUB, &p).await.shares,
        u128::from(2_000 * UNIT)
    );
    // 500 converted at 1.0: 500 shares earned; the next entry pays them out first
    env.cycle(&mut chain, SUB, 500 * UNIT).await;
    env.enter(&mut chain, &p, SUB, 1_000 * UNIT).await.unwrap();
    assert_eq!(chain.balance(&p.shares).await, 500 * UNIT);
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(q.total_underlying, 2_500 * UNIT);
    // 1,000 more USDS at 2,000 shares per 1,500 USDS: 1,333.333333 shares
    let pos = position(&mut chain, &env, SUB, &p).await;
    assert_eq!(pos.shares, u128::from(2_000 * UNIT) + 1_333_333_333);
    assert_eq!(pos.reward_debt, q.reward_per_share);
    assert_eq!(q.positions, 1);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn subscribe_ok_a_late_entrant_earns_nothing_from_before_its_entry() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[1_000 * UNIT]).await;
    env.cycle(&mut chain, SUB, 400 * UNIT).await;
    let late = subscribers(&mut chain, &env, &[300 * UNIT]).await;
    // 600 USDS left for 1,000 shares: 300 USDS buy 500 shares
    assert_eq!(
        position(&mut chain, &env, SUB, &late[0]).await.shares,
        u128::from(500 * UNIT)
    );
    let v = env
        .view(&mut chain, SUB, &late[0].key.pubkey())
        .await
        .unwrap();
    assert_eq!((v.claimable_reward, v.pending_underlying), (0, 300 * UNIT));
    let v = env
        .view(&mut chain, SUB, &ps[0].key.pubkey())
        .await
        .unwrap();
    assert_eq!(
        (v.claimable_reward, v.pending_underlying),
        (400 * UNIT, 600 * UNIT)
    );
}

#[tokio::test]
async fn subscribe_ok_settles_a_finalized_position_first_then_enters_the_next_generation() {
    let (mut chain, env) = setup().await;
    let p = env.prime(&mut chain, 2_000 * UNIT).await;
    env.enter(&mut chain, &p, SUB, 1_000 * UNIT).await.unwrap();
    env.cycle(&mut chain, SUB, 1_000 * UNIT).await;
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!((q.status, q.gen_id), (QueueStatus::Dormant, 1));
    // the old generation's 1,000 shares are paid, the position restarts in generation 1
    env.enter(&mut chain, &p, SUB, 1_000 * UNIT).await.unwrap();
    assert_eq!(chain.balance(&p.shares).await, 1_000 * UNIT);
    let pos = position(&mut chain, &env, SUB, &p).await;
    assert_eq!((pos.gen_id, pos.shares), (1, u128::from(1_000 * UNIT)));
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!(
        (q.status, q.gen_id, q.positions),
        (QueueStatus::Active, 1, 1)
    );
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn subscribe_ok_a_prefunded_position_address_cannot_block_the_first_entry() {
    let (mut chain, env) = setup().await;
    let p = env.prime(&mut chain, 10 * UNIT).await;
    prefund(&mut chain, &env.unit.position(SUB, &p.key.pubkey())).await;
    env.enter(&mut chain, &p, SUB, 10 * UNIT).await.unwrap();
    assert_eq!(
        position(&mut chain, &env, SUB, &p).await.shares,
        u128::from(10 * UNIT)
    );
}

#[tokio::test]
async fn subscribe_fails_when_locked_below_the_minimum_or_zero() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let p = env.prime(&mut chain, 100 * UNIT).await;
    let ex = [p.usds, env.unit.position(SUB, &p.key.pubkey())];
    for (amount, e) in [
        (0, LctsError::ZeroAmount),
        (UNIT - 1, LctsError::BelowMinimumEntry),
    ] {
        let ix = env.enter_ix(&mut chain, &p, SUB, amount).await;
        refused_unchanged(&mut chain, &env, &ex, ix, &[&p.key], e).await;
    }
    env.lock(&mut chain, SUB).await.unwrap();
    for who in [&p, &ps[0]] {
        let ix = env.enter_ix(&mut chain, who, SUB, 10 * UNIT).await;
        refused_unchanged(
            &mut chain,
            &env,
            &ex,
            ix,
            &[&who.key],
            LctsError::QueueLocked,
        )
        .await;
    }
}

#[tokio::test]
async fn subscribe_fails_when_the_unit_or_the_side_is_paused() {
    let (mut chain, env) = setup().await;
    let p = env.prime(&mut chain, 100 * UNIT).await;
    let f = env.freezer.pubkey();
    for flags in [tx::PAUSE_UNIT, tx::PAUSE_SUBSCRIBE] {
        chain
            .must(&[tx::set_paused(&f, &env.unit, flags)], &[&env.freezer])
            .await;
        let ix = env.enter_ix(&mut chain, &p, SUB, 10 * UNIT).await;
        refused_unchanged(
            &mut chain,
            &env,
            &[p.usds],
            ix,
            &[&p.key],
            LctsError::Paused,
        )
        .await;
        chain
            .must(
                &[tx::set_paused(&env.governance.pubkey(), &env.unit, 0)],
                &[&env.governance],
            )
            .await;
    }
    // pausing the redeem side leaves subscriptions open
    chain
        .must(
            &[tx::set_paused(&f, &env.unit, tx::PAUSE_REDEEM)],
            &[&env.freezer],
        )
        .await;
    env.enter(&mut chain, &p, SUB, 10 * UNIT).await.unwrap();
}

#[tokio::test]
async fn subscribe_fails_when_the_finalized_generation_is_missing_or_another() {
    let (mut chain, env) = setup().await;
    let p = env.prime(&mut chain, 200 * UNIT).await;
    let q = env.prime(&mut chain, 200 * UNIT).await;
    env.enter(&mut chain, &p, SUB, 100 * UNIT).await.unwrap();
    env.cycle(&mut chain, SUB, 100 * UNIT).await; // generation 0 finalizes
    env.enter(&mut chain, &q, SUB, 100 * UNIT).await.unwrap();
    env.cycle(&mut chain, SUB, 100 * UNIT).await; // generation 1 finalizes
    let k = p.key.pubkey();
    let ex = [p.usds, p.shares, env.unit.position(SUB, &k)];
    let ix = tx::enter(&k, &env.unit, SUB, &p.usds, &p.shares, 10 * UNIT, None);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        ix,
        &[&p.key],
        LctsError::FinalizedGenerationRequired,
    )
    .await;
    let ix = tx::enter(&k, &env.unit, SUB, &p.usds, &p.shares, 10 * UNIT, Some(1));
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        ix,
        &[&p.key],
        LctsError::WrongGeneration,
    )
    .await;
    // the redeem queue's generation 0 does not exist: Anchor refuses the account
    let other = env.unit.generation(RED, 0);
    let ix = swap_account(
        tx::enter(&k, &env.unit, SUB, &p.usds, &p.shares, 10 * UNIT, Some(0)),
        &env.unit.generation(SUB, 0),
        &other,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        ix,
        &[&p.key],
        anchor_lang::error::ErrorCode::AccountNotInitialized,
    )
    .await;
}

#[tokio::test]
async fn subscribe_fails_when_unsigned_or_with_another_owners_position() {
    let (mut chain, env) = setup().await;
    let p = env.prime(&mut chain, 100 * UNIT).await;
    let other = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let k = p.key.pubkey();
    let ix = env.enter_ix(&mut chain, &p, SUB, 10 * UNIT).await;
    let ex = [p.usds];
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        unsigned(ix.clone(), &k),
        &[],
        anchor_lang::error::ErrorCode::AccountNotSigner,
    )
    .await;
    let theirs = env.unit.position(SUB, &other[0].key.pubkey());
    let ix2 = swap_account(ix.clone(), &env.unit.position(SUB, &k), &theirs);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        ix2,
        &[&p.key],
        LctsError::WrongPosition,
    )
    .await;
    // an address that is no position PDA at all
    let stray = chain.new_keypair().pubkey();
    let ix3 = swap_account(ix, &env.unit.position(SUB, &k), &stray);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        ix3,
        &[&p.key],
        LctsError::WrongPosition,
    )
    .await;
}

#[tokio::test]
async fn subscribe_fails_with_another_units_queue_vault_or_mint_or_a_fake_token_program() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    let p = env.prime(&mut chain, 100 * UNIT).await;
    let ix = env.enter_ix(&mut chain, &p, SUB, 10 * UNIT).await;
    let ex = [p.usds];
    let signers = [&p.key];
    let cases: Vec<(Pubkey, Pubkey, LctsError)> = vec![
        (
            env.unit.subscribe_queue,
            other.unit.subscribe_queue,
            LctsError::QueueOfAnotherUnit,
        ),
        (
            env.unit.subscribe_usds_vault,
            other.unit.subscribe_usds_vault,
            LctsError::WrongVault,
        ),
        (
            env.unit.subscribe_share_vault,
            env.unit.redeem_share_vault,
            LctsError::WrongVault,
        ),
        (
            env.unit.usds_mint,
            other.unit.usds_mint,
            LctsError::WrongMint,
        ),
        (
            env.unit.share_mint,
            other.unit.share_mint,
            LctsError::WrongMint,
        ),
    ];
    for (from, to, e) in cases {
        refused_unchanged(
            &mut chain,
            &env,
            &ex,
            swap_account(ix.clone(), &from, &to),
            &signers,
            e,
        )
        .await;
    }
    // the redeem queue taken for the subscribe queue: its mints differ
    let ix2 = swap_account(
        ix.clone(),
        &env.unit.subscribe_queue,
        &env.unit.redeem_queue,
    );
    refused_unchanged(&mut chain, &env, &ex, ix2, &signers, LctsError::WrongMint).await;
    // a program that is not a token program
    let fake = halo_sdk::PAU_PROGRAM_ID;
    let ix3 = swap_account(ix, &env.unit.usds_token_program, &fake);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        ix3,
        &signers,
        anchor_lang::error::ErrorCode::InvalidProgramId,
    )
    .await;
}

#[tokio::test]
async fn subscribe_ok_a_donation_to_a_vault_changes_no_ones_claim() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    // someone sends USDS straight to the queue's vault and shares to its reward vault
    chain
        .mint_to(
            &env.unit.usds_mint,
            &env.unit.usds_token_program,
            &env.unit.subscribe_usds_vault,
            1_000 * UNIT,
        )
        .await;
    let late = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    assert_eq!(
        position(&mut chain, &env, SUB, &late[0]).await.shares,
        u128::from(100 * UNIT)
    );
    chain.must(&[env.exit_ix(&ps[0], SUB)], &[&ps[0].key]).await;
    assert_eq!(
        chain.balance(&ps[0].usds).await,
        100 * UNIT,
        "the donation is nobody's"
    );
    let surplus = env.check_books(&mut chain).await;
    assert_eq!(surplus[0], 1_000 * UNIT);
}
