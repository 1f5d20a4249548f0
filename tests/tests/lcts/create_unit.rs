//! `create_unit`: the unit, its Token-2022 share mint with metadata naming it, and the
//! PAU wiring checks.
use crate::common::*;
use anchor_spl::token_2022::spl_token_2022::{
    extension::{metadata_pointer::MetadataPointer, BaseStateWithExtensions, StateWithExtensions},
    state::Mint,
};
use anchor_spl::token_2022_extensions::spl_token_metadata_interface::state::TokenMetadata;
use halo_sdk::lcts::{CreateUnitArgs, ShareMetadata, UnitPau, UnitRef};

#[tokio::test]
async fn create_unit_ok_records_its_wiring_and_a_share_mint_with_metadata() {
    let (mut chain, env) = setup().await;
    let u = env.unit_state(&mut chain).await;
    assert_eq!(
        (u.beacon, u.freezer, u.rate_wad),
        (env.beacon.pubkey(), env.freezer.pubkey(), WAD)
    );
    assert_eq!(
        (u.subscribe_queue, u.redeem_queue),
        (env.unit.subscribe_queue, env.unit.redeem_queue)
    );
    let raw = chain.raw_account(&env.unit.share_mint).await.unwrap();
    assert_eq!(raw.owner, halo_sdk::token_programs::TOKEN_2022);
    let mint = StateWithExtensions::<Mint>::unpack(&raw.data).unwrap();
    assert_eq!(
        Option::<Pubkey>::from(mint.base.mint_authority),
        Some(env.unit.unit)
    );
    assert_eq!(Option::<Pubkey>::from(mint.base.freeze_authority), None);
    assert_eq!((mint.base.decimals, mint.base.supply), (6, 0));
    let pointer = mint.get_extension::<MetadataPointer>().unwrap();
    assert_eq!(
        Option::<Pubkey>::from(pointer.metadata_address),
        Some(env.unit.share_mint)
    );
    let meta = mint.get_variable_len_extension::<TokenMetadata>().unwrap();
    assert_eq!(
        (meta.name.as_str(), meta.symbol.as_str()),
        ("Halo Passthrough Unit 0", "HPU")
    );
    assert_eq!(
        Option::<Pubkey>::from(meta.update_authority),
        Some(env.unit.unit)
    );
    let c: tx::LctsClass = chain.account(&env.unit.class).await;
    assert_eq!(c.unit_count, 1);
}

#[tokio::test]
async fn create_unit_ok_without_routes_settlement_waits_for_them() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let u1 = unit_one(&env);
    chain
        .must(
            &[
                tx::create_unit(&g, &u1, args(&env, 1)),
                tx::create_queue(&g, &u1, SUB),
                tx::create_queue(&g, &u1, RED),
            ],
            &[&env.governance],
        )
        .await;
    let u: tx::LctsUnit = chain.account(&u1.unit).await;
    assert_eq!(
        (u.deploy_rate_limit, u.return_rate_limit),
        (Pubkey::default(), Pubkey::default())
    );
    let p = env.prime(&mut chain, 10 * UNIT).await;
    let ix = tx::enter(
        &p.key.pubkey(),
        &u1,
        SUB,
        &p.usds,
        &p.shares,
        10 * UNIT,
        None,
    );
    chain.must(&[ix], &[&p.key]).await;
    chain
        .must(&[tx::lock(&env.beacon.pubkey(), &u1, SUB)], &[&env.beacon])
        .await;
    let ix = tx::settle(&env.beacon.pubkey(), &u1, SUB, 0, 10 * UNIT);
    let before = env
        .fingerprint(&mut chain, &[u1.unit, u1.subscribe_queue])
        .await;
    // the builder fills in route addresses the unit does not have: the unit refuses
    let r = chain.send(&[ix], &[&env.beacon]).await;
    assert_err(r, LctsError::RoutesNotSet);
    assert_eq!(
        before,
        env.fingerprint(&mut chain, &[u1.unit, u1.subscribe_queue])
            .await
    );
}

fn args(env: &LctsEnv, unit_id: u64) -> CreateUnitArgs {
    CreateUnitArgs {
        unit_id,
        beacon: env.beacon.pubkey(),
        freezer: env.freezer.pubkey(),
        rate_wad: WAD,
        params: default_params(),
        metadata: ShareMetadata {
            name: "Unit".into(),
            symbol: "U".into(),
            uri: String::new(),
        },
    }
}

/// Unit 1 of the class, on the same PAU as unit 0.
fn unit_one(env: &LctsEnv) -> UnitRef {
    UnitRef::new(
        env.unit.class,
        1,
        env.unit.usds_mint,
        env.unit.usds_token_program,
        UnitPau {
            controller: env.unit.pau_controller,
            custody: env.unit.pau_custody,
            deploy_endpoint: env.unit.deploy_endpoint,
        },
    )
}

#[tokio::test]
async fn create_unit_fails_on_bad_arguments_and_for_anyone_but_governance() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let u1 = unit_one(&env);
    let ex = [u1.unit, u1.share_mint];
    let gov = [&env.governance];
    let mut a = args(&env, 1);
    a.beacon = Pubkey::default();
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        tx::create_unit(&g, &u1, a),
        &gov,
        LctsError::DefaultKey,
    )
    .await;
    let mut a = args(&env, 1);
    a.rate_wad = 0;
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        tx::create_unit(&g, &u1, a),
        &gov,
        LctsError::ZeroRate,
    )
    .await;
    let mut a = args(&env, 1);
    a.params.max_lock_s = 0;
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        tx::create_unit(&g, &u1, a),
        &gov,
        LctsError::BadMaxLock,
    )
    .await;
    let mut a = args(&env, 1);
    a.metadata.name = "x".repeat(33);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        tx::create_unit(&g, &u1, a),
        &gov,
        LctsError::BadMetadata,
    )
    .await;
    let stranger = chain.funded_keypair(1_000_000_000).await;
    let ix = swap_account(
        tx::create_unit(&g, &u1, args(&env, 1)),
        &g,
        &stranger.pubkey(),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        ix,
        &[&stranger],
        LctsError::NotGovernance,
    )
    .await;
}

#[tokio::test]
async fn create_unit_fails_with_an_underlying_mint_carrying_a_transfer_fee_or_interest() {
    let (mut chain, env) = setup().await;
    for (pau_id, kind) in [
        (1, MintKind::Token2022TransferFee { bps: 0, max_fee: 0 }),
        (2, MintKind::Token2022InterestBearing { rate_bps: 500 }),
    ] {
        let opts = PauOptions {
            pau_id,
            mint: kind,
            ..PauOptions::default()
        };
        let pau = PauEnv::bootstrap_pau(&mut chain, env.pau.admin.insecure_clone(), opts).await;
        let r = LctsEnv::try_bootstrap_on(&mut chain, pau, LctsOptions::default(), 0).await;
        assert_err(r.map(|_| ()), LctsError::UnsupportedMintExtension);
    }
}

#[tokio::test]
async fn create_unit_fails_when_the_unit_exists() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let before = env.fingerprint(&mut chain, &[]).await;
    let mut a = args(&env, 0);
    a.metadata.name = "Again".into();
    assert_failed(
        chain
            .send(&[tx::create_unit(&g, &env.unit, a)], &[&env.governance])
            .await,
    );
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
}
