use crate::common::*;

#[tokio::test]
async fn cut_rate_limit_ok_to_zero_by_the_freezer_is_instant() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    env.transfer(&mut chain, &r, 300 * USDS).await.unwrap();
    let f = env.freezer.pubkey();
    // a partial cut keeps the consumed gap (700 left, max now 500)
    chain
        .must(
            &[ix::cut_rate_limit(
                &f,
                &env.controller,
                &r.key,
                500 * USDS,
                USDS,
            )],
            &[&env.freezer],
        )
        .await;
    assert_eq!(
        env.rate_limit(&mut chain, &r.key).await.limit.last_amount,
        500 * USDS
    );
    chain
        .must(
            &[ix::cut_rate_limit(&f, &env.controller, &r.key, 0, 0)],
            &[&env.freezer],
        )
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(env.transfer(&mut chain, &r, 1).await, PauError::RouteClosed);
    chain.advance(DAY).await;
    assert_err(env.transfer(&mut chain, &r, 1).await, PauError::RouteClosed);
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn cut_rate_limit_fails_when_it_is_an_increase_or_not_by_the_freezer() {
    let (mut chain, env) = setup().await;
    let r = env
        .open_transfer_route(&mut chain, 1_000 * USDS, USDS)
        .await;
    chain.advance(DAY).await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    let f = env.freezer.pubkey();
    for (max, slope) in [
        (1_000 * USDS + 1, USDS),
        (1_000 * USDS, USDS + 1),
        (0, USDS + 1),
    ] {
        assert_err(
            chain
                .send(
                    &[ix::cut_rate_limit(&f, &env.controller, &r.key, max, slope)],
                    &[&env.freezer],
                )
                .await,
            PauError::NotADecrease,
        );
    }
    let rl = env.relayer.pubkey();
    assert_err(
        chain
            .send(
                &[ix::cut_rate_limit(&rl, &env.controller, &r.key, 0, 0)],
                &[&env.relayer],
            )
            .await,
        PauError::NotFreezer,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}
