//! `claim`: the deal strike. The NFT (Token-2022, decimals 0, supply 1, no mint
//! authority, key terms in its metadata), the deal's terms on chain with their hash, the
//! capital from the Prime's queue into the book; and every refusal.
use crate::common::*;

#[tokio::test]
async fn claim_ok_records_the_terms_and_mints_one_nft_to_the_prime() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (p, book, deal) = struck(&mut chain, &env, t).await;
    let d = env.deal_state(&mut chain, &deal).await.unwrap();
    assert_eq!(d.terms, t);
    assert_eq!(
        d.terms_hash,
        tx::terms_hash(&env.facility.facility, 0, &t).unwrap()
    );
    assert_eq!(
        (d.depositor, d.book, d.status),
        (p.pubkey(), book, DealStatus::Active)
    );
    assert_eq!(d.ledger.total_interest, 1_250_000 * UNIT);
    assert_eq!(d.ledger.principal_outstanding, 25 * MILLION);
    let nft = nft_facts(&mut chain, &deal.nft_mint).await;
    assert_eq!((nft.supply, nft.decimals, nft.mint_authority), (1, 0, None));
    assert_eq!(nft.close_authority, Some(env.facility.facility));
    assert_eq!(nft.hook_program, Some(halo_nfat_hook::ID));
    assert_eq!(nft.name, "Senior Secured 0 #0");
    let field = |k: &str| {
        nft.fields
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(field("principal"), Some((25 * MILLION).to_string()));
    assert_eq!(field("apy_bps"), Some("1000".into()));
    assert_eq!(field("maturity"), Some(d.maturity_ts.to_string()));
    assert_eq!(field("schedule"), Some("bullet/1".into()));
    assert_eq!(field("terms_hash").map(|h| h.len()), Some(64));
    assert_eq!(env.nft_balance(&mut chain, &p.pubkey(), &deal).await, 1);
    let b = env.book_state(&mut chain, &book).await;
    assert_eq!(
        (b.status, b.deals, b.claimed_in),
        (BookStatus::Filling, 1, 25 * MILLION)
    );
    let f = env.state(&mut chain).await;
    assert_eq!(
        (f.next_deal_id, f.deals.open, f.deals.principal_outstanding),
        (1, 1, 25 * MILLION)
    );
    env.check_books(&mut chain, &[book]).await;
}

#[tokio::test]
async fn a_partial_queue_claim_leaves_the_rest_withdrawable() {
    // Sky's scenario 2: 30M queued, a 25M deal, the 5M left withdrawn
    let (mut chain, env) = setup().await;
    let p = queued_prime(&mut chain, &env, 30 * MILLION).await;
    let book = env.create_book(&mut chain).await;
    let t = bullet(&mut chain).await;
    env.claim(&mut chain, &p.pubkey(), book, t).await.unwrap();
    assert_eq!(env.queued(&mut chain, &p.pubkey()).await, 5 * MILLION);
    env.withdraw(&mut chain, &p, 5 * MILLION).await.unwrap();
    assert_eq!(chain.balance(&p.token).await, 5 * MILLION);
    env.check_books(&mut chain, &[book]).await;
}

#[tokio::test]
async fn two_primes_share_a_facility_and_a_book_pari_passu() {
    let (mut chain, env) = setup().await;
    let a = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let b = queued_prime(&mut chain, &env, 40 * MILLION).await;
    let book = env.create_book(&mut chain).await;
    let t_bullet = bullet(&mut chain).await;
    let da = env
        .claim(&mut chain, &a.pubkey(), book, t_bullet)
        .await
        .unwrap();
    let t_amortizing = amortizing(&mut chain).await;
    let db = env
        .claim(&mut chain, &b.pubkey(), book, t_amortizing)
        .await
        .unwrap();
    assert_eq!((da.deal_id, db.deal_id), (0, 1));
    assert_eq!(env.nft_balance(&mut chain, &b.pubkey(), &db).await, 1);
    let s = env.book_state(&mut chain, &book).await;
    assert_eq!((s.deals, s.principal), (2, 65 * MILLION));
}

