//! Governance: the facility's creation, roles, routes, Primes and the handover; the
//! beacon holds no governance power.
use crate::common::*;

#[tokio::test]
async fn create_facility_sets_everything_and_refuses_bad_arguments() {
    let (mut chain, env) = setup().await;
    let f = env.state(&mut chain).await;
    assert_eq!(f.governance, env.governance.pubkey());
    assert_eq!(
        (f.beacon, f.attestor, f.warden),
        (
            env.beacon.pubkey(),
            env.attestor.pubkey(),
            env.warden.pubkey()
        )
    );
    assert_eq!(
        (f.deploy_rate_limit, f.return_rate_limit),
        (
            env.facility.deploy_rate_limit,
            env.facility.return_rate_limit
        )
    );
    assert_eq!(f.buybox, default_buybox());
    // a second facility with bad arguments
    let g = chain.funded_keypair(10_000_000_000).await;
    let fr = tx::FacilityRef::new(
        g.pubkey(),
        7,
        env.facility.deposit_mint,
        env.facility.deposit_token_program,
        tx::FacilityPau {
            controller: env.pau.controller,
            custody: env.pau.custody,
            endpoint: env.facility.endpoint,
        },
    );
    let roles = tx::Roles {
        beacon: env.beacon.pubkey(),
        attestor: env.attestor.pubkey(),
        warden: env.warden.pubkey(),
    };
    let args = |bb: tx::Buybox, roles: tx::Roles, name: &str| tx::CreateFacilityArgs {
        facility_id: 7,
        buybox: bb,
        roles,
        name: name.into(),
        symbol: "N".into(),
        uri: String::new(),
    };
    let cases = [
        (
            args(
                tx::Buybox {
                    min_principal: 0,
                    ..default_buybox()
                },
                roles,
                "x",
            ),
            NfatError::BadBuyboxSize,
        ),
        (
            args(
                default_buybox(),
                tx::Roles {
                    warden: Pubkey::default(),
                    ..roles
                },
                "x",
            ),
            NfatError::DefaultKey,
        ),
        (args(default_buybox(), roles, ""), NfatError::BadMetadata),
        (
            args(default_buybox(), roles, "a name far too long for it"),
            NfatError::BadMetadata,
        ),
    ];
    for (a, e) in cases {
        let ix = tx::create_facility(&fr, a);
        refused_unchanged(&mut chain, &env, &[fr.facility], ix, &[&g], e).await;
    }
}

#[tokio::test]
async fn the_beacon_cannot_use_any_governance_instruction() {
    let (mut chain, env) = setup().await;
    let b = &env.beacon;
    let k = b.pubkey();
    let t_bullet = bullet(&mut chain).await;
    let (_, _, deal) = struck(&mut chain, &env, t_bullet).await;
    let roles = tx::Roles {
        beacon: k,
        attestor: k,
        warden: k,
    };
    let ixs = vec![
        tx::set_buybox(&k, &env.facility, default_buybox()),
        tx::set_roles(&k, &env.facility, roles),
        tx::set_routes(&k, &env.facility),
        tx::approve_prime(&k, &env.facility, &k),
        tx::set_allow_list(&k, &env.facility, true),
        tx::list_holder(&k, &env.facility, &k),
        tx::write_off(&k, &env.facility, &deal),
        tx::propose_governance(&k, &env.facility, k),
    ];
    for ix in ixs {
        refused_unchanged(
            &mut chain,
            &env,
            &[deal.deal],
            ix,
            &[b],
            NfatError::NotGovernance,
        )
        .await;
    }
    let ix = tx::set_halted(&k, &env.facility, true);
    refused_unchanged(&mut chain, &env, &[], ix, &[b], NfatError::NotWarden).await;
}

#[tokio::test]
async fn roles_change_and_governance_hands_over_in_two_steps() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let new_beacon = chain.funded_keypair(10_000_000_000).await;
    let roles = tx::Roles {
        beacon: new_beacon.pubkey(),
        attestor: env.attestor.pubkey(),
        warden: env.warden.pubkey(),
    };
    chain
        .must(
            &[tx::set_roles(&g, &env.facility, roles)],
            &[&env.governance],
        )
        .await;
    let ix = tx::create_book(&env.beacon.pubkey(), &env.facility, 0);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        NfatError::NotBeacon,
    )
    .await;
    let next = chain.funded_keypair(1_000_000_000).await;
    let accept = tx::accept_governance(&next.pubkey(), &env.facility);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        accept.clone(),
        &[&next],
        NfatError::NotPendingGovernance,
    )
    .await;
    chain
        .must(
            &[tx::propose_governance(&g, &env.facility, next.pubkey())],
            &[&env.governance],
        )
        .await;
    chain.must(&[accept], &[&next]).await;
    assert_eq!(env.state(&mut chain).await.governance, next.pubkey());
    let ix = tx::set_allow_list(&g, &env.facility, true);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        NfatError::NotGovernance,
    )
    .await;
}

#[tokio::test]
async fn set_routes_and_prime_approval_refuse_what_is_not_theirs() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let ix = tx::set_routes(&g, &env.facility);
    let swapped = swap_account(
        ix,
        &env.facility.return_rate_limit,
        &env.facility.deploy_rate_limit,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        swapped,
        &[&env.governance],
        NfatError::WrongRateLimit,
    )
    .await;
    let p = env.prime(&mut chain, 0).await;
    let again = tx::approve_prime(&g, &env.facility, &p.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        again,
        &[&env.governance],
        NfatError::PrimeAlreadyApproved,
    )
    .await;
    let ix = tx::approve_prime(&g, &env.facility, &Pubkey::default());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.governance],
        NfatError::DefaultKey,
    )
    .await;
    chain
        .must(
            &[tx::list_holder(&g, &env.facility, &p.pubkey())],
            &[&env.governance],
        )
        .await;
    let again = tx::list_holder(&g, &env.facility, &p.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        again,
        &[&env.governance],
        NfatError::HolderAlreadyListed,
    )
    .await;
}
