use crate::common::*;

/// A fresh counterparty account and the transfer route to it (nothing on chain yet).
async fn new_route(chain: &mut Chain, env: &PauEnv) -> Route {
    let owner = Keypair::new().pubkey();
    let dest = chain
        .create_ata(&owner, &env.mint, &env.token_program)
        .await;
    env.route(keys::tags::TRANSFER, dest)
}

fn create(env: &PauEnv, r: &Route, tag: &[u8], key: [u8; 32], max: u64, slope: u64) -> Instruction {
    ix::create_rate_limit(
        &env.govops.pubkey(),
        &env.controller,
        &r.mint,
        ix::CreateRateLimitArgs {
            key,
            tag: tag.to_vec(),
            counterparty: r.counterparty,
            max_amount: max,
            slope,
        },
    )
}

#[tokio::test]
async fn create_rate_limit_ok_starts_full_from_a_global_init() {
    let (mut chain, env) = setup().await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000 * USDS, 2 * USDS)
        .await;
    let now = chain.now().await;
    env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 800 * USDS, USDS)
        .await
        .unwrap();
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(
        (rl.limit.max_amount, rl.limit.slope, rl.limit.last_amount),
        (800 * USDS, USDS, 800 * USDS)
    );
    assert_eq!((rl.limit.last_updated, rl.last_increase_ts), (now, now));
    assert_eq!(
        (rl.mint, rl.counterparty, rl.controller),
        (env.mint, r.counterparty, env.controller)
    );
    assert_eq!(rl.tag(), keys::tags::TRANSFER);
}

#[tokio::test]
async fn create_rate_limit_ok_from_an_init_restricted_to_this_pau() {
    let (mut chain, env) = setup().await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, env.controller, 1_000, 1)
        .await;
    env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000, 1)
        .await
        .unwrap();
}

#[tokio::test]
async fn create_rate_limit_fails_when_there_is_no_init() {
    let (mut chain, env) = setup().await;
    let r = new_route(&mut chain, &env).await;
    // an init of another route exists, but not this route's
    let other = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, other.key, Pubkey::default(), 1_000, 1)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1, 1)
            .await,
        PauError::NoInitForRoute,
    );
    // passing the other route's init, or a look-alike account, in the init's place: the
    // init accounts are pinned to this route's PDAs
    for fake in [
        pda::init_rate_limit(&env.configurator, &other.key, &Pubkey::default()),
        env.custody,
    ] {
        let i = swap_account(
            create(&env, &r, keys::tags::TRANSFER, r.key, 1, 1),
            &pda::init_rate_limit(&env.configurator, &r.key, &Pubkey::default()),
            &fake,
        );
        assert_err(
            chain.send(&[i], &[&env.govops]).await,
            AnchorError::ConstraintSeeds,
        );
    }
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn create_rate_limit_fails_when_above_the_init() {
    let (mut chain, env) = setup().await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 10)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_001, 10)
            .await,
        PauError::ExceedsInitMaxAmount,
    );
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000, 11)
            .await,
        PauError::ExceedsInitSlope,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn create_rate_limit_fails_when_the_init_is_another_paus() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, other.controller, 1_000, 1)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000, 1)
            .await,
        PauError::NoInitForRoute,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn create_rate_limit_fails_when_govops_is_another_paus() {
    // rule 6 (accordance): PAU 1's GovOps cannot open routes on PAU 0
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 1)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    let g1 = other.govops.pubkey();
    let mut i = create(&env, &r, keys::tags::TRANSFER, r.key, 1, 1);
    i = swap_account(
        i,
        &pda::govops(&env.controller, &env.govops.pubkey()),
        &pda::govops(&other.controller, &g1),
    );
    i = swap_account(i, &env.govops.pubkey(), &g1);
    assert_err(
        chain.send(&[i], &[&other.govops]).await,
        PauError::NotGovOpsOfThisPau,
    );
    // and a stranger signing with PAU 0's membership
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let i = swap_account(
        create(&env, &r, keys::tags::TRANSFER, r.key, 1, 1),
        &env.govops.pubkey(),
        &stranger.pubkey(),
    );
    let i = swap_account(
        i,
        &pda::govops(&env.controller, &stranger.pubkey()),
        &pda::govops(&env.controller, &env.govops.pubkey()),
    );
    assert_err(
        chain.send(&[i], &[&stranger]).await,
        PauError::NotGovOpsMember,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn create_rate_limit_fails_when_the_key_or_tag_is_bad() {
    let (mut chain, env) = setup().await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 1)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    // the key hashes another tag than the one given
    let i = create(&env, &r, keys::tags::AMM_FUND, r.key, 1, 1);
    assert_err(
        chain.send(&[i], &[&env.govops]).await,
        PauError::KeyMismatch,
    );
    // empty and over-long tags
    for tag in [&b""[..], &[b'x'; 17][..]] {
        let key = keys::rate_limit_key(tag, &r.mint, &r.counterparty);
        let i = create(&env, &r, tag, key, 1, 1);
        assert_err(chain.send(&[i], &[&env.govops]).await, PauError::InvalidTag);
    }
    // the key hashes another mint
    let other_mint = chain.create_mint(MintKind::SplToken, 6).await;
    let i = swap_account(
        create(&env, &r, keys::tags::TRANSFER, r.key, 1, 1),
        &env.mint,
        &other_mint,
    );
    // (the counterparty holds the route's mint, not the swapped one)
    assert_err(chain.send(&[i], &[&env.govops]).await, PauError::WrongMint);
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn create_rate_limit_fails_when_the_pau_is_unregistered() {
    let (mut chain, env) = setup().await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 1)
        .await;
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1, 1)
            .await,
        PauError::PauNotRegistered,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn create_rate_limit_fails_when_the_mint_has_unsafe_extensions() {
    for mint in [
        MintKind::Token2022CloseAuthority,
        MintKind::Token2022PermanentDelegate,
    ] {
        let (mut chain, env) = setup_with(PauOptions {
            mint,
            ..PauOptions::default()
        })
        .await;
        let r = new_route(&mut chain, &env).await;
        env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 1)
            .await;
        let watched = route_accounts(&env, &r);
        let before = env.fingerprint(&mut chain, &watched).await;
        assert_err(
            env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1, 1)
                .await,
            PauError::UnsupportedMintExtension,
        );
        assert_eq!(
            env.fingerprint(&mut chain, &watched).await,
            before,
            "{mint:?}"
        );
    }
}

