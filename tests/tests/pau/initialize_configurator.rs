use crate::common::*;

fn args(admin: Pubkey) -> ix::InitializeConfiguratorArgs {
    ix::InitializeConfiguratorArgs {
        admin,
        timelock_delay_s: DEFAULT_TIMELOCK_DELAY_S,
        sorl_hop_s: DEFAULT_SORL_HOP_S,
        sorl_max_change_bps: DEFAULT_SORL_MAX_CHANGE_BPS,
    }
}

/// A chain whose halo_pau ProgramData names `authority` as upgrade authority (as deploying
/// through the upgradeable loader leaves it).
async fn deployed_by(authority: &Pubkey) -> Chain {
    let mut chain = Chain::new().await;
    pau::install_program_data(&mut chain, &halo_pau::ID, authority).await;
    chain
}

#[tokio::test]
async fn initialize_configurator_ok_signed_by_the_upgrade_authority() {
    let mut chain = Chain::new().await;
    let payer = chain.payer_key();
    pau::install_program_data(&mut chain, &halo_pau::ID, &payer).await;
    let admin = Keypair::new().pubkey();
    chain
        .must(
            &[ix::initialize_configurator(&payer, &payer, args(admin))],
            &[],
        )
        .await;
    let c: Configurator = chain.account(&pda::configurator()).await;
    assert_eq!(c.admin, admin);
    assert_eq!(c.timelock_delay_s, 14 * DAY);
    assert_eq!(c.sorl_hop_s, 18 * 3600);
    assert_eq!(c.sorl_max_change_bps, 2_500);
    assert_eq!(c.max_transfer_fee_bps, DEFAULT_MAX_TRANSFER_FEE_BPS);
    assert!(!c.paused);
    assert_eq!(c.next_op_id, 0);
    assert_eq!(c.version, ACCOUNT_VERSION);
}

/// The front-running attack: someone sees the program deployed and initialises the
/// configurator first, with themselves as admin.
#[tokio::test]
async fn initialize_configurator_fails_when_a_front_runner_is_not_the_upgrade_authority() {
    let deployer = Keypair::new();
    let mut chain = deployed_by(&deployer.pubkey()).await;
    let attacker = chain.funded_keypair(1_000_000_000).await;
    let payer = chain.payer_key();
    let before = chain
        .fingerprint(&[pda::configurator(), pda::program_data()])
        .await;
    assert_err(
        chain
            .send(
                &[ix::initialize_configurator(
                    &payer,
                    &attacker.pubkey(),
                    args(attacker.pubkey()),
                )],
                &[&attacker],
            )
            .await,
        PauError::NotUpgradeAuthority,
    );
    // nor by naming the real authority without its signature
    let i = unsigned(
        ix::initialize_configurator(&payer, &deployer.pubkey(), args(attacker.pubkey())),
        &deployer.pubkey(),
    );
    assert_failed(chain.send(&[i], &[]).await);
    assert_eq!(
        chain
            .fingerprint(&[pda::configurator(), pda::program_data()])
            .await,
        before
    );
    // the deployer still can
    chain
        .must(
            &[ix::initialize_configurator(
                &payer,
                &deployer.pubkey(),
                args(Keypair::new().pubkey()),
            )],
            &[&deployer],
        )
        .await;
}

#[tokio::test]
async fn initialize_configurator_fails_with_a_look_alike_program_data() {
    let mut chain = Chain::new().await;
    let payer = chain.payer_key();
    let attacker = chain.funded_keypair(1_000_000_000).await;
    // a ProgramData-shaped account naming the attacker, at an address of its own choosing
    // (another program's ProgramData), and one at the right address with no authority
    let other_program = Keypair::new().pubkey();
    pau::install_program_data(&mut chain, &other_program, &attacker.pubkey()).await;
    let fake = Pubkey::find_program_address(
        &[other_program.as_ref()],
        &anchor_lang::solana_program::bpf_loader_upgradeable::ID,
    )
    .0;
    let i = swap_account(
        ix::initialize_configurator(&payer, &attacker.pubkey(), args(attacker.pubkey())),
        &pda::program_data(),
        &fake,
    );
    assert_err(
        chain.send(&[i], &[&attacker]).await,
        AnchorError::ConstraintSeeds,
    );
    // a program made immutable (no upgrade authority) can be initialised by nobody
    let mut data = 3u32.to_le_bytes().to_vec();
    data.extend_from_slice(&0u64.to_le_bytes());
    data.push(0);
    let lamports = chain.rent(data.len()).await;
    chain
        .set_account(
            &pda::program_data(),
            RawAccount {
                lamports,
                owner: anchor_lang::solana_program::bpf_loader_upgradeable::ID,
                data,
            },
        )
        .await;
    assert_err(
        chain
            .send(
                &[ix::initialize_configurator(
                    &payer,
                    &attacker.pubkey(),
                    args(attacker.pubkey()),
                )],
                &[&attacker],
            )
            .await,
        PauError::NotUpgradeAuthority,
    );
    assert!(chain.raw_account(&pda::configurator()).await.is_none());
}

#[tokio::test]
async fn initialize_configurator_fails_when_parameters_are_out_of_bounds() {
    let mut chain = Chain::new().await;
    let payer = chain.payer_key();
    pau::install_program_data(&mut chain, &halo_pau::ID, &payer).await;
    let admin = Keypair::new().pubkey();
    let cases = [
        (
            ix::InitializeConfiguratorArgs {
                timelock_delay_s: 0,
                ..args(admin)
            },
            PauError::InvalidTimelockDelay,
        ),
        (
            ix::InitializeConfiguratorArgs {
                timelock_delay_s: MAX_TIMELOCK_DELAY_S + 1,
                ..args(admin)
            },
            PauError::InvalidTimelockDelay,
        ),
        (
            ix::InitializeConfiguratorArgs {
                sorl_hop_s: MIN_SORL_HOP_S - 1,
                ..args(admin)
            },
            PauError::InvalidSorlHop,
        ),
        (
            ix::InitializeConfiguratorArgs {
                sorl_max_change_bps: 0,
                ..args(admin)
            },
            PauError::InvalidSorlMaxChange,
        ),
        (
            ix::InitializeConfiguratorArgs {
                sorl_max_change_bps: 10_001,
                ..args(admin)
            },
            PauError::InvalidSorlMaxChange,
        ),
        (args(Pubkey::default()), PauError::InvalidAdmin),
    ];
    for (a, e) in cases {
        let res = chain
            .send(&[ix::initialize_configurator(&payer, &payer, a)], &[])
            .await;
        assert_err(res, e);
        assert!(chain.raw_account(&pda::configurator()).await.is_none());
    }
}

#[tokio::test]
async fn initialize_configurator_fails_when_it_already_exists() {
    let mut chain = Chain::new().await;
    let payer = chain.payer_key();
    pau::install_program_data(&mut chain, &halo_pau::ID, &payer).await;
    chain
        .must(
            &[ix::initialize_configurator(
                &payer,
                &payer,
                args(Keypair::new().pubkey()),
            )],
            &[],
        )
        .await;
    let before = chain.fingerprint(&[pda::configurator()]).await;
    let attacker = Keypair::new().pubkey();
    assert_failed(
        chain
            .send(
                &[ix::initialize_configurator(&payer, &payer, args(attacker))],
                &[],
            )
            .await,
    );
    assert_eq!(chain.fingerprint(&[pda::configurator()]).await, before);
}
