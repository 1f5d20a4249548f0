use crate::common::*;

#[tokio::test]
async fn unfreeze_ok_by_govops_restores_outflows() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
        .await;
    let g = env.govops.pubkey();
    chain
        .must(&[ix::unfreeze(&g, &env.controller)], &[&env.govops])
        .await;
    assert!(!env.controller_state(&mut chain).await.frozen);
    env.transfer(&mut chain, &r, USDS).await.unwrap();
}

#[tokio::test]
async fn unfreeze_fails_when_not_frozen_or_by_the_freezer() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let g = env.govops.pubkey();
    assert_err(
        chain
            .send(&[ix::unfreeze(&g, &env.controller)], &[&env.govops])
            .await,
        PauError::ControllerNotFrozen,
    );
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
        .await;
    let before_frozen = env.fingerprint(&mut chain, &[]).await;
    assert_ne!(before, before_frozen);
    // the freezer holds no membership
    assert_err(
        chain
            .send(&[ix::unfreeze(&f, &env.controller)], &[&env.freezer])
            .await,
        AnchorError::AccountNotInitialized,
    );
    // nor can it borrow GovOps' membership
    let i = with_govops_membership(ix::unfreeze(&f, &env.controller), &env, &f);
    assert_err(
        chain.send(&[i], &[&env.freezer]).await,
        PauError::NotGovOpsMember,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before_frozen);
}

#[tokio::test]
async fn unfreeze_fails_for_another_paus_govops() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let i = as_other_paus_govops(
        ix::unfreeze(&env.govops.pubkey(), &env.controller),
        &env,
        &other,
    );
    assert_err(
        chain.send(&[i], &[&other.govops]).await,
        PauError::NotGovOpsOfThisPau,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
