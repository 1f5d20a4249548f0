//! `settle_finalized`: the keeper crank paying a finalized position to its owner.
use crate::common::*;

#[tokio::test]
async fn settle_finalized_ok_a_keeper_pays_the_owner_and_returns_the_rent_to_the_owner() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[700 * UNIT, 300 * UNIT]).await;
    env.cycle(&mut chain, SUB, 1_000 * UNIT).await;
    let keeper = chain.funded_keypair(1_000_000_000).await;
    let owner = ps[0].key.pubkey();
    let lamports = chain.raw_account(&owner).await.unwrap().lamports;
    let ix = env
        .settle_finalized_ix(&mut chain, &keeper.pubkey(), SUB, &owner, &ps[0].shares)
        .await;
    chain.must(&[ix], &[&keeper]).await;
    assert_eq!(chain.balance(&ps[0].shares).await, 700 * UNIT);
    assert!(env.position(&mut chain, SUB, &owner).await.is_none());
    assert!(chain.raw_account(&owner).await.unwrap().lamports > lamports);
    let g: tx::FinalizedGeneration = chain.account(&env.unit.generation(SUB, 0)).await;
    assert_eq!(
        g.final_reward_per_share, WAD,
        "the generation is unchanged by settlements"
    );
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn settle_finalized_ok_after_claims_pays_only_the_rest() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 40 * UNIT).await;
    chain
        .must(&[env.claim_ix(&ps[0], SUB)], &[&ps[0].key])
        .await;
    env.cycle(&mut chain, SUB, 60 * UNIT).await;
    let k = ps[0].key.pubkey();
    let ix = env
        .settle_finalized_ix(&mut chain, &k, SUB, &k, &ps[0].shares)
        .await;
    chain.must(&[ix], &[&ps[0].key]).await;
    assert_eq!(chain.balance(&ps[0].shares).await, 100 * UNIT);
}

#[tokio::test]
async fn settle_finalized_fails_when_not_finalized_or_paying_someone_else() {
    let (mut chain, env) = setup().await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    let keeper = chain.funded_keypair(1_000_000_000).await;
    let owner = ps[0].key.pubkey();
    let ix = tx::settle_finalized(&keeper.pubkey(), &env.unit, SUB, &owner, 0, &ps[0].shares);
    // generation 0 is not written yet: Anchor refuses the missing account
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix.clone(),
        &[&keeper],
        anchor_lang::error::ErrorCode::AccountNotInitialized,
    )
    .await;
    env.cycle(&mut chain, SUB, 100 * UNIT).await;
    // the keeper's own share account
    let mine = chain
        .create_ata(
            &keeper.pubkey(),
            &env.unit.share_mint,
            &halo_sdk::token_programs::TOKEN_2022,
        )
        .await;
    let bad = swap_account(ix.clone(), &ps[0].shares, &mine);
    refused_unchanged(
        &mut chain,
        &env,
        &[mine],
        bad,
        &[&keeper],
        LctsError::WrongOwnerAccount,
    )
    .await;
    // the owner's USDS account (the wrong mint)
    let bad = swap_account(ix.clone(), &ps[0].shares, &ps[0].usds);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        bad,
        &[&keeper],
        LctsError::WrongOwnerAccount,
    )
    .await;
    // the rent to the keeper instead of the owner
    let bad = swap_account(ix.clone(), &owner, &keeper.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        bad,
        &[&keeper],
        LctsError::WrongPosition,
    )
    .await;
    chain.must(&[ix], &[&keeper]).await;
}

#[tokio::test]
async fn settle_finalized_fails_for_a_position_of_the_current_generation() {
    let (mut chain, env) = setup().await;
    let first = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    env.cycle(&mut chain, SUB, 100 * UNIT).await;
    let ps = subscribers(&mut chain, &env, &[100 * UNIT]).await;
    // the current generation's position, pointed at generation 0's account
    let k = ps[0].key.pubkey();
    let ix = tx::settle_finalized(&k, &env.unit, SUB, &k, 0, &ps[0].shares);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&ps[0].key],
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    )
    .await;
    let ix = tx::settle_finalized(&k, &env.unit, SUB, &k, 1, &ps[0].shares);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&ps[0].key],
        anchor_lang::error::ErrorCode::AccountNotInitialized,
    )
    .await;
    let _ = first;
}

#[tokio::test]
async fn settle_finalized_fails_twice_or_for_another_queues_position() {
    let (mut chain, env) = setup().await;
    let r = env.prime_with_shares(&mut chain, 100 * UNIT).await;
    env.enter(&mut chain, &r, RED, 50 * UNIT).await.unwrap();
    env.cycle(&mut chain, RED, 50 * UNIT).await;
    let k = r.key.pubkey();
    // the subscribe queue's generation 0 for the redeem position: seeds refuse it
    let ix = swap_account(
        tx::settle_finalized(&k, &env.unit, RED, &k, 0, &r.usds),
        &env.unit.generation(RED, 0),
        &env.unit.generation(SUB, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&r.key],
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    )
    .await;
    let ix = tx::settle_finalized(&k, &env.unit, RED, &k, 0, &r.usds);
    chain.must(std::slice::from_ref(&ix), &[&r.key]).await;
    // the position is closed: a second settlement finds no account
    refused_unchanged(
        &mut chain,
        &env,
        &[r.usds],
        ix,
        &[&r.key],
        anchor_lang::error::ErrorCode::AccountNotInitialized,
    )
    .await;
}
