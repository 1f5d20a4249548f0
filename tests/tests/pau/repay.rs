use crate::common::*;

const MAX: u64 = 500_000 * USDS;

#[tokio::test]
async fn repay_ok_gives_back_to_the_route() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, 0)
        .await;
    let s = signer.pubkey();
    chain
        .must(&[ix::draw(&s, &r, 400_000 * USDS)], &[&signer])
        .await;
    assert_eq!(
        env.rate_limit(&mut chain, &r.key).await.limit.last_amount,
        100_000 * USDS
    );
    chain
        .must(&[ix::repay(&s, &r, 150_000 * USDS)], &[&signer])
        .await;
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(rl.limit.last_amount, 250_000 * USDS);
    assert_eq!(rl.total_in, u128::from(150_000 * USDS));
    assert_eq!(chain.balance(&r.counterparty).await, 250_000 * USDS);
    // giving back more than was drawn caps at max
    chain
        .mint_to(&env.mint, &env.token_program, &r.counterparty, MAX)
        .await;
    chain
        .must(&[ix::repay(&s, &r, 600_000 * USDS)], &[&signer])
        .await;
    assert_eq!(
        env.rate_limit(&mut chain, &r.key).await.limit.last_amount,
        MAX
    );
}

#[tokio::test]
async fn repay_ok_while_frozen() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, 0)
        .await;
    let s = signer.pubkey();
    chain
        .must(&[ix::draw(&s, &r, 1_000 * USDS)], &[&signer])
        .await;
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
        .await;
    chain
        .must(&[ix::repay(&s, &r, 1_000 * USDS)], &[&signer])
        .await;
    assert_eq!(chain.balance(&r.counterparty).await, 0);
}

#[tokio::test]
async fn repay_ok_with_a_transfer_fee_gives_back_what_arrived() {
    let (mut chain, env) = setup_with(PauOptions {
        mint: MintKind::Token2022TransferFee {
            bps: 50,
            max_fee: u64::MAX,
        },
        ..PauOptions::default()
    })
    .await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, 0)
        .await;
    let s = signer.pubkey();
    chain
        .must(&[ix::draw(&s, &r, 100_000 * USDS)], &[&signer])
        .await;
    assert_eq!(chain.balance(&r.counterparty).await, 99_500 * USDS);
    let custody = chain.balance(&env.custody).await;
    chain
        .must(&[ix::repay(&s, &r, 99_500 * USDS)], &[&signer])
        .await;
    let arrived = chain.balance(&env.custody).await - custody;
    assert_eq!(arrived, 99_002_500_000, "0.5 % of 99,500 withheld");
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(rl.limit.last_amount, MAX - 100_000 * USDS + arrived);
    assert_eq!(rl.total_in, u128::from(arrived));
}

#[tokio::test]
async fn repay_fails_when_the_source_or_signer_is_another() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, 0)
        .await;
    let s = signer.pubkey();
    chain
        .must(&[ix::draw(&s, &r, 1_000 * USDS)], &[&signer])
        .await;
    let other_mint = chain.create_mint(MintKind::SplToken, 6).await;
    let other = chain.create_ata(&s, &other_mint, &env.token_program).await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let own = chain
        .create_ata(&stranger.pubkey(), &env.mint, &env.token_program)
        .await;
    chain
        .mint_to(&env.mint, &env.token_program, &own, 1_000 * USDS)
        .await;
    let watched = [route_accounts(&env, &r), vec![own]].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    let i = swap_account(ix::repay(&s, &r, USDS), &r.counterparty, &own);
    assert_err(chain.send(&[i], &[&signer]).await, PauError::WrongSource);
    let i = swap_account(ix::repay(&s, &r, USDS), &r.counterparty, &other);
    assert_err(chain.send(&[i], &[&signer]).await, PauError::WrongSource);
    let i = swap_account(ix::repay(&s, &r, USDS), &s, &stranger.pubkey());
    assert_err(
        chain.send(&[i], &[&stranger]).await,
        PauError::NotIntegrationSigner,
    );
    assert_err(
        chain.send(&[ix::repay(&s, &r, 0)], &[&signer]).await,
        PauError::ZeroAmount,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn repay_fails_when_the_custody_is_foreign_or_the_key_unlisted() {
    let (mut chain, env) = setup().await;
    let (signer, r) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, 0)
        .await;
    let s = signer.pubkey();
    chain
        .must(&[ix::draw(&s, &r, 1_000 * USDS)], &[&signer])
        .await;
    let other = env
        .open_route(&mut chain, keys::tags::LCTS_DEPLOY, r.counterparty, MAX, 0)
        .await;
    let foreign = chain
        .create_ata(&Keypair::new().pubkey(), &env.mint, &env.token_program)
        .await;
    let watched = [
        route_accounts(&env, &r),
        route_accounts(&env, &other),
        vec![foreign],
    ]
    .concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    let i = swap_account(ix::repay(&s, &r, USDS), &env.custody, &foreign);
    assert_err(chain.send(&[i], &[&signer]).await, PauError::WrongCustody);
    assert_err(
        chain.send(&[ix::repay(&s, &other, USDS)], &[&signer]).await,
        PauError::KeyNotAllowedForIntegration,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}
