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
    assert_err(
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

/// Finding 3: timelock ops never expired, so a forgotten op could be executed by anyone
/// months later. It is executable from its eta until `OP_GRACE_PERIOD_S` after it.
#[tokio::test]
async fn execute_config_change_fails_after_the_grace_period() {
    let (mut chain, env) = setup().await;
    let id = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: 6 * 3600 })
        .await
        .unwrap();
    let last = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: 7 * 3600 })
        .await
        .unwrap();
    let op: TimelockOp = chain.account(&pda::op(&env.configurator, id)).await;
    chain.set_time(op.eta + OP_GRACE_PERIOD_S + 1).await;
    let watched = [pda::op(&env.configurator, id)];
    let before = env.fingerprint(&mut chain, &watched).await;
    let payer = chain.payer_key();
    assert_err(
        chain
            .send(&[ix::execute_config_change(&payer, id)], &[])
            .await,
        PauError::OpExpired,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    // at exactly the end of the grace period it is still executable
    let op: TimelockOp = chain.account(&pda::op(&env.configurator, last)).await;
    chain.set_time(op.eta + OP_GRACE_PERIOD_S).await;
    chain
        .must(&[ix::execute_config_change(&payer, last)], &[])
        .await;
    let cfg: Configurator = chain.account(&env.configurator).await;
    assert_eq!(cfg.sorl_hop_s, 7 * 3600);
}

#[tokio::test]
async fn execute_config_change_sets_the_max_transfer_fee() {
    let (mut chain, env) = setup().await;
    let id = env
        .schedule(&mut chain, TimelockAction::SetMaxTransferFee { bps: 50 })
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(&[ix::execute_config_change(&payer, id)], &[])
        .await;
    let cfg: Configurator = chain.account(&env.configurator).await;
    assert_eq!(cfg.max_transfer_fee_bps, 50);
    // out of bounds is refused when scheduled
    let a = env.admin.pubkey();
    assert_err(
        chain
            .send(
                &[ix::schedule_op(
                    &a,
                    cfg.next_op_id,
                    TimelockAction::SetMaxTransferFee {
                        bps: MAX_TRANSFER_FEE_BPS + 1,
                    },
                )],
                &[&env.admin],
            )
            .await,
        PauError::InvalidMaxTransferFee,
    );
}
