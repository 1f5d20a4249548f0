use crate::common::*;

#[tokio::test]
async fn remove_integration_is_instant() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, 1_000 * USDS, 0)
        .await;
    let g = env.govops.pubkey();
    let s = signer.pubkey();
    chain
        .must(
            &[ix::remove_integration(&g, &env.controller, &s)],
            &[&env.govops],
        )
        .await;
    assert!(chain
        .raw_account(&pda::integration(&env.controller, &s))
        .await
        .is_none());
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain.send(&[ix::draw(&s, &r, USDS)], &[&signer]).await,
        AnchorError::AccountNotInitialized,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn remove_integration_fails_for_a_non_member() {
    let (mut chain, env) = setup().await;
    let (signer, _r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, 1_000 * USDS, 0)
        .await;
    let addr = pda::integration(&env.controller, &signer.pubkey());
    let before = chain.fingerprint(&[addr]).await;
    let f = env.freezer.pubkey();
    let i = with_govops_membership(
        ix::remove_integration(&f, &env.controller, &signer.pubkey()),
        &env,
        &f,
    );
    assert_err(
        chain.send(&[i], &[&env.freezer]).await,
        PauError::NotGovOpsMember,
    );
    assert_eq!(chain.fingerprint(&[addr]).await, before);
}

#[tokio::test]
async fn remove_integration_fails_for_another_paus_govops() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let (signer, _r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, 1_000 * USDS, 0)
        .await;
    let addr = pda::integration(&env.controller, &signer.pubkey());
    let before = chain.fingerprint(&[addr]).await;
    let i = as_other_paus_govops(
        ix::remove_integration(&env.govops.pubkey(), &env.controller, &signer.pubkey()),
        &env,
        &other,
    );
    assert_err(
        chain.send(&[i], &[&other.govops]).await,
        PauError::NotGovOpsOfThisPau,
    );
    assert_eq!(chain.fingerprint(&[addr]).await, before);
}
