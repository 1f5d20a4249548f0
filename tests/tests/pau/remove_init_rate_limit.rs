use crate::common::*;

#[tokio::test]
async fn remove_init_rate_limit_is_instant_and_blocks_increases_not_decreases() {
    let (mut chain, env) = setup().await;
    let route = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let a = env.admin.pubkey();
    let init = pda::init_rate_limit(&env.configurator, &route.key, &Pubkey::default());
    chain
        .must(
            &[ix::remove_init_rate_limit(
                &a,
                &route.key,
                &Pubkey::default(),
            )],
            &[&env.admin],
        )
        .await;
    assert!(chain.raw_account(&init).await.is_none());
    chain.advance(HOP).await;
    let g = env.govops.pubkey();
    let watched = route_accounts(&env, &route);
    let before = env.fingerprint(&mut chain, &watched).await;
    let res = chain
        .send(
            &[ix::set_rate_limit(
                &g,
                &env.controller,
                &route.key,
                1_100 * USDS,
                USDS,
            )],
            &[&env.govops],
        )
        .await;
    assert_err(res, PauError::NoInitForRoute);
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    chain
        .must(
            &[ix::set_rate_limit(
                &g,
                &env.controller,
                &route.key,
                500 * USDS,
                USDS,
            )],
            &[&env.govops],
        )
        .await;
    // the existing route still moves funds within its (lowered) limit
    env.transfer(&mut chain, &route, 500 * USDS).await.unwrap();
}

#[tokio::test]
async fn remove_init_rate_limit_fails_when_not_admin() {
    let (mut chain, env) = setup().await;
    let key = [3u8; 32];
    env.add_init(&mut chain, key, Pubkey::default(), 10, 1)
        .await;
    let init = pda::init_rate_limit(&env.configurator, &key, &Pubkey::default());
    let before = chain.fingerprint(&[init]).await;
    let g = env.govops.pubkey();
    assert_err(
        chain
            .send(
                &[ix::remove_init_rate_limit(&g, &key, &Pubkey::default())],
                &[&env.govops],
            )
            .await,
        PauError::NotAdmin,
    );
    assert_eq!(chain.fingerprint(&[init]).await, before);
}

/// Finding 3: a duplicate `AddInitRateLimit` scheduled before an instant removal of the
/// same init cannot bring it back.
#[tokio::test]
async fn remove_init_rate_limit_invalidates_a_duplicate_addition_scheduled_before_it() {
    let (mut chain, env) = setup().await;
    let key = [7u8; 32];
    let add = TimelockAction::AddInitRateLimit {
        key,
        pau: Pubkey::default(),
        max_amount: 1_000,
        slope: 1,
    };
    let first = env.schedule(&mut chain, add).await.unwrap();
    let duplicate = env.schedule(&mut chain, add).await.unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(
            &[ix::execute_add_init_rate_limit(
                &payer,
                first,
                key,
                Pubkey::default(),
            )],
            &[],
        )
        .await;
    let a = env.admin.pubkey();
    chain
        .must(
            &[ix::remove_init_rate_limit(&a, &key, &Pubkey::default())],
            &[&env.admin],
        )
        .await;
    let init = pda::init_rate_limit(&env.configurator, &key, &Pubkey::default());
    let watched = [init, pda::op(&env.configurator, duplicate)];
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain
            .send(
                &[ix::execute_add_init_rate_limit(
                    &payer,
                    duplicate,
                    key,
                    Pubkey::default(),
                )],
                &[],
            )
            .await,
        PauError::OpInvalidatedByRemoval,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

/// Review finding: removing a tighter PAU-specific init (an instant removal) made the PAU
/// fall back to the looser global init, so the removal loosened its limits. A PAU whose
/// own init was removed has no init until governance approves one again.
#[tokio::test]
async fn remove_init_rate_limit_of_a_pau_never_falls_back_to_a_looser_global_init() {
    let (mut chain, env) = setup().await;
    let dest = chain
        .create_ata(&Keypair::new().pubkey(), &env.mint, &env.token_program)
        .await;
    let r = env.route(keys::tags::TRANSFER, dest);
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000_000 * USDS, 100)
        .await;
    env.add_init(&mut chain, r.key, env.controller, 10_000 * USDS, 1)
        .await;
    let a = env.admin.pubkey();
    chain
        .must(
            &[ix::remove_init_rate_limit(&a, &r.key, &env.controller)],
            &[&env.admin],
        )
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000_000 * USDS, 100)
            .await,
        PauError::NoInitForRoute,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    // a fresh PAU-specific approval opens it again, within its own bounds
    env.add_init(&mut chain, r.key, env.controller, 20_000 * USDS, 1)
        .await;
    env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 20_000 * USDS, 1)
        .await
        .unwrap();
}