#[tokio::test]
async fn create_rate_limit_fails_when_reinitialising_a_route() {
    let (mut chain, env) = setup().await;
    let r = env.open_transfer_route(&mut chain, 1_000, 1).await;
    env.transfer(&mut chain, &r, 600).await.unwrap();
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_failed(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000, 1)
            .await,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

/// Finding 6: when governance approved a route for one PAU with tighter bounds than the
/// global approval, that PAU could still open it under the global bounds by passing the
/// global init. The PAU-specific init now overrides the global one.
#[tokio::test]
async fn create_rate_limit_fails_when_above_a_pau_init_that_overrides_the_global_one() {
    let (mut chain, env) = setup().await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000 * USDS, 10)
        .await;
    env.add_init(&mut chain, r.key, env.controller, 100 * USDS, 1)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000 * USDS, 10)
            .await,
        PauError::ExceedsInitMaxAmount,
    );
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 100 * USDS, 2)
            .await,
        PauError::ExceedsInitSlope,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 100 * USDS, 1)
        .await
        .unwrap();
    // another PAU still uses the global init
    let other = second_pau(&mut chain, &env).await;
    let dest = chain
        .create_ata(&Keypair::new().pubkey(), &other.mint, &other.token_program)
        .await;
    let r1 = other.route(keys::tags::TRANSFER, dest);
    other
        .add_init(&mut chain, r1.key, Pubkey::default(), 1_000, 1)
        .await;
    other
        .create_rate_limit(&mut chain, &r1, keys::tags::TRANSFER, 1_000, 1)
        .await
        .unwrap();
}

/// Finding 5: a Token-2022 mint whose transfer fee is above the configurator's maximum
/// (1 % by default) cannot back a route.
#[tokio::test]
async fn create_rate_limit_fails_when_the_transfer_fee_is_above_the_maximum() {
    let (mut chain, env) = setup_with(PauOptions {
        mint: MintKind::Token2022TransferFee {
            bps: DEFAULT_MAX_TRANSFER_FEE_BPS + 1,
            max_fee: u64::MAX,
        },
        ..PauOptions::default()
    })
    .await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 1)
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000, 1)
            .await,
        PauError::TransferFeeTooHigh,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

/// Finding 8: the route records its counterparty's owner; a counterparty that is not a
/// token account of the route's mint is refused.
#[tokio::test]
async fn create_rate_limit_ok_records_the_counterparty_owner_and_refuses_a_bad_counterparty() {
    let (mut chain, env) = setup().await;
    let owner = Keypair::new().pubkey();
    let dest = chain
        .create_ata(&owner, &env.mint, &env.token_program)
        .await;
    let r = env.route(keys::tags::TRANSFER, dest);
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 1)
        .await;
    // a counterparty of another mint
    let other_mint = chain.create_mint(MintKind::SplToken, 6).await;
    let wrong = chain
        .create_ata(&owner, &other_mint, &env.token_program)
        .await;
    let rw = env.route(keys::tags::TRANSFER, wrong);
    env.add_init(&mut chain, rw.key, Pubkey::default(), 1_000, 1)
        .await;
    let before = env
        .fingerprint(&mut chain, &route_accounts(&env, &rw))
        .await;
    assert_err(
        env.create_rate_limit(&mut chain, &rw, keys::tags::TRANSFER, 1_000, 1)
            .await,
        PauError::WrongMint,
    );
    assert_eq!(
        env.fingerprint(&mut chain, &route_accounts(&env, &rw))
            .await,
        before
    );
    env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000, 1)
        .await
        .unwrap();
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(
        (rl.counterparty_owner, rl.max_fee_bps),
        (owner, DEFAULT_MAX_TRANSFER_FEE_BPS)
    );
}

#[tokio::test]
async fn create_rate_limit_fails_when_the_counterparty_account_is_not_the_keys() {
    let (mut chain, env) = setup().await;
    let r = new_route(&mut chain, &env).await;
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 1)
        .await;
    // another token account of the same mint in the counterparty slot: the key hashes
    // the route's counterparty, the account given is another
    let other = chain
        .create_ata(&Keypair::new().pubkey(), &env.mint, &env.token_program)
        .await;
    let i = swap_account(
        create(&env, &r, keys::tags::TRANSFER, r.key, 1_000, 1),
        &r.counterparty,
        &other,
    );
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain.send(&[i], &[&env.govops]).await,
        PauError::WrongCounterparty,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}
