//! Books: the lifecycle Created → Filling → Deploying → AtRest → Unwinding → Closed and
//! the two-key gate (a fresh attestation of the right kind by the attestor), deployment
//! through the PAU, returns through the PAU, releases of undeployed capital.
use crate::common::*;

#[tokio::test]
async fn the_book_walks_its_lifecycle_through_the_gate_and_the_pau() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (_, book, deal) = struck(&mut chain, &env, t).await;
    let custody_before = chain.balance(&env.facility.pau_custody).await;
    env.deploy_book(&mut chain, &book).await;
    let b = env.book_state(&mut chain, &book).await;
    assert_eq!(
        (b.status, b.deployed, b.vault_booked().unwrap()),
        (BookStatus::AtRest, 25 * MILLION, 0)
    );
    assert_eq!(chain.balance(&env.facility.endpoint).await, 25 * MILLION);
    assert_eq!(
        chain.balance(&env.facility.pau_custody).await,
        custody_before
    );
    // the deploy route's rate limit was consumed
    let rl: halo_sdk::decode::RateLimit = chain.account(&env.facility.deploy_rate_limit).await;
    assert_eq!(rl.total_out, u128::from(25 * MILLION));
    env.move_book(&mut chain, &book, BookStatus::Unwinding)
        .await
        .unwrap();
    env.rwa_repays(&mut chain, 26 * MILLION).await;
    env.return_funds(&mut chain, &book, 26 * MILLION)
        .await
        .unwrap();
    // not closable while returned capital is unallocated
    let ix = tx::move_book(
        &env.beacon.pubkey(),
        &env.facility,
        &book,
        BookStatus::Closed,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        ix,
        &[&env.beacon],
        NfatError::BookNotEmpty,
    )
    .await;
    env.fund(&mut chain, &deal, amounts(25 * MILLION, MILLION, 0))
        .await
        .unwrap();
    env.move_book(&mut chain, &book, BookStatus::Closed)
        .await
        .unwrap();
    env.check_books(&mut chain, &[book]).await;
}

#[tokio::test]
async fn deploy_fails_without_a_fresh_attestation_of_the_right_kind() {
    let (mut chain, env) = setup().await;
    let p = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let book = env.create_book(&mut chain).await;
    // attested before the first deal moved the book to Filling: stale
    env.attest(&mut chain, &book, AttestationKind::PreDeployment)
        .await
        .unwrap();
    let t_bullet = bullet(&mut chain).await;
    env.claim(&mut chain, &p.pubkey(), book, t_bullet)
        .await
        .unwrap();
    let to_deploying = tx::move_book(
        &env.beacon.pubkey(),
        &env.facility,
        &book,
        BookStatus::Deploying,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        to_deploying.clone(),
        &[&env.beacon],
        NfatError::AttestationRequired,
    )
    .await;
    // the wrong kind
    env.attest(&mut chain, &book, AttestationKind::AtRest)
        .await
        .unwrap();
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        to_deploying.clone(),
        &[&env.beacon],
        NfatError::AttestationRequired,
    )
    .await;
    // deploying from Filling is refused
    let ix = tx::deploy(&env.beacon.pubkey(), &env.facility, &book, MILLION);
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        ix,
        &[&env.beacon],
        NfatError::BookNotDeploying,
    )
    .await;
    env.attest(&mut chain, &book, AttestationKind::PreDeployment)
        .await
        .unwrap();
    chain.must(&[to_deploying], &[&env.beacon]).await;
    // at rest needs an at-rest attestation newer than the move
    let ix = tx::move_book(
        &env.beacon.pubkey(),
        &env.facility,
        &book,
        BookStatus::AtRest,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        ix.clone(),
        &[&env.beacon],
        NfatError::AttestationRequired,
    )
    .await;
    // more than the vault holds
    let too_much = tx::deploy(&env.beacon.pubkey(), &env.facility, &book, 25 * MILLION + 1);
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        too_much,
        &[&env.beacon],
        NfatError::InsufficientBookCapital,
    )
    .await;
    env.attest(&mut chain, &book, AttestationKind::AtRest)
        .await
        .unwrap();
    chain.must(&[ix], &[&env.beacon]).await;
}

