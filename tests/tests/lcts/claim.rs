//! `claim`: the reward earned in the current generation, whatever the order of claims.
use crate::common::*;

#[tokio::test]
async fn claim_ok_pays_each_position_its_pro_rata_share_of_every_settlement() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[600 * UNIT, 300 * UNIT, 100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 100 * UNIT).await;
    env.cycle(&mut chain, SUB, 400 * UNIT).await;
    // 500 converted at 1.0: 60 % / 30 % / 10 %
    for (p, want) in ps.iter().zip([300 * UNIT, 150 * UNIT, 50 * UNIT]) {
        chain.must(&[env.claim_ix(p, SUB)], &[&p.key]).await;
        assert_eq!(chain.balance(&p.shares).await, want);
    }
    // a second claim pays nothing more
    chain
        .must(&[env.claim_ix(&ps[0], SUB)], &[&ps[0].key])
        .await;
    assert_eq!(chain.balance(&ps[0].shares).await, 300 * UNIT);
    let q = env.queue(&mut chain, SUB).await;
    assert_eq!((q.reward_in, q.reward_out), (500 * UNIT, 500 * UNIT));
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn claim_ok_rounding_never_pays_more_than_the_settlement_brought() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[UNIT + 1, UNIT + 2, UNIT + 3]).await;
    env.cycle(&mut chain, SUB, UNIT).await;
    let mut paid = 0;
    for p in &ps {
        chain.must(&[env.claim_ix(p, SUB)], &[&p.key]).await;
        paid += chain.balance(&p.shares).await;
    }
    assert!(paid <= UNIT, "paid {paid}");
    let surplus = env.check_books(&mut chain).await;
    assert_eq!(
        surplus[1], 0,
        "the rounding dust is booked as unpaid reward"
    );
}

#[tokio::test]
async fn claim_fails_when_locked_finalized_or_another_owners() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT, 100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    let ix = env.claim_ix(&ps[0], SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].shares],
        ix,
        &[&ps[0].key],
        LctsError::QueueLocked,
    )
    .await;
    let ix = env.settle_ix(&mut chain, SUB, 200 * UNIT).await;
    chain.must(&[ix], &[&env.beacon]).await;
    // drained: claims go through settle_finalized
    let ix = env.claim_ix(&ps[0], SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].shares],
        ix,
        &[&ps[0].key],
        LctsError::QueueNotActive,
    )
    .await;
    // a new generation opens: the old position is finalized
    let fresh = subscribers(&mut chain, &env, &[10 * UNIT]).await;
    let ix = env.claim_ix(&ps[0], SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].shares],
        ix,
        &[&ps[0].key],
        LctsError::PositionFinalized,
    )
    .await;
    // someone else's position, even signed by its owner's key as the stated owner
    let ix = swap_account(
        env.claim_ix(&fresh[0], SUB),
        &env.unit.position(SUB, &fresh[0].key.pubkey()),
        &env.unit.position(SUB, &ps[1].key.pubkey()),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&fresh[0].key],
        LctsError::WrongPosition,
    )
    .await;
    let ix = unsigned(env.claim_ix(&fresh[0], SUB), &fresh[0].key.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[],
        anchor_lang::error::ErrorCode::AccountNotSigner,
    )
    .await;
}

#[tokio::test]
async fn claim_fails_from_another_queues_vault_with_another_mint_or_a_fake_token_program() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 10 * UNIT).await;
    let ix = env.claim_ix(&ps[0], SUB);
    let s = [&ps[0].key];
    let u = env.unit;
    let bad = swap_account(ix.clone(), &u.subscribe_share_vault, &u.redeem_share_vault);
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].shares],
        bad,
        &s,
        LctsError::WrongVault,
    )
    .await;
    let bad = swap_account(ix.clone(), &u.share_mint, &u.usds_mint);
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].shares],
        bad,
        &s,
        LctsError::WrongMint,
    )
    .await;
    let bad = swap_account(
        ix,
        &halo_sdk::token_programs::TOKEN_2022,
        &halo_sdk::token_programs::TOKEN,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].shares],
        bad,
        &s,
        LctsError::WrongTokenProgram,
    )
    .await;
}
