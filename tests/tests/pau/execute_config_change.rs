use crate::common::*;

#[tokio::test]
async fn execute_config_change_applies_each_parameter() {
    let (mut chain, env) = setup().await;
    let a = env
        .schedule(
            &mut chain,
            TimelockAction::SetTimelockDelay { seconds: 2 * DAY },
        )
        .await
        .unwrap();
    let b = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: 6 * 3600 })
        .await
        .unwrap();
    let c = env
        .schedule(&mut chain, TimelockAction::SetSorlMaxChange { bps: 1_000 })
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(
            &[
                ix::execute_config_change(&payer, a),
                ix::execute_config_change(&payer, b),
                ix::execute_config_change(&payer, c),
            ],
            &[],
        )
        .await;
    let cfg: Configurator = chain.account(&env.configurator).await;
    assert_eq!(
        (
            cfg.timelock_delay_s,
            cfg.sorl_hop_s,
            cfg.sorl_max_change_bps
        ),
        (2 * DAY, 6 * 3600, 1_000)
    );
    // the new delay applies to operations scheduled from now on
    let now = chain.now().await;
    let d = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: DAY })
        .await
        .unwrap();
    let op: TimelockOp = chain.account(&pda::op(&env.configurator, d)).await;
    assert_eq!(op.eta, now + 2 * DAY);
}

#[tokio::test]
async fn execute_config_change_fails_on_another_op_kind() {
    let (mut chain, env) = setup().await;
    let id = env
        .schedule(
            &mut chain,
            TimelockAction::RegisterPau {
                controller: env.controller,
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let before = env
        .fingerprint(&mut chain, &[pda::op(&env.configurator, id)])
        .await;
    let payer = chain.payer_key();
    assert_pau_err(
        chain
            .send(&[ix::execute_config_change(&payer, id)], &[])
            .await,
        PauError::WrongOpKind,
    );
    assert_eq!(
        env.fingerprint(&mut chain, &[pda::op(&env.configurator, id)])
            .await,
        before
    );
}
