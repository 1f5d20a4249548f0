//! `fund`, `pay` and `redeem`: scheduled redemption, late payments and their penalty,
//! claiming at the holder's pace, the final burn; and the holder attacks (a non-holder,
//! another owner's token account, a look-alike mint, redeeming twice, another facility's
//! deal).
use crate::common::*;

#[tokio::test]
async fn an_amortizing_deal_is_paid_in_its_parts_and_its_nft_burns_at_the_end() {
    let (mut chain, env) = setup().await;
    let t = amortizing(&mut chain).await;
    let (p, book, deal) = deployed_and_returned(&mut chain, &env, t, 44 * MILLION).await;
    for i in 0..4u32 {
        let due = t.payment(i).unwrap();
        at(&mut chain, due.due_ts).await;
        env.fund(&mut chain, &deal, amounts(due.principal, due.interest, 0))
            .await
            .unwrap();
        let v = env.view(&mut chain, &deal).await.unwrap();
        assert_eq!(
            v.redeemable,
            amounts(10 * MILLION, MILLION, 0),
            "payment {i}"
        );
        assert_eq!(v.paid_through, i + 1);
        env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
        let left = env
            .deal_state(&mut chain, &deal)
            .await
            .map(|d| d.ledger.principal_outstanding);
        assert_eq!(
            left,
            (i < 3).then(|| (3 - u64::from(i)) * 10 * MILLION),
            "after payment {i}"
        );
    }
    assert_eq!(chain.balance(&p.token).await, 44 * MILLION);
    assert!(
        chain.raw_account(&deal.nft_mint).await.is_none(),
        "mint closed"
    );
    let nft_account = tx::nft_account(&p.pubkey(), &deal.nft_mint);
    assert!(
        chain.raw_account(&nft_account).await.is_none(),
        "holder's NFT account closed"
    );
    env.check_books(&mut chain, &[book]).await;
}

#[tokio::test]
async fn a_late_payment_records_its_penalty_which_is_then_paid_and_redeemed() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let owed = 26_250_000 * UNIT;
    let (p, _book, deal) = deployed_and_returned(&mut chain, &env, t, owed).await;
    let maturity = t.maturity_ts().unwrap();
    at(&mut chain, maturity + 10 * DAY).await;
    let v = env.view(&mut chain, &deal).await.unwrap();
    assert_eq!((v.days_overdue, v.overdue.principal), (10, 25 * MILLION));
    // 10 days at 5 bps a day on 26.25M
    let penalty = owed * 50 / 10_000;
    assert_eq!(v.penalty_accruing, penalty);
    env.fund(
        &mut chain,
        &deal,
        amounts(25 * MILLION, 1_250_000 * UNIT, 0),
    )
    .await
    .unwrap();
    let d = env.deal_state(&mut chain, &deal).await.unwrap();
    assert_eq!(
        (
            d.ledger.penalty_owed,
            d.ledger.days_late,
            d.ledger.late_payments
        ),
        (penalty, 10, 1)
    );
    // the penalty stays owed until funded: the deal is not finished by principal and interest
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    assert!(
        env.deal_state(&mut chain, &deal).await.is_some(),
        "penalty still owed"
    );
    // the borrower pays the penalty directly; more than recorded is refused
    let borrower = env.wallet(&mut chain, penalty + 1).await;
    let ix = tx::pay(
        &borrower.pubkey(),
        &env.facility,
        &deal,
        &borrower.token,
        amounts(0, 0, penalty + 1),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, borrower.token],
        ix,
        &[&borrower.key],
        NfatError::PenaltyOverfunded,
    )
    .await;
    env.pay(&mut chain, &borrower, &deal, amounts(0, 0, penalty))
        .await
        .unwrap();
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    assert_eq!(chain.balance(&p.token).await, owed + penalty);
    assert!(env.deal_state(&mut chain, &deal).await.is_none());
}

#[tokio::test]
async fn the_holder_redeems_long_after_maturity_in_parts_with_no_penalty_for_claiming_late() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let owed = 26_250_000 * UNIT;
    let (p, _book, deal) = deployed_and_returned(&mut chain, &env, t, owed).await;
    let maturity = t.maturity_ts().unwrap();
    at(&mut chain, maturity).await;
    env.fund(
        &mut chain,
        &deal,
        amounts(25 * MILLION, 1_250_000 * UNIT, 0),
    )
    .await
    .unwrap();
    at(&mut chain, maturity + 400 * DAY).await;
    env.redeem(&mut chain, &p, &deal, 250_000 * UNIT)
        .await
        .unwrap();
    let d = env.deal_state(&mut chain, &deal).await.unwrap();
    assert_eq!(
        (d.ledger.claimed.interest, d.ledger.penalty_owed),
        (250_000 * UNIT, 0)
    );
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    assert_eq!(chain.balance(&p.token).await, owed);
}

