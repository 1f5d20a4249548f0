use crate::common::*;

const MAX: u64 = 1_000_000 * USDS;
const SLOPE: u64 = 10 * USDS; // refills 1M in 100,000 s

#[tokio::test]
async fn transfer_ok_consumes_the_rate_limit() {
    let (mut chain, env) = setup().await;
    let route = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let before = chain.balance(&env.custody).await;
    env.transfer(&mut chain, &route, 400_000 * USDS)
        .await
        .unwrap();
    assert_eq!(chain.balance(&route.counterparty).await, 400_000 * USDS);
    assert_eq!(chain.balance(&env.custody).await, before - 400_000 * USDS);
    let rl = env.rate_limit(&mut chain, &route.key).await;
    assert_eq!(rl.limit.last_amount, 600_000 * USDS);
    assert_eq!(rl.total_out, u128::from(400_000 * USDS));
}

#[tokio::test]
async fn transfer_fails_when_beyond_the_limit_then_refills_with_time() {
    let (mut chain, env) = setup().await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    env.transfer(&mut chain, &r, MAX).await.unwrap();
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &r, 1).await,
        PauError::RateLimitExceeded,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    // across the refill boundary: after 1 s exactly SLOPE is back, one more unit is not
    chain.advance(1).await;
    assert_err(
        env.transfer(&mut chain, &r, SLOPE + 1).await,
        PauError::RateLimitExceeded,
    );
    env.transfer(&mut chain, &r, SLOPE).await.unwrap();
    // a full refill takes MAX / SLOPE seconds and caps at MAX
    chain.advance(200_000).await;
    assert_err(
        env.transfer(&mut chain, &r, MAX + 1).await,
        PauError::RateLimitExceeded,
    );
    env.transfer(&mut chain, &r, MAX).await.unwrap();
}

