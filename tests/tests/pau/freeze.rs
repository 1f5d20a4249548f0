use crate::common::*;

#[tokio::test]
async fn freeze_ok_refuses_every_outflow() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
        .await;
    assert!(env.controller_state(&mut chain).await.frozen);
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &r, USDS).await,
        PauError::ControllerFrozen,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn freeze_fails_for_anyone_but_the_freezer_and_when_frozen() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    for k in [&env.govops, &env.relayer, &env.admin] {
        assert_err(
            chain
                .send(&[ix::freeze(&k.pubkey(), &env.controller)], &[k])
                .await,
            PauError::NotFreezer,
        );
    }
    let f = env.freezer.pubkey();
    assert_err(
        chain
            .send(&[unsigned(ix::freeze(&f, &env.controller), &f)], &[])
            .await,
        AnchorError::AccountNotSigner,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
    chain
        .must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain
            .send(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
            .await,
        PauError::AlreadyFrozen,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

#[tokio::test]
async fn freeze_with_relayer_removal_in_one_transaction() {
    let (mut chain, env) = setup().await;
    let f = env.freezer.pubkey();
    chain
        .must(
            &[
                ix::freeze(&f, &env.controller),
                ix::remove_relayer(&f, &env.controller),
            ],
            &[&env.freezer],
        )
        .await;
    let c = env.controller_state(&mut chain).await;
    assert!(c.frozen);
    assert_eq!(c.relayer, Pubkey::default());
}
