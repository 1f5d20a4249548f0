//! Each account invariant of halo_lcts, broken on purpose: the next instruction that
//! changes the account is refused with the invariant's own error and nothing changes;
//! the brakes (pause) still work on a broken unit.
use crate::common::*;
use halo_sdk::lcts::{LctsUnit, Position, Queue};

#[tokio::test]
async fn claim_fails_when_the_queue_pays_more_reward_than_it_received() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 10 * UNIT).await;
    corrupt::<Queue>(&mut chain, &env.unit.subscribe_queue, |q| {
        q.reward_out = q.reward_in
    })
    .await;
    let ix = env.claim_ix(&ps[0], SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].shares],
        ix,
        &[&ps[0].key],
        LctsError::QueueInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn subscribe_fails_when_the_queue_books_more_than_its_vault_holds() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    corrupt::<Queue>(&mut chain, &env.unit.subscribe_queue, |q| {
        q.total_underlying += 1
    })
    .await;
    let _ = ps;
    let p = env.prime(&mut chain, 10 * UNIT).await;
    let ix = env.enter_ix(&mut chain, &p, SUB, 10 * UNIT).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[p.usds],
        ix,
        &[&p.key],
        LctsError::VaultBelowBooked,
    )
    .await;
}

#[tokio::test]
async fn lock_fails_when_an_open_queue_holds_no_shares() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    corrupt::<Queue>(&mut chain, &env.unit.subscribe_queue, |q| {
        q.total_shares = 0
    })
    .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        env.lock_ix(SUB),
        &[&env.beacon],
        LctsError::QueueInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn claim_fails_when_a_position_debt_runs_ahead_of_the_generation() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT, 100 * UNIT]).await;
    let addr = env.unit.position(SUB, &ps[0].key.pubkey());
    corrupt::<Position>(&mut chain, &addr, |p| p.reward_debt = WAD).await;
    let ix = env.claim_ix(&ps[0], SUB);
    // the maths refuses first: the debt is above the accumulator
    refused_unchanged(
        &mut chain,
        &env,
        &[addr],
        ix,
        &[&ps[0].key],
        LctsError::MathOverflow,
    )
    .await;
}

#[tokio::test]
async fn claim_fails_when_the_position_has_a_layout_this_program_does_not_write() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let addr = env.unit.position(SUB, &ps[0].key.pubkey());
    corrupt::<Position>(&mut chain, &addr, |p| p.version = 9).await;
    let ix = env.claim_ix(&ps[0], SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[addr],
        ix,
        &[&ps[0].key],
        LctsError::PositionInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn set_unit_params_fails_on_a_unit_with_a_zero_rate_and_the_pause_still_works() {
    let (mut chain, env) = setup().await;
    corrupt::<LctsUnit>(&mut chain, &env.unit.unit, |u| u.rate_wad = 0).await;
    let g = env.governance.pubkey();
    let ix = tx::set_unit_params(&g, &env.unit, default_params());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        LctsError::UnitInvariantBroken,
    )
    .await;
    // a brake skips the invariant: a corrupted unit can always be halted
    chain
        .must(
            &[tx::set_paused(
                &env.freezer.pubkey(),
                &env.unit,
                tx::PAUSE_ALL,
            )],
            &[&env.freezer],
        )
        .await;
}

#[tokio::test]
async fn unlock_fails_when_a_locked_queue_paid_more_than_it_received() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.lock(&mut chain, SUB).await.unwrap();
    corrupt::<Queue>(&mut chain, &env.unit.subscribe_queue, |q| {
        q.reward_out = q.reward_in + 1
    })
    .await;
    let g = env.governance.pubkey();
    let ix = tx::unlock(&g, &env.unit, SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        LctsError::QueueInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn claim_fails_when_the_reward_vault_holds_less_than_the_queue_owes() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT, 100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 10 * UNIT).await;
    // booked as received, but the shares never arrived
    corrupt::<Queue>(&mut chain, &env.unit.subscribe_queue, |q| q.reward_in += 1).await;
    let ix = env.claim_ix(&ps[0], SUB);
    refused_unchanged(
        &mut chain,
        &env,
        &[ps[0].shares],
        ix,
        &[&ps[0].key],
        LctsError::VaultBelowBooked,
    )
    .await;
}