#[tokio::test]
async fn redeem_fails_for_a_non_holder_someone_elses_account_a_look_alike_mint_or_twice() {
    let (mut chain, env) = setup().await;
    let t = amortizing(&mut chain).await;
    let (p, _book, deal) = deployed_and_returned(&mut chain, &env, t, 11 * MILLION).await;
    let due = t.payment(0).unwrap();
    at(&mut chain, due.due_ts).await;
    env.fund(&mut chain, &deal, amounts(due.principal, due.interest, 0))
        .await
        .unwrap();
    let thief = env.wallet(&mut chain, 0).await;
    let victim_nft = tx::nft_account(&p.pubkey(), &deal.nft_mint);
    let watch = [deal.deal, deal.nft_mint, victim_nft, p.token, thief.token];
    // the holder's NFT account, signed by someone else
    let ix = tx::redeem(
        &thief.pubkey(),
        &env.facility,
        &deal,
        &victim_nft,
        &thief.token,
        u64::MAX,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix,
        &[&thief.key],
        NfatError::NotTokenAccountOwner,
    )
    .await;
    // the thief's own empty NFT account
    chain
        .must(
            &[tx::create_nft_account(
                &thief.pubkey(),
                &thief.pubkey(),
                &deal.nft_mint,
            )],
            &[&thief.key],
        )
        .await;
    let own = tx::nft_account(&thief.pubkey(), &deal.nft_mint);
    let ix = tx::redeem(
        &thief.pubkey(),
        &env.facility,
        &deal,
        &own,
        &thief.token,
        u64::MAX,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix,
        &[&thief.key],
        NfatError::NotNftHolder,
    )
    .await;
    // a look-alike mint of the thief's, holding one token
    let fake_mint = chain.create_mint(MintKind::Token2022, 0).await;
    let fake_account = chain
        .create_ata(
            &thief.pubkey(),
            &fake_mint,
            &halo_sdk::token_programs::TOKEN_2022,
        )
        .await;
    chain
        .mint_to(
            &fake_mint,
            &halo_sdk::token_programs::TOKEN_2022,
            &fake_account,
            1,
        )
        .await;
    let ix = tx::redeem(
        &thief.pubkey(),
        &env.facility,
        &deal,
        &fake_account,
        &thief.token,
        u64::MAX,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix.clone(),
        &[&thief.key],
        NfatError::NotNftHolder,
    )
    .await;
    let ix = swap_account(ix, &deal.nft_mint, &fake_mint);
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix,
        &[&thief.key],
        NfatError::WrongNftMint,
    )
    .await;
    // the holder redeems, then again with nothing new funded
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    let ix = tx::redeem(
        &p.pubkey(),
        &env.facility,
        &deal,
        &victim_nft,
        &p.token,
        u64::MAX,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &watch,
        ix,
        &[&p.key],
        NfatError::NothingToRedeem,
    )
    .await;
}

#[tokio::test]
async fn fund_fails_above_what_is_owed_from_another_book_or_another_facility() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (_p, book, deal) = deployed_and_returned(&mut chain, &env, t, 30 * MILLION).await;
    let b = env.beacon.pubkey();
    let ix = tx::fund(&b, &env.facility, &deal, amounts(25 * MILLION + 1, 0, 0));
    refused_unchanged(
        &mut chain,
        &env,
        &[book, deal.deal],
        ix,
        &[&env.beacon],
        NfatError::PrincipalOverfunded,
    )
    .await;
    let ix = tx::fund(
        &b,
        &env.facility,
        &deal,
        amounts(0, 1_250_000 * UNIT + 1, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book, deal.deal],
        ix,
        &[&env.beacon],
        NfatError::InterestOverfunded,
    )
    .await;
    let ix = tx::fund(&b, &env.facility, &deal, amounts(0, 0, 0));
    refused_unchanged(
        &mut chain,
        &env,
        &[book, deal.deal],
        ix,
        &[&env.beacon],
        NfatError::NothingToFund,
    )
    .await;
    // a deal funded from another book's returns
    let other_book = env.create_book(&mut chain).await;
    let ix = tx::fund(
        &b,
        &env.facility,
        &DealRef {
            book: other_book,
            ..deal
        },
        amounts(MILLION, 0, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book, deal.deal],
        ix,
        &[&env.beacon],
        NfatError::DealOfAnotherBook,
    )
    .await;
    // another facility's deal
    let other = second_env(&mut chain, &env).await;
    let t_bullet = bullet(&mut chain).await;
    let (_, _, theirs) = struck(&mut chain, &other, t_bullet).await;
    let ix = tx::fund(
        &b,
        &env.facility,
        &DealRef { book, ..theirs },
        amounts(MILLION, 0, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[book, theirs.deal],
        ix,
        &[&env.beacon],
        NfatError::OfAnotherFacility,
    )
    .await;
    // the beacon's key cannot pay itself out of the redeem vault by `pay` with no tokens
    let poor = env.wallet(&mut chain, 0).await;
    let ix = tx::pay(
        &poor.pubkey(),
        &env.facility,
        &deal,
        &poor.token,
        amounts(MILLION, 0, 0),
    );
    assert_failed(chain.send(&[ix], &[&poor.key]).await);
}

#[tokio::test]
async fn a_book_returning_short_funds_its_deals_pro_rata_to_principal() {
    let (mut chain, env) = setup().await;
    let a = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let b = queued_prime(&mut chain, &env, 75 * MILLION).await;
    let book = env.create_book(&mut chain).await;
    let t = bullet(&mut chain).await;
    let da = env.claim(&mut chain, &a.pubkey(), book, t).await.unwrap();
    let db = env
        .claim(
            &mut chain,
            &b.pubkey(),
            book,
            Terms {
                principal: 75 * MILLION,
                ..t
            },
        )
        .await
        .unwrap();
    env.deploy_book(&mut chain, &book).await;
    env.rwa_repays(&mut chain, 80 * MILLION).await;
    env.return_funds(&mut chain, &book, 80 * MILLION)
        .await
        .unwrap();
    // 80 of 100 returned: 20 and 60
    env.fund(&mut chain, &da, amounts(20 * MILLION, 0, 0))
        .await
        .unwrap();
    env.fund(&mut chain, &db, amounts(60 * MILLION, 0, 0))
        .await
        .unwrap();
    env.redeem(&mut chain, &a, &da, u64::MAX).await.unwrap();
    env.redeem(&mut chain, &b, &db, u64::MAX).await.unwrap();
    assert_eq!(chain.balance(&a.token).await, 20 * MILLION);
    assert_eq!(chain.balance(&b.token).await, 60 * MILLION);
    env.check_books(&mut chain, &[book]).await;
}
