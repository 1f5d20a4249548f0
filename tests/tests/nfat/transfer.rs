//! The NFT moves by a plain wallet transfer (Token-2022 `transfer_checked` with the hook's
//! extra accounts); the new holder redeems, the old one cannot; a transfer never changes
//! what the deal owes. With the allow-list on, the hook refuses an unlisted receiver
//! (the hook's own refusals: tests/nfat-hook/).
use crate::common::*;

#[tokio::test]
async fn the_nft_is_transferred_and_the_new_holder_redeems() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (p, _book, deal) = deployed_and_returned(&mut chain, &env, t, 26_250_000 * UNIT).await;
    let buyer = env.wallet(&mut chain, 0).await;
    let before = env.deal_state(&mut chain, &deal).await.unwrap();
    env.transfer_nft(&mut chain, &p, &deal, &buyer.pubkey())
        .await
        .unwrap();
    let after = env.deal_state(&mut chain, &deal).await.unwrap();
    assert_eq!(
        format!("{before:?}"),
        format!("{after:?}"),
        "a transfer changes nothing the deal owes"
    );
    assert_eq!(env.nft_balance(&mut chain, &buyer.pubkey(), &deal).await, 1);
    assert_eq!(env.nft_balance(&mut chain, &p.pubkey(), &deal).await, 0);
    at(&mut chain, t.maturity_ts().unwrap()).await;
    env.fund(
        &mut chain,
        &deal,
        amounts(25 * MILLION, 1_250_000 * UNIT, 0),
    )
    .await
    .unwrap();
    // the seller's (now empty) account no longer proves anything
    let nft = tx::nft_account(&p.pubkey(), &deal.nft_mint);
    let ix = tx::redeem(&p.pubkey(), &env.facility, &deal, &nft, &p.token, u64::MAX);
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.deal, p.token],
        ix,
        &[&p.key],
        NfatError::NotNftHolder,
    )
    .await;
    env.redeem(&mut chain, &buyer, &deal, u64::MAX)
        .await
        .unwrap();
    assert_eq!(chain.balance(&buyer.token).await, 26_250_000 * UNIT);
}

#[tokio::test]
async fn with_the_allow_list_on_only_listed_owners_receive() {
    let (mut chain, env) = setup().await;
    let t_bullet = bullet(&mut chain).await;
    let (p, _book, deal) = struck(&mut chain, &env, t_bullet).await;
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::set_allow_list(&g, &env.facility, true)],
            &[&env.governance],
        )
        .await;
    let listed = env.wallet(&mut chain, 0).await;
    let unlisted = env.wallet(&mut chain, 0).await;
    chain
        .must(
            &[tx::list_holder(&g, &env.facility, &listed.pubkey())],
            &[&env.governance],
        )
        .await;
    let res = env
        .transfer_nft(&mut chain, &p, &deal, &unlisted.pubkey())
        .await;
    assert_err(res, HookError::ReceiverNotAllowListed);
    assert_eq!(env.nft_balance(&mut chain, &p.pubkey(), &deal).await, 1);
    env.transfer_nft(&mut chain, &listed, &deal, &p.pubkey())
        .await
        .expect_err("listed does not hold it yet");
    env.transfer_nft(&mut chain, &p, &deal, &listed.pubkey())
        .await
        .unwrap();
    assert_eq!(
        env.nft_balance(&mut chain, &listed.pubkey(), &deal).await,
        1
    );
    // delisting stops receiving, not holding; turning the list off frees transfers
    chain
        .must(
            &[tx::delist_holder(&g, &env.facility, &listed.pubkey())],
            &[&env.governance],
        )
        .await;
    chain
        .must(
            &[tx::set_allow_list(&g, &env.facility, false)],
            &[&env.governance],
        )
        .await;
    env.transfer_nft(&mut chain, &listed, &deal, &unlisted.pubkey())
        .await
        .unwrap();
    assert_eq!(
        env.nft_balance(&mut chain, &unlisted.pubkey(), &deal).await,
        1
    );
}

#[tokio::test]
async fn the_allow_list_is_governances() {
    let (mut chain, env) = setup().await;
    for k in [&env.beacon, &env.warden] {
        let ix = tx::set_allow_list(&k.pubkey(), &env.facility, true);
        refused_unchanged(&mut chain, &env, &[], ix, &[k], NfatError::NotGovernance).await;
        let ix = tx::list_holder(&k.pubkey(), &env.facility, &k.pubkey());
        refused_unchanged(&mut chain, &env, &[], ix, &[k], NfatError::NotGovernance).await;
    }
}
