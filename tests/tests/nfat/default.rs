//! Default and recovery: after maturity plus the grace period the warden (or
//! governance) marks an unpaid deal defaulted; later fundings are recovery, still the
//! holder's; governance writes a deal off once nothing funded is left unclaimed.
use crate::common::*;

#[tokio::test]
async fn a_deal_defaults_after_its_grace_period_and_a_recovery_is_claimed() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (p, _book, deal) = struck(&mut chain, &env, t).await;
    let maturity = t.maturity_ts().unwrap();
    let mark = tx::mark_default(&env.warden.pubkey(), &env.facility, &deal);
    at(&mut chain, maturity + 30 * DAY - 1).await;
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal],
        mark.clone(),
        &[&env.warden],
        NfatError::NotYetDefaultable,
    )
    .await;
    at(&mut chain, maturity + 30 * DAY).await;
    assert!(env.view(&mut chain, &deal).await.unwrap().defaultable);
    let ix = tx::mark_default(&env.beacon.pubkey(), &env.facility, &deal);
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal],
        ix,
        &[&env.beacon],
        NfatError::NotWarden,
    )
    .await;
    chain
        .must(std::slice::from_ref(&mark), &[&env.warden])
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal],
        mark,
        &[&env.warden],
        NfatError::DealNotActive,
    )
    .await;
    let f = env.state(&mut chain).await;
    assert_eq!((f.deals.open, f.deals.defaulted), (1, 1));
    // a recovery paid directly by a guarantor
    let guarantor = env.wallet(&mut chain, 15 * MILLION).await;
    env.pay(&mut chain, &guarantor, &deal, amounts(15 * MILLION, 0, 0))
        .await
        .unwrap();
    let d = env.deal_state(&mut chain, &deal).await.unwrap();
    assert_eq!(
        (d.status, d.recovered),
        (DealStatus::Defaulted, 15 * MILLION)
    );
    // governance cannot write off money the holder has not claimed
    let off = tx::write_off(&env.governance.pubkey(), &env.facility, &deal);
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal],
        off.clone(),
        &[&env.governance],
        NfatError::UnclaimedFundsRemain,
    )
    .await;
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    assert_eq!(chain.balance(&p.token).await, 15 * MILLION);
    chain.must(&[off], &[&env.governance]).await;
    let f = env.state(&mut chain).await;
    assert_eq!(
        (
            f.deals.open,
            f.deals.defaulted,
            f.deals.principal_outstanding
        ),
        (0, 0, 0)
    );
    // written off: nothing more can be funded; the holder burns the NFT
    let ix = tx::pay(
        &guarantor.pubkey(),
        &env.facility,
        &deal,
        &guarantor.token,
        amounts(1, 0, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal],
        ix,
        &[&guarantor.key],
        NfatError::DealNotFundable,
    )
    .await;
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    assert!(env.deal_state(&mut chain, &deal).await.is_none());
    assert!(chain.raw_account(&deal.nft_mint).await.is_none());
}

#[tokio::test]
async fn a_fully_funded_deal_cannot_default_and_only_a_defaulted_one_is_written_off() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (_p, _book, deal) = deployed_and_returned(&mut chain, &env, t, 26_250_000 * UNIT).await;
    let off = tx::write_off(&env.governance.pubkey(), &env.facility, &deal);
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal],
        off,
        &[&env.governance],
        NfatError::DealNotDefaulted,
    )
    .await;
    let maturity = t.maturity_ts().unwrap();
    at(&mut chain, maturity).await;
    env.fund(
        &mut chain,
        &deal,
        amounts(25 * MILLION, 1_250_000 * UNIT, 0),
    )
    .await
    .unwrap();
    at(&mut chain, maturity + 60 * DAY).await;
    let mark = tx::mark_default(&env.governance.pubkey(), &env.facility, &deal);
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal],
        mark,
        &[&env.governance],
        NfatError::DealFullyFunded,
    )
    .await;
}
