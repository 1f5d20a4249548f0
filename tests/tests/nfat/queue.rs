//! `deposit` / `withdraw`: the Prime queue (shares 1:1 at the booked price, visible per
//! Prime; withdraw any time before a claim, also while halted or after revocation).
use crate::common::*;

#[tokio::test]
async fn deposit_ok_queues_capital_visible_per_prime() {
    let (mut chain, env) = setup().await;
    let a = queued_prime(&mut chain, &env, 30 * MILLION).await;
    let b = queued_prime(&mut chain, &env, 10 * MILLION).await;
    assert_eq!(env.queued(&mut chain, &a.pubkey()).await, 30 * MILLION);
    assert_eq!(env.queued(&mut chain, &b.pubkey()).await, 10 * MILLION);
    let f = env.state(&mut chain).await;
    assert_eq!(
        (f.queue.total_shares, f.queue.total_underlying),
        (40 * MILLION, 40 * MILLION)
    );
    assert_eq!(chain.balance(&env.facility.queue_vault).await, 40 * MILLION);
    let d = env.deposit_state(&mut chain, &a.pubkey()).await.unwrap();
    assert_eq!((d.shares, d.deposited_total), (30 * MILLION, 30 * MILLION));
    env.check_books(&mut chain, &[]).await;
}

#[tokio::test]
async fn deposit_fails_when_not_approved_zero_or_halted() {
    let (mut chain, env) = setup().await;
    let stranger = env.wallet(&mut chain, 10 * MILLION).await;
    let ix = tx::deposit(&stranger.pubkey(), &env.facility, &stranger.token, MILLION);
    refused_unchanged(
        &mut chain,
        &env,
        &[stranger.token],
        ix,
        &[&stranger.key],
        NfatError::PrimeNotApproved,
    )
    .await;
    let p = env.prime(&mut chain, 10 * MILLION).await;
    let ix = tx::deposit(&p.pubkey(), &env.facility, &p.token, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[p.token],
        ix,
        &[&p.key],
        NfatError::ZeroAmount,
    )
    .await;
    env.set_halted(&mut chain, &env.warden, true).await.unwrap();
    let ix = tx::deposit(&p.pubkey(), &env.facility, &p.token, MILLION);
    refused_unchanged(
        &mut chain,
        &env,
        &[p.token],
        ix,
        &[&p.key],
        NfatError::Halted,
    )
    .await;
}

#[tokio::test]
async fn withdraw_ok_in_parts_while_halted_and_after_revocation() {
    let (mut chain, env) = setup().await;
    let p = queued_prime(&mut chain, &env, 30 * MILLION).await;
    env.withdraw(&mut chain, &p, 5 * MILLION).await.unwrap();
    assert_eq!(env.queued(&mut chain, &p.pubkey()).await, 25 * MILLION);
    env.set_halted(&mut chain, &env.warden, true).await.unwrap();
    env.withdraw(&mut chain, &p, 5 * MILLION).await.unwrap();
    chain
        .must(
            &[tx::revoke_prime(
                &env.governance.pubkey(),
                &env.facility,
                &p.pubkey(),
            )],
            &[&env.governance],
        )
        .await;
    env.withdraw(&mut chain, &p, 20 * MILLION).await.unwrap();
    assert_eq!(env.queued(&mut chain, &p.pubkey()).await, 0);
    assert_eq!(chain.balance(&p.token).await, 30 * MILLION);
    let f = env.state(&mut chain).await;
    assert_eq!((f.queue.total_shares, f.queue.total_underlying), (0, 0));
    env.check_books(&mut chain, &[]).await;
}

#[tokio::test]
async fn withdraw_fails_when_more_than_queued_zero_or_another_primes_deposit() {
    let (mut chain, env) = setup().await;
    let p = queued_prime(&mut chain, &env, 10 * MILLION).await;
    let other = queued_prime(&mut chain, &env, 10 * MILLION).await;
    let ix = tx::withdraw(&p.pubkey(), &env.facility, &p.token, 10 * MILLION + 1);
    refused_unchanged(
        &mut chain,
        &env,
        &[p.token],
        ix,
        &[&p.key],
        NfatError::InsufficientQueue,
    )
    .await;
    let ix = tx::withdraw(&p.pubkey(), &env.facility, &p.token, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[p.token],
        ix,
        &[&p.key],
        NfatError::ZeroAmount,
    )
    .await;
    // the other Prime's deposit account under this Prime's signature
    let ix = tx::withdraw(&p.pubkey(), &env.facility, &p.token, MILLION);
    let ix = swap_account(
        ix,
        &env.facility.deposit_of(&p.pubkey()),
        &env.facility.deposit_of(&other.pubkey()),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[p.token],
        ix,
        &[&p.key],
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    )
    .await;
    // a look-alike queue vault
    let fake = other.token;
    let ix = tx::withdraw(&p.pubkey(), &env.facility, &p.token, MILLION);
    let ix = swap_account(ix, &env.facility.queue_vault, &fake);
    refused_unchanged(
        &mut chain,
        &env,
        &[p.token],
        ix,
        &[&p.key],
        NfatError::WrongQueueVault,
    )
    .await;
}
