use crate::common::*;

#[tokio::test]
async fn set_freezer_ok_hands_over_the_freeze_role() {
    let (mut chain, env) = setup().await;
    let new = chain.funded_keypair(1_000_000_000).await;
    let g = env.govops.pubkey();
    chain
        .must(
            &[ix::set_freezer(&g, &env.controller, new.pubkey())],
            &[&env.govops],
        )
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let old = env.freezer.pubkey();
    assert_err(
        chain
            .send(&[ix::freeze(&old, &env.controller)], &[&env.freezer])
            .await,
        PauError::NotFreezer,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
    chain
        .must(&[ix::freeze(&new.pubkey(), &env.controller)], &[&new])
        .await;
}

#[tokio::test]
async fn set_freezer_fails_for_a_non_member_or_an_unregistered_pau() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let rl = env.relayer.pubkey();
    let i = with_govops_membership(ix::set_freezer(&rl, &env.controller, rl), &env, &rl);
    assert_err(
        chain.send(&[i], &[&env.relayer]).await,
        PauError::NotGovOpsMember,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let g = env.govops.pubkey();
    assert_err(
        chain
            .send(
                &[ix::set_freezer(
                    &g,
                    &env.controller,
                    Keypair::new().pubkey(),
                )],
                &[&env.govops],
            )
            .await,
        PauError::PauNotRegistered,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

#[tokio::test]
async fn set_freezer_fails_for_another_paus_govops() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let i = as_other_paus_govops(
        ix::set_freezer(&env.govops.pubkey(), &env.controller, other.govops.pubkey()),
        &env,
        &other,
    );
    assert_err(
        chain.send(&[i], &[&other.govops]).await,
        PauError::NotGovOpsOfThisPau,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
