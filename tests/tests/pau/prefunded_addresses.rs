//! Finding 18, the attack: anyone could send lamports to the predictable address of the
//! next account governance creates (the configurator, the next op id, a controller, an
//! init, a membership, a route) and block its `init` for good (`create_account` fails on
//! an address holding lamports, and sequential ids cannot be skipped). Every account is
//! now created by `halo_accounts`, which tops up, allocates and assigns: each creation
//! succeeds with a pre-funded address, and the account is the one expected.
use crate::common::*;

#[tokio::test]
async fn initialize_configurator_ok_when_its_address_was_prefunded() {
    let mut chain = Chain::new().await;
    let payer = chain.payer_key();
    pau::install_program_data(&mut chain, &halo_pau::ID, &payer).await;
    prefund(&mut chain, &pda::configurator()).await;
    let admin = Keypair::new().pubkey();
    chain
        .must(
            &[ix::initialize_configurator(
                &payer,
                &payer,
                ix::InitializeConfiguratorArgs {
                    admin,
                    timelock_delay_s: DEFAULT_TIMELOCK_DELAY_S,
                    sorl_hop_s: DEFAULT_SORL_HOP_S,
                    sorl_max_change_bps: DEFAULT_SORL_MAX_CHANGE_BPS,
                },
            )],
            &[],
        )
        .await;
    let c: Configurator = chain.account(&pda::configurator()).await;
    assert_eq!(c.admin, admin);
}

#[tokio::test]
async fn schedule_op_ok_with_its_execution_when_the_next_addresses_were_prefunded() {
    let (mut chain, env) = setup().await;
    let c: Configurator = chain.account(&env.configurator).await;
    let key = [3u8; 32];
    let member = Keypair::new().pubkey();
    // the next op, and the accounts the ops will create
    prefund(&mut chain, &pda::op(&env.configurator, c.next_op_id)).await;
    prefund(&mut chain, &pda::op(&env.configurator, c.next_op_id + 1)).await;
    prefund(
        &mut chain,
        &pda::init_rate_limit(&env.configurator, &key, &Pubkey::default()),
    )
    .await;
    prefund(&mut chain, &pda::govops(&env.controller, &member)).await;
    let init = env
        .schedule(
            &mut chain,
            TimelockAction::AddInitRateLimit {
                key,
                pau: Pubkey::default(),
                max_amount: 1,
                slope: 1,
            },
        )
        .await
        .unwrap();
    let grant = env
        .schedule(
            &mut chain,
            TimelockAction::GrantGovOps {
                controller: env.controller,
                member,
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(
            &[
                ix::execute_add_init_rate_limit(&payer, init, key, Pubkey::default()),
                ix::execute_grant_govops(&payer, grant, &env.controller, member),
            ],
            &[],
        )
        .await;
    let i: InitRateLimit = chain
        .account(&pda::init_rate_limit(
            &env.configurator,
            &key,
            &Pubkey::default(),
        ))
        .await;
    assert_eq!(i.key, key);
    let m: GovOpsMembership = chain.account(&pda::govops(&env.controller, &member)).await;
    assert_eq!(m.member, member);
}

#[tokio::test]
async fn initialize_controller_ok_when_its_address_was_prefunded_and_create_rate_limit_too() {
    let (mut chain, env) = setup().await;
    let next = pda::controller(&env.configurator, 9);
    prefund(&mut chain, &next).await;
    let a = env.admin.pubkey();
    chain
        .must(&[ix::initialize_controller(&a, 9)], &[&env.admin])
        .await;
    let c: Controller = chain.account(&next).await;
    assert_eq!((c.pau_id, c.registered), (9, false));
    let dest = chain
        .create_ata(&Keypair::new().pubkey(), &env.mint, &env.token_program)
        .await;
    let r = env.route(keys::tags::TRANSFER, dest);
    env.add_init(&mut chain, r.key, Pubkey::default(), 1_000, 1)
        .await;
    prefund(&mut chain, &pda::rate_limit(&env.controller, &r.key)).await;
    env.create_rate_limit(&mut chain, &r, keys::tags::TRANSFER, 1_000, 1)
        .await
        .unwrap();
    assert_eq!(
        env.rate_limit(&mut chain, &r.key).await.limit.max_amount,
        1_000
    );
}

#[tokio::test]
async fn initialize_controller_fails_when_reinitialising_an_existing_account() {
    let (mut chain, env) = setup().await;
    let a = env.admin.pubkey();
    let before = env.fingerprint(&mut chain, &[]).await;
    // the controller exists: creating it again fails and changes nothing
    assert_failed(
        chain
            .send(&[ix::initialize_controller(&a, env.pau_id)], &[&env.admin])
            .await,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