#[tokio::test]
async fn a_prime_in_two_facilities_keeps_separate_queues_and_deals() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    let p = queued_prime(&mut chain, &env, 25 * MILLION).await;
    chain
        .must(
            &[tx::approve_prime(
                &other.governance.pubkey(),
                &other.facility,
                &p.pubkey(),
            )],
            &[&other.governance],
        )
        .await;
    let token_b = chain_ata(&mut chain, &p, &other).await;
    let f = other.facility;
    chain
        .mint_to(
            &f.deposit_mint,
            &f.deposit_token_program,
            &token_b,
            25 * MILLION,
        )
        .await;
    let ix = tx::deposit(&p.pubkey(), &other.facility, &token_b, 25 * MILLION);
    chain.must(&[ix], &[&p.key]).await;
    let b1 = env.create_book(&mut chain).await;
    let b2 = other.create_book(&mut chain).await;
    let t = bullet(&mut chain).await;
    let d1 = env.claim(&mut chain, &p.pubkey(), b1, t).await.unwrap();
    let d2 = other.claim(&mut chain, &p.pubkey(), b2, t).await.unwrap();
    assert_ne!(d1.nft_mint, d2.nft_mint);
    assert_eq!(env.nft_balance(&mut chain, &p.pubkey(), &d1).await, 1);
    assert_eq!(other.nft_balance(&mut chain, &p.pubkey(), &d2).await, 1);
    // another facility's book is refused
    let p2 = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let (ix, deal) = env.claim_ix(&mut chain, &p2.pubkey(), b2, t).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[b2, deal.deal],
        ix,
        &[&env.beacon],
        NfatError::OfAnotherFacility,
    )
    .await;
}

/// `p`'s deposit-mint account in `env`'s facility (created if missing).
async fn chain_ata(chain: &mut Chain, p: &Wallet, env: &NfatEnv) -> Pubkey {
    let f = &env.facility;
    let a = halo_sdk::ata(&p.pubkey(), &f.deposit_mint, &f.deposit_token_program);
    if chain.raw_account(&a).await.is_none() {
        chain
            .create_ata(&p.pubkey(), &f.deposit_mint, &f.deposit_token_program)
            .await;
    }
    a
}

#[tokio::test]
async fn claim_fails_for_a_non_approved_prime_a_short_queue_a_non_beacon_or_while_halted() {
    let (mut chain, env) = setup().await;
    let p = queued_prime(&mut chain, &env, 20 * MILLION).await;
    let book = env.create_book(&mut chain).await;
    let t = bullet(&mut chain).await;
    // larger than the queue
    let (ix, deal) = env.claim_ix(&mut chain, &p.pubkey(), book, t).await;
    let watch = [
        book,
        deal.deal,
        deal.nft_mint,
        env.facility.deposit_of(&p.pubkey()),
    ];
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix,
        &[&env.beacon],
        NfatError::InsufficientQueue,
    )
    .await;
    let small = Terms {
        principal: 10 * MILLION,
        ..t
    };
    // signed by someone else than the beacon
    let intruder = chain.funded_keypair(10_000_000_000).await;
    let (ix, _) = env.claim_ix(&mut chain, &p.pubkey(), book, small).await;
    let ix = swap_account(ix[1].clone(), &env.beacon.pubkey(), &intruder.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix,
        &[&intruder],
        NfatError::NotBeacon,
    )
    .await;
    // halted
    env.set_halted(&mut chain, &env.warden, true).await.unwrap();
    let (ix, _) = env.claim_ix(&mut chain, &p.pubkey(), book, small).await;
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix,
        &[&env.beacon],
        NfatError::Halted,
    )
    .await;
    env.set_halted(&mut chain, &env.governance, false)
        .await
        .unwrap();
    // approval revoked
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
    let (ix, _) = env.claim_ix(&mut chain, &p.pubkey(), book, small).await;
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

#[tokio::test]
async fn claim_fails_into_a_book_closed_to_deals() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (_, book, _) = struck(&mut chain, &env, t).await;
    env.attest(&mut chain, &book, AttestationKind::PreDeployment)
        .await
        .unwrap();
    env.move_book(&mut chain, &book, BookStatus::Deploying)
        .await
        .unwrap();
    let p = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let (ix, deal) = env.claim_ix(&mut chain, &p.pubkey(), book, t).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[book, deal.deal],
        ix,
        &[&env.beacon],
        NfatError::BookClosedToDeals,
    )
    .await;
}