#[tokio::test]
async fn transfer_fails_when_not_the_relayer() {
    let (mut chain, env) = setup().await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    for k in [&env.govops, &env.freezer, &env.admin] {
        assert_err(
            chain
                .send(&[ix::transfer(&k.pubkey(), &r, USDS)], &[k])
                .await,
            PauError::NotRelayer,
        );
    }
    let rl = env.relayer.pubkey();
    assert_err(
        chain
            .send(&[unsigned(ix::transfer(&rl, &r, USDS), &rl)], &[])
            .await,
        AnchorError::AccountNotSigner,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn transfer_fails_when_the_destination_or_mint_is_another() {
    let (mut chain, env) = setup().await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let thief = chain
        .create_ata(&Keypair::new().pubkey(), &env.mint, &env.token_program)
        .await;
    let watched = [route_accounts(&env, &r), vec![thief]].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    let relayer = env.relayer.pubkey();
    let i = swap_account(ix::transfer(&relayer, &r, USDS), &r.counterparty, &thief);
    assert_err(
        chain.send(&[i], &[&env.relayer]).await,
        PauError::WrongDestination,
    );
    // another mint, with custody and destination of that mint
    let other = chain.create_mint(MintKind::SplToken, 6).await;
    let other_custody = chain
        .create_ata(&env.proxy, &other, &env.token_program)
        .await;
    chain
        .mint_to(&other, &env.token_program, &other_custody, MAX)
        .await;
    let other_dest = chain
        .create_ata(&Keypair::new().pubkey(), &other, &env.token_program)
        .await;
    let i = ix::transfer(
        &relayer,
        &Route {
            mint: other,
            custody: other_custody,
            counterparty: other_dest,
            ..r
        },
        USDS,
    );
    assert_err(chain.send(&[i], &[&env.relayer]).await, PauError::WrongMint);
    // the route's mint, but a destination account of another mint
    let i = swap_account(
        ix::transfer(&relayer, &r, USDS),
        &r.counterparty,
        &other_dest,
    );
    assert_err(
        chain.send(&[i], &[&env.relayer]).await,
        PauError::WrongDestination,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn transfer_fails_when_the_custody_is_not_owned_by_the_proxy() {
    let (mut chain, env) = setup().await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let relayer = env.relayer.pubkey();
    // the relayer's own account as "custody"
    let own = chain
        .create_ata(&relayer, &env.mint, &env.token_program)
        .await;
    chain
        .mint_to(&env.mint, &env.token_program, &own, USDS)
        .await;
    let watched = [route_accounts(&env, &r), vec![own]].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    let i = swap_account(ix::transfer(&relayer, &r, USDS), &env.custody, &own);
    assert_err(
        chain.send(&[i], &[&env.relayer]).await,
        PauError::WrongCustody,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn transfer_fails_when_accounts_are_duplicated() {
    let (mut chain, env) = setup().await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    let relayer = env.relayer.pubkey();
    // custody passed as destination too
    let i = swap_account(
        ix::transfer(&relayer, &r, USDS),
        &r.counterparty,
        &env.custody,
    );
    assert_failed(chain.send(&[i], &[&env.relayer]).await);
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn transfer_fails_when_the_route_is_not_a_transfer_route_or_the_amount_is_zero() {
    let (mut chain, env) = setup().await;
    let dest = chain
        .create_ata(&Keypair::new().pubkey(), &env.mint, &env.token_program)
        .await;
    let r = env
        .open_route(&mut chain, keys::tags::AMM_FUND, dest, MAX, SLOPE)
        .await;
    let t = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let watched = [route_accounts(&env, &r), route_accounts(&env, &t)].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &r, USDS).await,
        PauError::NotATransferRoute,
    );
    assert_err(env.transfer(&mut chain, &t, 0).await, PauError::ZeroAmount);
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn transfer_fails_when_the_rate_limit_is_another_paus_or_the_token_program_fake() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let r1 = other.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let watched = [route_accounts(&env, &r), route_accounts(&other, &r1)].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    let relayer = env.relayer.pubkey();
    let i = swap_account(
        ix::transfer(&relayer, &r, USDS),
        &pda::rate_limit(&env.controller, &r.key),
        &pda::rate_limit(&other.controller, &r1.key),
    );
    assert_err(
        chain.send(&[i], &[&env.relayer]).await,
        PauError::RateLimitOfAnotherPau,
    );
    let i = swap_account(
        ix::transfer(&relayer, &r, USDS),
        &r.token_program,
        &halo_pau::ID,
    );
    assert_err(
        chain.send(&[i], &[&env.relayer]).await,
        AnchorError::InvalidProgramId,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

#[tokio::test]
async fn transfer_ok_with_a_token_2022_transfer_fee_counts_what_left_custody() {
    let (mut chain, env) = setup_with(PauOptions {
        mint: MintKind::Token2022TransferFee {
            bps: 100,
            max_fee: u64::MAX,
        },
        ..PauOptions::default()
    })
    .await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let custody_before = chain.balance(&env.custody).await;
    env.transfer(&mut chain, &r, 10_000 * USDS).await.unwrap();
    assert_eq!(
        chain.balance(&env.custody).await,
        custody_before - 10_000 * USDS
    );
    assert_eq!(
        chain.balance(&r.counterparty).await,
        9_900 * USDS,
        "1 % fee withheld"
    );
    let rl = env.rate_limit(&mut chain, &r.key).await;
    assert_eq!(rl.limit.last_amount, MAX - 10_000 * USDS);
}

/// Finding 8: the route is bound to its counterparty token account by address only, and
/// an SPL token account's owner can be reassigned: after the counterparty's owner hands
/// the account to someone else, custody would keep paying into it. Every movement now
/// checks the owner the route was opened for.
#[tokio::test]
async fn transfer_fails_when_the_counterpartys_owner_was_reassigned() {
    use anchor_spl::token::spl_token::instruction::{set_authority, AuthorityType};
    let (mut chain, env) = setup().await;
    let owner = chain.funded_keypair(1_000_000_000).await;
    let dest = chain
        .create_ata(&owner.pubkey(), &env.mint, &env.token_program)
        .await;
    let r = env
        .open_route(&mut chain, keys::tags::TRANSFER, dest, MAX, SLOPE)
        .await;
    env.transfer(&mut chain, &r, USDS).await.unwrap();
    let thief = Keypair::new().pubkey();
    chain
        .must(
            &[set_authority(
                &env.token_program,
                &dest,
                Some(&thief),
                AuthorityType::AccountOwner,
                &owner.pubkey(),
                &[],
            )
            .unwrap()],
            &[&owner],
        )
        .await;
    let watched = route_accounts(&env, &r);
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &r, USDS).await,
        PauError::WrongCounterpartyOwner,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}

/// Finding 5: the fee authority of a Token-2022 mint can raise its transfer fee up to
/// 100 % after the route opened. A movement that loses more than the route's bound (the
/// configurator's maximum when it opened) is refused, and nothing moves.
#[tokio::test]
async fn transfer_fails_when_the_transfer_fee_was_raised_above_the_bound() {
    use anchor_spl::token_2022::spl_token_2022::{
        extension::{
            transfer_fee::TransferFeeConfig, BaseStateWithExtensionsMut, StateWithExtensionsMut,
        },
        state::Mint,
    };
    let (mut chain, env) = setup_with(PauOptions {
        mint: MintKind::Token2022TransferFee {
            bps: 100,
            max_fee: u64::MAX,
        },
        ..PauOptions::default()
    })
    .await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    // a fee of exactly the bound passes
    env.transfer(&mut chain, &r, 10_000 * USDS).await.unwrap();
    // the fee authority raised the fee to 5 % and it took effect (written directly: the
    // two-epoch delay of `set_transfer_fee` is the token program's, not ours)
    let mut mint = chain.raw_account(&env.mint).await.unwrap();
    {
        let mut state = StateWithExtensionsMut::<Mint>::unpack(&mut mint.data).unwrap();
        let fee = state.get_extension_mut::<TransferFeeConfig>().unwrap();
        fee.older_transfer_fee.transfer_fee_basis_points = 500u16.into();
        fee.newer_transfer_fee.transfer_fee_basis_points = 500u16.into();
    }
    chain.set_account(&env.mint, mint).await;
    let watched = [route_accounts(&env, &r), vec![env.custody]].concat();
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        env.transfer(&mut chain, &r, 10_000 * USDS).await,
        PauError::TransferFeeAboveBound,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
}
