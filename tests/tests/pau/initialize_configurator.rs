use crate::common::*;

fn args(admin: Pubkey) -> ix::InitializeConfiguratorArgs {
    ix::InitializeConfiguratorArgs {
        admin,
        timelock_delay_s: DEFAULT_TIMELOCK_DELAY_S,
        sorl_hop_s: DEFAULT_SORL_HOP_S,
        sorl_max_change_bps: DEFAULT_SORL_MAX_CHANGE_BPS,
    }
}

#[tokio::test]
async fn initialize_configurator_ok() {
    let mut chain = Chain::new().await;
    let admin = Keypair::new().pubkey();
    let payer = chain.payer_key();
    chain
        .must(&[ix::initialize_configurator(&payer, args(admin))], &[])
        .await;
    let c: Configurator = chain.account(&pda::configurator()).await;
    assert_eq!(c.admin, admin);
    assert_eq!(c.timelock_delay_s, 14 * DAY);
    assert_eq!(c.sorl_hop_s, 18 * 3600);
    assert_eq!(c.sorl_max_change_bps, 2_500);
    assert!(!c.paused);
    assert_eq!(c.next_op_id, 0);
    assert_eq!(c.version, ACCOUNT_VERSION);
}

#[tokio::test]
async fn initialize_configurator_fails_when_parameters_are_out_of_bounds() {
    let mut chain = Chain::new().await;
    let payer = chain.payer_key();
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
            .send(&[ix::initialize_configurator(&payer, a)], &[])
            .await;
        assert_pau_err(res, e);
        assert!(chain.raw_account(&pda::configurator()).await.is_none());
    }
}

#[tokio::test]
async fn initialize_configurator_fails_when_it_already_exists() {
    let mut chain = Chain::new().await;
    let payer = chain.payer_key();
    chain
        .must(
            &[ix::initialize_configurator(
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
            .send(&[ix::initialize_configurator(&payer, args(attacker))], &[])
            .await,
    );
    assert_eq!(chain.fingerprint(&[pda::configurator()]).await, before);
}
