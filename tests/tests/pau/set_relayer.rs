use crate::common::*;

#[tokio::test]
async fn set_relayer_ok_hands_over_the_transfer_role() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let new = chain.funded_keypair(1_000_000_000).await;
    let g = env.govops.pubkey();
    chain
        .must(
            &[ix::set_relayer(&g, &env.controller, new.pubkey())],
            &[&env.govops],
        )
        .await;
    assert_eq!(env.controller_state(&mut chain).await.relayer, new.pubkey());
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &r, USDS).await,
        PauError::NotRelayer,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    chain
        .must(&[ix::transfer(&new.pubkey(), &r, USDS)], &[&new])
        .await;
}

#[tokio::test]
async fn set_relayer_fails_for_a_non_member_or_an_unregistered_pau() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let f = env.freezer.pubkey();
    let i = with_govops_membership(ix::set_relayer(&f, &env.controller, f), &env, &f);
    assert_err(
        chain.send(&[i], &[&env.freezer]).await,
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
                &[ix::set_relayer(
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
    // removing the relayer stays possible
    chain
        .must(
            &[ix::set_relayer(&g, &env.controller, Pubkey::default())],
            &[&env.govops],
        )
        .await;
}

#[tokio::test]
async fn set_relayer_fails_for_another_paus_govops() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let i = as_other_paus_govops(
        ix::set_relayer(&env.govops.pubkey(), &env.controller, other.govops.pubkey()),
        &env,
        &other,
    );
    assert_err(
        chain.send(&[i], &[&other.govops]).await,
        PauError::NotGovOpsOfThisPau,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