#[tokio::test]
async fn only_the_attestor_attests_and_only_the_beacon_moves_books() {
    let (mut chain, env) = setup().await;
    let book = env.create_book(&mut chain).await;
    for k in [&env.beacon, &env.governance, &env.warden] {
        let ix = tx::attest(
            &k.pubkey(),
            &env.facility,
            &book,
            AttestationKind::PreDeployment,
            [7; 32],
        );
        refused_unchanged(&mut chain, &env, &[book], ix, &[k], NfatError::NotAttestor).await;
    }
    let ix = tx::attest(
        &env.attestor.pubkey(),
        &env.facility,
        &book,
        AttestationKind::PreDeployment,
        [0; 32],
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        ix,
        &[&env.attestor],
        NfatError::EmptyAttestation,
    )
    .await;
    let ix = tx::move_book(
        &env.attestor.pubkey(),
        &env.facility,
        &book,
        BookStatus::Deploying,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        ix,
        &[&env.attestor],
        NfatError::NotBeacon,
    )
    .await;
    // Created → Deploying skips Filling
    env.attest(&mut chain, &book, AttestationKind::PreDeployment)
        .await
        .unwrap();
    // the same attestation again says nothing new: refused, nothing changes
    let ix = tx::attest(
        &env.attestor.pubkey(),
        &env.facility,
        &book,
        AttestationKind::PreDeployment,
        [AttestationKind::PreDeployment as u8 + 1; 32],
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        ix,
        &[&env.attestor],
        NfatError::AttestationUnchanged,
    )
    .await;
    let ix = tx::move_book(
        &env.beacon.pubkey(),
        &env.facility,
        &book,
        BookStatus::Deploying,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        ix,
        &[&env.beacon],
        NfatError::BadBookTransition,
    )
    .await;
    // another facility's book
    let other = second_env(&mut chain, &env).await;
    let theirs = other.create_book(&mut chain).await;
    let ix = tx::attest(
        &env.attestor.pubkey(),
        &env.facility,
        &theirs,
        AttestationKind::PreDeployment,
        [7; 32],
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[theirs],
        ix,
        &[&env.attestor],
        NfatError::OfAnotherFacility,
    )
    .await;
}

#[tokio::test]
async fn deploy_fails_on_a_route_that_is_not_the_facilitys_or_while_halted() {
    let (mut chain, env) = setup().await;
    let t_bullet = bullet(&mut chain).await;
    let (_, book, _) = struck(&mut chain, &env, t_bullet).await;
    env.attest(&mut chain, &book, AttestationKind::PreDeployment)
        .await
        .unwrap();
    env.move_book(&mut chain, &book, BookStatus::Deploying)
        .await
        .unwrap();
    let ix = tx::deploy(&env.beacon.pubkey(), &env.facility, &book, MILLION);
    let wrong = swap_account(
        ix.clone(),
        &env.facility.deploy_rate_limit,
        &env.facility.return_rate_limit,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        wrong,
        &[&env.beacon],
        NfatError::WrongRateLimit,
    )
    .await;
    env.set_halted(&mut chain, &env.warden, true).await.unwrap();
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        ix,
        &[&env.beacon],
        NfatError::Halted,
    )
    .await;
}

#[tokio::test]
async fn an_unwinding_book_releases_undeployed_capital_to_its_deals() {
    let (mut chain, env) = setup().await;
    let t_bullet = bullet(&mut chain).await;
    let (p, book, deal) = struck(&mut chain, &env, t_bullet).await;
    env.attest(&mut chain, &book, AttestationKind::PreDeployment)
        .await
        .unwrap();
    env.move_book(&mut chain, &book, BookStatus::Deploying)
        .await
        .unwrap();
    env.deploy(&mut chain, &book, 20 * MILLION).await.unwrap();
    let release = tx::release(&env.beacon.pubkey(), &env.facility, &book, 5 * MILLION);
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        release.clone(),
        &[&env.beacon],
        NfatError::BookNotReturning,
    )
    .await;
    env.move_book(&mut chain, &book, BookStatus::Unwinding)
        .await
        .unwrap();
    chain.must(&[release], &[&env.beacon]).await;
    env.fund(&mut chain, &deal, amounts(5 * MILLION, 0, 0))
        .await
        .unwrap();
    // the unallocated is spent: nothing more to fund from
    let ix = tx::fund(&env.beacon.pubkey(), &env.facility, &deal, amounts(1, 0, 0));
    refused_unchanged(
        &mut chain,
        &env,
        &[book, deal.deal],
        ix,
        &[&env.beacon],
        NfatError::InsufficientReturned,
    )
    .await;
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    assert_eq!(chain.balance(&p.token).await, 5 * MILLION);
    env.check_books(&mut chain, &[book]).await;
}
