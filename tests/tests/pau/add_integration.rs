use crate::common::*;

#[tokio::test]
async fn add_integration_ok_stores_the_keys() {
    let (mut chain, env) = setup().await;
    let signer = Keypair::new().pubkey();
    let keys = vec![[1u8; 32], [2u8; 32], [3u8; 32]];
    let g = env.govops.pubkey();
    chain
        .must(
            &[ix::add_integration(
                &g,
                &env.controller,
                signer,
                keys.clone(),
            )],
            &[&env.govops],
        )
        .await;
    let i: Integration = chain
        .account(&pda::integration(&env.controller, &signer))
        .await;
    assert_eq!((i.signer, i.key_count), (signer, 3));
    assert!(keys.iter().all(|k| i.allows(k)));
    assert!(!i.allows(&[4u8; 32]));
}

#[tokio::test]
async fn add_integration_fails_on_bad_key_lists_and_roles() {
    let (mut chain, env) = setup().await;
    let signer = Keypair::new().pubkey();
    let addr = pda::integration(&env.controller, &signer);
    let g = env.govops.pubkey();
    let bad = [
        (vec![], PauError::InvalidIntegrationKeys),
        (
            (0..9u8).map(|i| [i; 32]).collect(),
            PauError::InvalidIntegrationKeys,
        ),
        (vec![[1u8; 32], [1u8; 32]], PauError::InvalidIntegrationKeys),
    ];
    for (keys, e) in bad {
        assert_pau_err(
            chain
                .send(
                    &[ix::add_integration(&g, &env.controller, signer, keys)],
                    &[&env.govops],
                )
                .await,
            e,
        );
    }
    assert_pau_err(
        chain
            .send(
                &[ix::add_integration(
                    &g,
                    &env.controller,
                    Pubkey::default(),
                    vec![[1; 32]],
                )],
                &[&env.govops],
            )
            .await,
        PauError::InvalidRoleKey,
    );
    let rl = env.relayer.pubkey();
    let i = with_govops_membership(
        ix::add_integration(&rl, &env.controller, signer, vec![[1; 32]]),
        &env,
        &rl,
    );
    assert_pau_err(
        chain.send(&[i], &[&env.relayer]).await,
        PauError::NotGovOpsMember,
    );
    assert!(chain.raw_account(&addr).await.is_none());
    // unregistered PAU
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    assert_pau_err(
        chain
            .send(
                &[ix::add_integration(
                    &g,
                    &env.controller,
                    signer,
                    vec![[1; 32]],
                )],
                &[&env.govops],
            )
            .await,
        PauError::PauNotRegistered,
    );
    assert!(chain.raw_account(&addr).await.is_none());
}

#[tokio::test]
async fn add_integration_fails_for_another_paus_govops() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let i = as_other_paus_govops(
        ix::add_integration(
            &env.govops.pubkey(),
            &env.controller,
            Keypair::new().pubkey(),
            vec![[1; 32]],
        ),
        &env,
        &other,
    );
    assert_pau_err(
        chain.send(&[i], &[&other.govops]).await,
        PauError::NotGovOpsOfThisPau,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
