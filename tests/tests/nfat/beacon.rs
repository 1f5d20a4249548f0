//! lpha-nfat and lpha-attest over a real facility: agreed deals struck inside the buybox
//! (outside it: reported, not sent), the gate waiting on lpha-attest, deployment within
//! the route, returns and funding pari passu, late and defaultable deals reported;
//! idempotent (a second cycle sends nothing) and re-planned after a refusal; an NFT a
//! strike left undelivered is delivered, halted or not.
use crate::common::*;
use halo_beacons::nfat::{Action, Agreed, AttestBeacon, External, NfatBeacon, Note};

fn beacons(env: &NfatEnv) -> (NfatBeacon, AttestBeacon) {
    (
        NfatBeacon {
            key: env.beacon.insecure_clone(),
            facility: env.facility,
        },
        AttestBeacon {
            key: env.attestor.insecure_clone(),
            facility: env.facility,
        },
    )
}

#[tokio::test]
async fn the_beacons_strike_deploy_return_and_fund_pari_passu() {
    let (mut chain, env) = setup().await;
    let (nfat, attest) = beacons(&env);
    let a = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let b = queued_prime(&mut chain, &env, 75 * MILLION).await;
    let now = chain.now().await;
    let ta = terms(25 * MILLION, 1_000, 6, 1, Schedule::Bullet, now);
    let tb = terms(75 * MILLION, 1_000, 6, 1, Schedule::Bullet, now);
    let outside = terms(75 * MILLION, 2_000, 6, 1, Schedule::Bullet, now);
    let primes = [a.pubkey(), b.pubkey()];
    let mut ext = External {
        agreed: vec![
            Agreed {
                prime: a.pubkey(),
                terms: ta,
            },
            Agreed {
                prime: b.pubkey(),
                terms: tb,
            },
            Agreed {
                prime: b.pubkey(),
                terms: outside,
            },
        ],
        repaid: vec![],
    };
    let c = nfat.cycle(&mut chain, &primes, &ext).await;
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert_eq!(
        c.sent
            .iter()
            .filter(|x| matches!(x, Action::Claim { .. }))
            .count(),
        2
    );
    assert!(c.plan.notes.iter().any(|n| matches!(
        n,
        Note::OutsideBuybox {
            why: "APY above the buybox",
            ..
        }
    )));
    let book = env.facility.book(0);
    // idempotent: nothing new to strike; the book waits on its attestation
    let again = nfat.cycle(&mut chain, &primes, &ext).await;
    assert!(again.sent.is_empty(), "{:?}", again.sent);
    assert!(again.plan.notes.contains(&Note::AwaitingAttestation {
        book,
        kind: AttestationKind::PreDeployment
    }));
    // lpha-attest vouches; lpha-nfat deploys everything
    let report = vec![
        (book, AttestationKind::PreDeployment, [1; 32]),
        (book, AttestationKind::AtRest, [2; 32]),
    ];
    assert_eq!(
        attest.cycle(&mut chain, &report).await.unwrap(),
        vec![(book, AttestationKind::PreDeployment)]
    );
    let c = nfat.cycle(&mut chain, &primes, &ext).await;
    assert!(
        c.sent.contains(&Action::Deploy {
            book,
            amount: 100 * MILLION
        }),
        "{:?}",
        c.sent
    );
    assert_eq!(
        attest.cycle(&mut chain, &report).await.unwrap(),
        vec![(book, AttestationKind::AtRest)]
    );
    nfat.cycle(&mut chain, &primes, &ext).await;
    assert_eq!(
        env.book_state(&mut chain, &book).await.status,
        BookStatus::AtRest
    );
    // maturity: the book returns 80 of the 105 owed; lpha-nfat returns and funds pro rata
    at(&mut chain, ta.maturity_ts().unwrap() + DAY).await;
    env.rwa_repays(&mut chain, 80 * MILLION).await;
    ext.repaid = vec![(book, 80 * MILLION)];
    let c = nfat.cycle(&mut chain, &primes, &ext).await;
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert!(c
        .plan
        .notes
        .iter()
        .any(|n| matches!(n, Note::ShortBook { .. })));
    let da = env.facility.deal(0, book);
    let db = env.facility.deal(1, book);
    let fa = env
        .deal_state(&mut chain, &da)
        .await
        .unwrap()
        .ledger
        .funded
        .total()
        .unwrap();
    let fb = env
        .deal_state(&mut chain, &db)
        .await
        .unwrap()
        .ledger
        .funded
        .total()
        .unwrap();
    assert_eq!((fa, fb), (20 * MILLION, 60 * MILLION));
    // both are late and reported; a second cycle has nothing to send
    let again = nfat.cycle(&mut chain, &primes, &ext).await;
    assert!(again.sent.is_empty(), "{:?}", again.sent);
    assert_eq!(
        again
            .plan
            .notes
            .iter()
            .filter(|n| matches!(n, Note::Late { .. }))
            .count(),
        2
    );
    // past the grace period: reported defaultable
    at(&mut chain, ta.maturity_ts().unwrap() + 31 * DAY).await;
    let later = nfat.cycle(&mut chain, &primes, &ext).await;
    assert_eq!(
        later
            .plan
            .notes
            .iter()
            .filter(|n| matches!(n, Note::Defaultable { .. }))
            .count(),
        2
    );
    env.check_books(&mut chain, &[book]).await;
}

#[tokio::test]
async fn a_halted_facility_gets_no_new_business_from_the_beacon_and_it_replans_after() {
    let (mut chain, env) = setup().await;
    let (nfat, _) = beacons(&env);
    let a = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let t = bullet(&mut chain).await;
    let ext = External {
        agreed: vec![Agreed {
            prime: a.pubkey(),
            terms: t,
        }],
        repaid: vec![],
    };
    env.set_halted(&mut chain, &env.warden, true).await.unwrap();
    let c = nfat.cycle(&mut chain, &[a.pubkey()], &ext).await;
    assert!(c.sent.is_empty() && c.plan.notes.contains(&Note::Halted));
    env.set_halted(&mut chain, &env.governance, false)
        .await
        .unwrap();
    let c = nfat.cycle(&mut chain, &[a.pubkey()], &ext).await;
    assert_eq!(c.sent.len(), 2, "book and claim: {:?}", c.sent);
}

#[tokio::test]
async fn the_beacon_delivers_an_nft_a_strike_left_undelivered_even_while_halted() {
    let (mut chain, env) = setup().await;
    let (nfat, _) = beacons(&env);
    let (p, deal, _) = claimed_only(&mut chain, &env).await;
    env.set_halted(&mut chain, &env.warden, true).await.unwrap();
    let c = nfat
        .cycle(&mut chain, &[p.pubkey()], &External::default())
        .await;
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert_eq!(
        c.sent,
        vec![Action::DeliverNft {
            deal,
            depositor: p.pubkey()
        }]
    );
    assert_eq!(env.nft_balance(&mut chain, &p.pubkey(), &deal).await, 1);
    let nft = nft_facts(&mut chain, &deal.nft_mint).await;
    assert_eq!((nft.supply, nft.mint_authority), (1, None));
    // idempotent: delivered once, nothing more to send
    let again = nfat
        .cycle(&mut chain, &[p.pubkey()], &External::default())
        .await;
    assert!(again.sent.is_empty(), "{:?}", again.sent);
}
