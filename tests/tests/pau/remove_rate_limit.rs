use crate::common::*;

#[tokio::test]
async fn remove_rate_limit_ok_closes_the_route_at_once() {
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
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(
        (rl.limit.max_amount, rl.limit.slope, rl.limit.last_amount),
        (0, 0, 0)
    );
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(env.transfer(&mut chain, &r, 1).await, PauError::RouteClosed);
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn remove_rate_limit_ok_then_a_reopen_cannot_refill_or_skip_sorl() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    env.transfer(&mut chain, &r, 1_000 * USDS).await.unwrap();
    let g = env.govops.pubkey();
    chain
        .must(
            &[ix::remove_rate_limit(&g, &env.controller, &r.key)],
            &[&env.govops],
        )
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    // re-creating the route is impossible: the account stays
    assert_failed(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000 * USDS, USDS)
            .await,
    );
    // reopening inside the hop is refused
    let reopen = |max, slope| ix::set_rate_limit(&g, &env.controller, &r.key, max, slope);
    assert_err(
        chain
            .send(&[reopen(1_000 * USDS, USDS)], &[&env.govops])
            .await,
        PauError::SorlHopNotElapsed,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    chain.advance(HOP).await;
    // above the init is refused; at the init it reopens, empty, refilling at the slope
    assert_err(
        chain
            .send(&[reopen(1_000 * USDS + 1, USDS)], &[&env.govops])
            .await,
        PauError::SorlMaxAmountIncreaseTooLarge,
    );
    chain
        .must(&[reopen(1_000 * USDS, USDS)], &[&env.govops])
        .await;
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(
        (rl.limit.max_amount, rl.limit.last_amount),
        (1_000 * USDS, 0)
    );
    assert_err(
        env.transfer(&mut chain, &r, 1).await,
        PauError::RateLimitExceeded,
    );
    chain.advance(10).await;
    env.transfer(&mut chain, &r, 10 * USDS).await.unwrap();
}

#[tokio::test]
async fn remove_rate_limit_fails_when_govops_is_another_paus() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    let i = as_other_paus_govops(
        ix::remove_rate_limit(&env.govops.pubkey(), &env.controller, &r.key),
        &env,
        &other,
    );
    assert_err(
        chain.send(&[i], &[&other.govops]).await,
        PauError::NotGovOpsOfThisPau,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn remove_rate_limit_fails_when_signed_by_the_freezer_or_relayer() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    for k in [&env.freezer, &env.relayer] {
        let i = with_govops_membership(
            ix::remove_rate_limit(&k.pubkey(), &env.controller, &r.key),
            &env,
            &k.pubkey(),
        );
        assert_err(chain.send(&[i], &[k]).await, PauError::NotGovOpsMember);
    }
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}
