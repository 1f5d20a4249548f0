use crate::common::*;

#[tokio::test]
async fn remove_relayer_ok_by_the_freezer() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::remove_relayer(&f, &env.controller)], &[&env.freezer])
        .await;
    assert_eq!(
        env.controller_state(&mut chain).await.relayer,
        Pubkey::default()
    );
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &r, USDS).await,
        PauError::NotRelayer,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn remove_relayer_fails_for_others_and_when_none() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let rl = env.relayer.pubkey();
    assert_err(
        chain
            .send(&[ix::remove_relayer(&rl, &env.controller)], &[&env.relayer])
            .await,
        PauError::NotFreezer,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::remove_relayer(&f, &env.controller)], &[&env.freezer])
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain
            .send(&[ix::remove_relayer(&f, &env.controller)], &[&env.freezer])
            .await,
        PauError::NoRelayer,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
