//! The warden's halt: claims, deployments and fundings stop at once; queue withdrawals
//! and redemptions of funded money keep working; only governance lifts it.
use crate::common::*;

#[tokio::test]
async fn a_halt_stops_new_business_but_never_locks_anyone_out() {
    let (mut chain, env) = setup().await;
    let t = amortizing(&mut chain).await;
    let (p, book, deal) = deployed_and_returned(&mut chain, &env, t, 22 * MILLION).await;
    let due = t.payment(0).unwrap();
    at(&mut chain, due.due_ts).await;
    env.fund(&mut chain, &deal, amounts(due.principal, due.interest, 0))
        .await
        .unwrap();
    let waiting = queued_prime(&mut chain, &env, 10 * MILLION).await;
    let stranger = env.wallet(&mut chain, 0).await;
    let ix = tx::set_halted(&stranger.pubkey(), &env.facility, true);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&stranger.key],
        NfatError::NotWarden,
    )
    .await;
    env.set_halted(&mut chain, &env.warden, true).await.unwrap();
    // refused while halted
    let (claim, d2) = env
        .claim_ix(
            &mut chain,
            &waiting.pubkey(),
            book,
            Terms {
                principal: 10 * MILLION,
                ..t
            },
        )
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[d2.deal],
        claim,
        &[&env.beacon],
        NfatError::Halted,
    )
    .await;
    let fund = tx::fund(
        &env.beacon.pubkey(),
        &env.facility,
        &deal,
        amounts(MILLION, 0, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, book],
        fund,
        &[&env.beacon],
        NfatError::Halted,
    )
    .await;
    let payer = env.wallet(&mut chain, MILLION).await;
    let pay = tx::pay(
        &payer.pubkey(),
        &env.facility,
        &deal,
        &payer.token,
        amounts(MILLION, 0, 0),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, payer.token],
        pay,
        &[&payer.key],
        NfatError::Halted,
    )
    .await;
    let deploy = tx::deploy(&env.beacon.pubkey(), &env.facility, &book, 1);
    refused_unchanged(
        &mut chain,
        &env,
        &[book],
        deploy,
        &[&env.beacon],
        NfatError::Halted,
    )
    .await;
    // still works
    env.withdraw(&mut chain, &waiting, 10 * MILLION)
        .await
        .unwrap();
    env.redeem(&mut chain, &p, &deal, u64::MAX).await.unwrap();
    assert_eq!(chain.balance(&p.token).await, 11 * MILLION);
    env.return_funds(&mut chain, &book, MILLION).await.unwrap();
    // the warden cannot lift it; governance can
    let lift = tx::set_halted(&env.warden.pubkey(), &env.facility, false);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        lift,
        &[&env.warden],
        NfatError::OnlyGovernanceLiftsHalt,
    )
    .await;
    env.set_halted(&mut chain, &env.governance, false)
        .await
        .unwrap();
    env.fund(&mut chain, &deal, amounts(MILLION, 0, 0))
        .await
        .unwrap();
}
