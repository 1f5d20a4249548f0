use crate::common::*;

const MAX: u64 = 500_000 * USDS;
const SLOPE: u64 = 5 * USDS;

#[tokio::test]
async fn draw_ok_moves_custody_to_the_integration() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, SLOPE)
        .await;
    let custody = chain.balance(&env.custody).await;
    chain
        .must(
            &[ix::draw(&signer.pubkey(), &r, 200_000 * USDS)],
            &[&signer],
        )
        .await;
    assert_eq!(chain.balance(&r.counterparty).await, 200_000 * USDS);
    assert_eq!(chain.balance(&env.custody).await, custody - 200_000 * USDS);
    assert_eq!(
        env.rate_limit(&mut chain, &r.key).await.limit.last_amount,
        300_000 * USDS
    );
}

#[tokio::test]
async fn draw_fails_when_beyond_the_limit_or_frozen() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, SLOPE)
        .await;
    let s = signer.pubkey();
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain.send(&[ix::draw(&s, &r, MAX + 1)], &[&signer]).await,
        PauError::RateLimitExceeded,
    );
    assert_err(
        chain.send(&[ix::draw(&s, &r, 0)], &[&signer]).await,
        PauError::ZeroAmount,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
        .await;
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain.send(&[ix::draw(&s, &r, USDS)], &[&signer]).await,
        PauError::ControllerFrozen,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn draw_fails_when_the_integration_may_not_use_the_key() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, SLOPE)
        .await;
    // a second route to the same account, not listed for this integration
    let other = env
        .open_route(
            &mut chain,
            keys::tags::LCTS_DEPLOY,
            r.counterparty,
            MAX,
            SLOPE,
        )
        .await;
    let watched = [route_accounts(&env, &r), route_accounts(&env, &other)].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain
            .send(&[ix::draw(&signer.pubkey(), &other, USDS)], &[&signer])
            .await,
        PauError::KeyNotAllowedForIntegration,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn draw_fails_when_the_signer_or_destination_is_wrong() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, SLOPE)
        .await;
    let thief = chain.funded_keypair(1_000_000_000).await;
    let thief_ata = chain
        .create_ata(&thief.pubkey(), &env.mint, &env.token_program)
        .await;
    let watched = [route_accounts(&env, &r), vec![thief_ata]].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    // the thief signs, passing the real integration account
    let i = swap_account(
        ix::draw(&signer.pubkey(), &r, USDS),
        &signer.pubkey(),
        &thief.pubkey(),
    );
    assert_err(
        chain.send(&[i], &[&thief]).await,
        PauError::NotIntegrationSigner,
    );
    // the real signer sends to another account
    let i = swap_account(
        ix::draw(&signer.pubkey(), &r, USDS),
        &r.counterparty,
        &thief_ata,
    );
    assert_err(
        chain.send(&[i], &[&signer]).await,
        PauError::WrongDestination,
    );
    // no integration at all for the thief
    let i = ix::draw(
        &thief.pubkey(),
        &Route {
            counterparty: thief_ata,
            ..r
        },
        USDS,
    );
    assert_err(
        chain.send(&[i], &[&thief]).await,
        AnchorError::AccountNotInitialized,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn draw_fails_when_the_integration_or_route_is_another_paus() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, SLOPE)
        .await;
    let (signer1, r1) = other
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, SLOPE)
        .await;
    let watched = [route_accounts(&env, &r), route_accounts(&other, &r1)].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    // PAU 1's integration used against PAU 0's controller and custody
    let i = swap_account(
        ix::draw(&signer1.pubkey(), &r, USDS),
        &pda::integration(&env.controller, &signer1.pubkey()),
        &pda::integration(&other.controller, &signer1.pubkey()),
    );
    assert_err(
        chain.send(&[i], &[&signer1]).await,
        PauError::IntegrationOfAnotherPau,
    );
    // an integration of PAU 0 that lists PAU 1's key, drawing along PAU 1's rate limit
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    env.add_integration_key(&mut chain, signer1.pubkey(), r1.key)
        .await
        .unwrap();
    let before = env.fingerprint(&mut chain, &watched).await;
    let i = ix::draw(
        &signer1.pubkey(),
        &Route {
            key: r1.key,
            counterparty: r1.counterparty,
            ..r
        },
        USDS,
    );
    let i = swap_account(
        i,
        &pda::rate_limit(&env.controller, &r1.key),
        &pda::rate_limit(&other.controller, &r1.key),
    );
    assert_err(
        chain.send(&[i], &[&signer1]).await,
        PauError::RateLimitOfAnotherPau,
    );
    let _ = signer;
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn draw_fails_when_the_route_is_a_relayer_transfer_route_and_repay_too() {
    let (mut chain, env) = setup().await;
    let signer = chain.funded_keypair(1_000_000_000).await;
    let account = chain
        .create_ata(&signer.pubkey(), &env.mint, &env.token_program)
        .await;
    let r = env
        .open_route(&mut chain, keys::tags::TRANSFER, account, MAX, SLOPE)
        .await;
    env.add_integration_key(&mut chain, signer.pubkey(), r.key)
        .await
        .unwrap();
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    let s = signer.pubkey();
    assert_err(
        chain.send(&[ix::draw(&s, &r, USDS)], &[&signer]).await,
        PauError::TransferRouteNotForIntegrations,
    );
    assert_err(
        chain.send(&[ix::repay(&s, &r, USDS)], &[&signer]).await,
        PauError::TransferRouteNotForIntegrations,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn draw_fails_when_unregistered_closed_or_from_a_foreign_custody() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, SLOPE)
        .await;
    let s = signer.pubkey();
    let watched = route_accounts(&env, &r);
    // a token account of the right mint that the proxy does not own, as "custody"
    let foreign = chain
        .create_ata(&Keypair::new().pubkey(), &env.mint, &env.token_program)
        .await;
    chain
        .mint_to(&env.mint, &env.token_program, &foreign, USDS)
        .await;
    let i = swap_account(ix::draw(&s, &r, USDS), &env.custody, &foreign);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(chain.send(&[i], &[&signer]).await, PauError::WrongCustody);
    // the route cut to zero
    let f = env.freezer.pubkey();
    chain
        .must(
            &[ix::cut_rate_limit(&f, &env.controller, &r.key, 0, 0)],
            &[&env.freezer],
        )
        .await;
    let before_cut = chain.fingerprint(&watched).await;
    assert_ne!(before[4..], before_cut[..]);
    assert_err(
        chain.send(&[ix::draw(&s, &r, USDS)], &[&signer]).await,
        PauError::RouteClosed,
    );
    // the PAU unregistered
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    assert_err(
        chain.send(&[ix::draw(&s, &r, USDS)], &[&signer]).await,
        PauError::PauNotRegistered,
    );
    assert_eq!(chain.fingerprint(&watched).await, before_cut);
}
