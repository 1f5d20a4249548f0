//! Sky's bullet happy path end to end: queue, strike, attested deployment through the
//! PAU, return, funding at maturity, redemption, and the NFT burned with everything closed.
use crate::common::*;

#[tokio::test]
async fn a_bullet_deal_runs_from_queue_to_burned_nft() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (p, book, deal) = struck(&mut chain, &env, t).await;
    assert_eq!(env.nft_balance(&mut chain, &p.pubkey(), &deal).await, 1);
    assert_eq!(env.queued(&mut chain, &p.pubkey()).await, 0);
    assert_eq!(
        chain.balance(&env.facility.book_vault(0)).await,
        25 * MILLION
    );
    env.deploy_book(&mut chain, &book).await;
    assert_eq!(chain.balance(&env.facility.endpoint).await, 25 * MILLION);
    // maturity: the RWA repays principal and interest; the beacon returns and funds
    let d = env.deal_state(&mut chain, &deal).await.unwrap();
    chain.set_time(d.maturity_ts).await;
    let owed = 25 * MILLION + 1_250_000 * UNIT;
    env.rwa_repays(&mut chain, owed).await;
    env.return_funds(&mut chain, &book, owed).await.unwrap();
    env.fund(
        &mut chain,
        &deal,
        amounts(25 * MILLION, 1_250_000 * UNIT, 0),
    )
    .await
    .unwrap();
    let v = env.view(&mut chain, &deal).await.unwrap();
    assert_eq!(v.redeemable, amounts(25 * MILLION, 1_250_000 * UNIT, 0));
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    assert_eq!(chain.balance(&p.token).await, owed);
    assert!(
        env.deal_state(&mut chain, &deal).await.is_none(),
        "deal closed"
    );
    assert!(
        chain.raw_account(&deal.nft_mint).await.is_none(),
        "mint closed"
    );
    let f = env.state(&mut chain).await;
    assert_eq!(
        (
            f.deals.open,
            f.deals.principal_outstanding,
            f.deals.redeem_liability
        ),
        (0, 0, 0)
    );
    env.check_books(&mut chain, &[book]).await;
}
