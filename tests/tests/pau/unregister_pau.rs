use crate::common::*;

#[tokio::test]
async fn unregister_pau_is_instant_and_stops_outflows() {
    let (mut chain, env) = setup().await;
    let route = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    assert!(!env.controller_state(&mut chain).await.registered);
    let watched = route_accounts(&env, &route);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &route, USDS).await,
        PauError::PauNotRegistered,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    // coming back needs the timelock again
    let id = env
        .schedule(
            &mut chain,
            TimelockAction::RegisterPau {
                controller: env.controller,
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(
            &[ix::execute_register_pau(&payer, id, &env.controller)],
            &[],
        )
        .await;
    env.transfer(&mut chain, &route, USDS).await.unwrap();
}

#[tokio::test]
async fn unregister_pau_fails_when_not_admin_or_not_registered() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let g = env.govops.pubkey();
    assert_err(
        chain
            .send(&[ix::unregister_pau(&g, &env.controller)], &[&env.govops])
            .await,
        PauError::NotAdmin,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain
            .send(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
            .await,
        PauError::PauNotRegistered,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

/// Finding 3: a duplicate `RegisterPau` scheduled before an instant unregistration cannot
/// re-register the PAU; a registration scheduled after it can.
#[tokio::test]
async fn unregister_pau_invalidates_a_registration_scheduled_before_it() {
    let (mut chain, env) = setup().await;
    let register = TimelockAction::RegisterPau {
        controller: env.controller,
    };
    let duplicate = env.schedule(&mut chain, register).await.unwrap();
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    env.pass_timelock(&mut chain).await;
    let watched = [pda::op(&env.configurator, duplicate)];
    let before = env.fingerprint(&mut chain, &watched).await;
    let payer = chain.payer_key();
    assert_err(
        chain
            .send(
                &[ix::execute_register_pau(&payer, duplicate, &env.controller)],
                &[],
            )
            .await,
        PauError::OpInvalidatedByRemoval,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    let again = env.schedule(&mut chain, register).await.unwrap();
    env.pass_timelock(&mut chain).await;
    chain
        .must(
            &[ix::execute_register_pau(&payer, again, &env.controller)],
            &[],
        )
        .await;
    assert!(env.controller_state(&mut chain).await.registered);
}
