use crate::common::*;

const MAX: u64 = 1_000_000 * USDS;
const SLOPE: u64 = 100 * USDS;

async fn with_route() -> (Chain, PauEnv, Route) {
    let (mut chain, env) = setup().await;
    let route = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    (chain, env, route)
}

fn set(env: &PauEnv, r: &Route, max: u64, slope: u64) -> Instruction {
    ix::set_rate_limit(&env.govops.pubkey(), &env.controller, &r.key, max, slope)
}

#[tokio::test]
async fn set_rate_limit_ok_increases_by_25_percent_after_one_hop() {
    let (mut chain, env, r) = with_route().await;
    chain.advance(HOP).await;
    chain
        .must(&[set(&env, &r, MAX / 4 * 5, SLOPE / 4 * 5)], &[&env.govops])
        .await;
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(
        (rl.limit.max_amount, rl.limit.slope),
        (1_250_000 * USDS, 125 * USDS)
    );
    assert_eq!(rl.last_increase_ts, chain.now().await);
    // the consumed gap is kept: the bucket was full at 1M and is not refilled to 1.25M
    assert_eq!(rl.limit.last_amount, MAX);
}

#[tokio::test]
async fn set_rate_limit_fails_when_one_unit_above_25_percent() {
    let (mut chain, env, r) = with_route().await;
    chain.advance(HOP).await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain
            .send(&[set(&env, &r, MAX / 4 * 5 + 1, SLOPE)], &[&env.govops])
            .await,
        PauError::SorlMaxAmountIncreaseTooLarge,
    );
    assert_err(
        chain
            .send(&[set(&env, &r, MAX, SLOPE / 4 * 5 + 1)], &[&env.govops])
            .await,
        PauError::SorlSlopeIncreaseTooLarge,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn set_rate_limit_fails_when_increasing_twice_inside_one_hop() {
    let (mut chain, env, r) = with_route().await;
    let watched = route_accounts(&env, &r);
    // right after creation (creation counts as an increase)
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain
            .send(&[set(&env, &r, MAX + 1, SLOPE)], &[&env.govops])
            .await,
        PauError::SorlHopNotElapsed,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    chain.advance(HOP).await;
    chain
        .must(&[set(&env, &r, MAX + 1, SLOPE)], &[&env.govops])
        .await;
    // a second small increase one second before the hop ends
    chain.advance(HOP - 1).await;
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain
            .send(&[set(&env, &r, MAX + 2, SLOPE)], &[&env.govops])
            .await,
        PauError::SorlHopNotElapsed,
    );
    // alternating: lower one value and raise the other is still an increase
    assert_err(
        chain
            .send(&[set(&env, &r, MAX, SLOPE + 1)], &[&env.govops])
            .await,
        PauError::SorlHopNotElapsed,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    chain.advance(1).await;
    chain
        .must(&[set(&env, &r, MAX + 2, SLOPE)], &[&env.govops])
        .await;
}

#[tokio::test]
async fn set_rate_limit_ok_decrease_to_zero_is_instant_and_closes_the_route() {
    let (mut chain, env, r) = with_route().await;
    chain.must(&[set(&env, &r, 0, 0)], &[&env.govops]).await;
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
async fn set_rate_limit_ok_decrease_keeps_the_consumed_gap() {
    let (mut chain, env, r) = with_route().await;
    env.transfer(&mut chain, &r, 900_000 * USDS).await.unwrap();
    // 100k left; lowering max to 500k must not refill to 500k
    chain
        .must(&[set(&env, &r, 500_000 * USDS, SLOPE)], &[&env.govops])
        .await;
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(rl.limit.last_amount, 100_000 * USDS);
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &r, 100_000 * USDS + 1).await,
        PauError::RateLimitExceeded,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn set_rate_limit_ok_decrease_right_after_an_increase() {
    let (mut chain, env, r) = with_route().await;
    chain.advance(HOP).await;
    chain
        .must(&[set(&env, &r, MAX + 10, SLOPE)], &[&env.govops])
        .await;
    chain
        .must(&[set(&env, &r, MAX - 10, SLOPE)], &[&env.govops])
        .await;
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(rl.limit.max_amount, MAX - 10);
}

#[tokio::test]
async fn set_rate_limit_fails_when_increasing_on_an_unregistered_pau_but_a_decrease_works() {
    let (mut chain, env, r) = with_route().await;
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    chain.advance(HOP).await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain
            .send(&[set(&env, &r, MAX + 1, SLOPE)], &[&env.govops])
            .await,
        PauError::PauNotRegistered,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    chain
        .must(&[set(&env, &r, MAX - 1, SLOPE)], &[&env.govops])
        .await;
}

#[tokio::test]
async fn set_rate_limit_fails_when_not_a_member_or_on_another_paus_route() {
    let (mut chain, env, r) = with_route().await;
    let other = second_pau(&mut chain, &env).await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    // PAU 1's GovOps, with its own membership, on PAU 0's route
    let g1 = other.govops.pubkey();
    let i = ix::set_rate_limit(&g1, &env.controller, &r.key, 0, 0);
    let i = swap_account(
        i,
        &pda::govops(&env.controller, &g1),
        &pda::govops(&other.controller, &g1),
    );
    assert_err(
        chain.send(&[i], &[&other.govops]).await,
        PauError::NotGovOpsOfThisPau,
    );
    // PAU 1's GovOps, on its own controller, passing PAU 0's rate limit: seeds differ
    let i = ix::set_rate_limit(&g1, &other.controller, &r.key, 0, 0);
    let i = swap_account(
        i,
        &pda::rate_limit(&other.controller, &r.key),
        &pda::rate_limit(&env.controller, &r.key),
    );
    assert_err(
        chain.send(&[i], &[&other.govops]).await,
        AnchorError::ConstraintSeeds,
    );
    // no signature
    let g = env.govops.pubkey();
    let i = unsigned(set(&env, &r, 0, 0), &g);
    assert_err(chain.send(&[i], &[]).await, AnchorError::AccountNotSigner);
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}
