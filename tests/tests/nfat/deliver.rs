//! `deliver_nft`: the strike's second half. `claim` creates the deal and its NFT mint;
//! the one token reaches the Prime by `deliver_nft` once the Prime's associated account
//! exists (all three in the beacon's one transaction). Anyone may deliver, only to the
//! deal's depositor, once; and the refusals. Also the approval look-alikes `claim` reads
//! by data.
use crate::common::*;

#[tokio::test]
async fn a_claim_alone_leaves_the_nft_with_nobody_until_anyone_delivers_it_to_the_prime() {
    let (mut chain, env) = setup().await;
    let (p, deal, _) = claimed_only(&mut chain, &env).await;
    let nft = nft_facts(&mut chain, &deal.nft_mint).await;
    assert_eq!(
        (nft.supply, nft.mint_authority),
        (0, Some(env.facility.facility))
    );
    assert_eq!(
        env.deal_state(&mut chain, &deal)
            .await
            .unwrap()
            .nft_delivered_at,
        0
    );
    // a keeper (no role) pays for the Prime's account and delivers
    let keeper = chain.funded_keypair(1_000_000_000).await;
    chain
        .must(
            &[
                tx::create_nft_account(&keeper.pubkey(), &p.pubkey(), &deal.nft_mint),
                tx::deliver_nft(&env.facility, &deal, &p.pubkey()),
            ],
            &[&keeper],
        )
        .await;
    assert_eq!(env.nft_balance(&mut chain, &p.pubkey(), &deal).await, 1);
    let nft = nft_facts(&mut chain, &deal.nft_mint).await;
    assert_eq!((nft.supply, nft.mint_authority), (1, None));
    let now = chain.now().await;
    assert_eq!(
        env.deal_state(&mut chain, &deal)
            .await
            .unwrap()
            .nft_delivered_at,
        now
    );
}

#[tokio::test]
async fn a_second_delivery_is_refused_and_mints_nothing() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (p, _, deal) = struck(&mut chain, &env, t).await;
    let nft = tx::nft_account(&p.pubkey(), &deal.nft_mint);
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, deal.nft_mint, nft],
        tx::deliver_nft(&env.facility, &deal, &p.pubkey()),
        &[],
        NfatError::NftAlreadyDelivered,
    )
    .await;
}

#[tokio::test]
async fn delivery_before_the_prime_has_an_nft_account_is_refused() {
    let (mut chain, env) = setup().await;
    let (p, deal, _) = claimed_only(&mut chain, &env).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, deal.nft_mint],
        tx::deliver_nft(&env.facility, &deal, &p.pubkey()),
        &[],
        NfatError::NftAccountMissing,
    )
    .await;
}

#[tokio::test]
async fn delivery_to_anyone_but_the_depositor_is_refused() {
    let (mut chain, env) = setup().await;
    let (p, deal, _) = claimed_only(&mut chain, &env).await;
    let thief = chain.funded_keypair(1_000_000_000).await;
    let thief_nft = tx::nft_account(&thief.pubkey(), &deal.nft_mint);
    chain
        .must(
            &[tx::create_nft_account(
                &thief.pubkey(),
                &thief.pubkey(),
                &deal.nft_mint,
            )],
            &[&thief],
        )
        .await;
    let watch = [deal.deal, deal.nft_mint, thief_nft];
    // naming itself the depositor
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        tx::deliver_nft(&env.facility, &deal, &thief.pubkey()),
        &[],
        NfatError::NotDepositor,
    )
    .await;
    // the right depositor, its own account
    let ix = swap_account(
        tx::deliver_nft(&env.facility, &deal, &p.pubkey()),
        &tx::nft_account(&p.pubkey(), &deal.nft_mint),
        &thief_nft,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix,
        &[],
        NfatError::NotDepositorNftAccount,
    )
    .await;
}

#[tokio::test]
async fn delivery_with_a_look_alike_mint_another_facilitys_deal_or_spl_token_is_refused() {
    let (mut chain, env) = setup().await;
    let (p, deal, rest) = claimed_only(&mut chain, &env).await;
    chain.must(&rest[..1], &[&env.beacon]).await;
    // another deal's mint (a real NFT mint of this facility)
    let t = bullet(&mut chain).await;
    let (_, _, other) = struck(&mut chain, &env, t).await;
    let ix = swap_account(
        tx::deliver_nft(&env.facility, &deal, &p.pubkey()),
        &deal.nft_mint,
        &other.nft_mint,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, deal.nft_mint, other.nft_mint],
        ix,
        &[],
        NfatError::WrongNftMint,
    )
    .await;
    // the deal under another facility
    let env2 = second_env(&mut chain, &env).await;
    let ix = swap_account(
        tx::deliver_nft(&env.facility, &deal, &p.pubkey()),
        &env.facility.facility,
        &env2.facility.facility,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, deal.nft_mint],
        ix,
        &[],
        NfatError::OfAnotherFacility,
    )
    .await;
    // SPL Token in place of Token-2022 (a program that would mint by another's rules)
    let ix = swap_account(
        tx::deliver_nft(&env.facility, &deal, &p.pubkey()),
        &anchor_spl::token_2022::ID,
        &anchor_spl::token::ID,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, deal.nft_mint],
        ix,
        &[],
        anchor_lang::error::ErrorCode::InvalidProgramId,
    )
    .await;
    // and the real delivery still goes through
    chain
        .must(&[tx::deliver_nft(&env.facility, &deal, &p.pubkey())], &[])
        .await;
    assert_eq!(env.nft_balance(&mut chain, &p.pubkey(), &deal).await, 1);
}

#[tokio::test]
async fn claim_refuses_another_primes_approval_or_another_facilitys() {
    // the approval is read by its data: a real ApprovedPrime, but not this Prime's in
    // this facility, is refused like none
    let (mut chain, env) = setup().await;
    let env2 = second_env(&mut chain, &env).await;
    let approved = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let unapproved = queued_prime(&mut chain, &env, 25 * MILLION).await;
    chain
        .must(
            &[tx::revoke_prime(
                &env.governance.pubkey(),
                &env.facility,
                &unapproved.pubkey(),
            )],
            &[&env.governance],
        )
        .await;
    chain
        .must(
            &[tx::approve_prime(
                &env2.governance.pubkey(),
                &env2.facility,
                &unapproved.pubkey(),
            )],
            &[&env2.governance],
        )
        .await;
    let book = env.create_book(&mut chain).await;
    let t = bullet(&mut chain).await;
    let (ixs, deal) = env
        .claim_ix(&mut chain, &unapproved.pubkey(), book, t)
        .await;
    let watch = [
        book,
        deal.deal,
        deal.nft_mint,
        env.facility.deposit_of(&unapproved.pubkey()),
    ];
    let own = env.facility.approval_of(&unapproved.pubkey());
    for look_alike in [
        env.facility.approval_of(&approved.pubkey()),
        env2.facility.approval_of(&unapproved.pubkey()),
        env.facility.deposit_of(&unapproved.pubkey()),
    ] {
        let ix = swap_account(ixs[1].clone(), &own, &look_alike);
        refused_unchanged(
            &mut chain,
            &env,
            &watch,
            ix,
            &[&env.beacon],
            NfatError::PrimeNotApproved,
        )
        .await;
    }
}
