use crate::common::*;

#[tokio::test]
async fn remove_rate_limit_closes_the_route_at_once() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let g = env.govops.pubkey();
    chain
        .must(
            &[ix::remove_rate_limit(&g, &env.controller, &r.key)],
            &[&env.govops],
        )
        .await;
    let addr = pda::rate_limit(&env.controller, &r.key);
    assert!(chain.raw_account(&addr).await.is_none());
    let before = env.fingerprint(&mut chain, &[r.counterparty]).await;
    assert_anchor_err(
        env.transfer(&mut chain, &r, 1).await,
        AnchorError::AccountNotInitialized,
    );
    assert_eq!(env.fingerprint(&mut chain, &[r.counterparty]).await, before);
}

#[tokio::test]
async fn remove_rate_limit_fails_for_the_freezer_or_relayer() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    for k in [&env.freezer, &env.relayer] {
        let i = swap_account(
            ix::remove_rate_limit(&k.pubkey(), &env.controller, &r.key),
            &pda::govops(&env.controller, &k.pubkey()),
            &pda::govops(&env.controller, &env.govops.pubkey()),
        );
        assert_pau_err(chain.send(&[i], &[k]).await, PauError::NotGovOpsMember);
    }
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}
