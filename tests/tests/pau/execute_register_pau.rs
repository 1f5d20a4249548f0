use crate::common::*;

/// A configurator with an inert controller (PAU 0) and its RegisterPau scheduled.
async fn pending() -> (Chain, Keypair, Pubkey, u64) {
    let mut chain = Chain::new().await;
    let admin = chain.funded_keypair(5_000_000_000).await;
    let payer = chain.payer_key();
    pau::install_program_data(&mut chain, &halo_pau::ID, &payer).await;
    chain
        .must(
            &[ix::initialize_configurator(
                &payer,
                &payer,
                ix::InitializeConfiguratorArgs {
                    admin: admin.pubkey(),
                    timelock_delay_s: DEFAULT_TIMELOCK_DELAY_S,
                    sorl_hop_s: DEFAULT_SORL_HOP_S,
                    sorl_max_change_bps: DEFAULT_SORL_MAX_CHANGE_BPS,
                },
            )],
            &[],
        )
        .await;
    let a = admin.pubkey();
    chain
        .must(&[ix::initialize_controller(&a, 0)], &[&admin])
        .await;
    let controller = pda::controller(&pda::configurator(), 0);
    chain
        .must(
            &[ix::schedule_op(
                &a,
                0,
                TimelockAction::RegisterPau { controller },
            )],
            &[&admin],
        )
        .await;
    (chain, admin, controller, 0)
}

#[tokio::test]
async fn execute_register_pau_ok_exactly_at_eta() {
    let (mut chain, _admin, controller, id) = pending().await;
    let op: TimelockOp = chain.account(&pda::op(&pda::configurator(), id)).await;
    chain.set_time(op.eta).await;
    let payer = chain.payer_key();
    chain
        .must(&[ix::execute_register_pau(&payer, id, &controller)], &[])
        .await;
    let c: Controller = chain.account(&controller).await;
    assert!(c.registered);
    let op: TimelockOp = chain.account(&pda::op(&pda::configurator(), id)).await;
    assert_eq!(op.status, OpStatus::Executed);
    assert_eq!(op.resolved_at, op.eta);
}

#[tokio::test]
async fn execute_register_pau_fails_when_one_second_before_eta() {
    let (mut chain, _admin, controller, id) = pending().await;
    let op_addr = pda::op(&pda::configurator(), id);
    let op: TimelockOp = chain.account(&op_addr).await;
    chain.set_time(op.eta - 1).await;
    let before = chain.fingerprint(&[controller, op_addr]).await;
    let payer = chain.payer_key();
    assert_err(
        chain
            .send(&[ix::execute_register_pau(&payer, id, &controller)], &[])
            .await,
        PauError::TimelockNotElapsed,
    );
    assert_eq!(chain.fingerprint(&[controller, op_addr]).await, before);
}

#[tokio::test]
async fn execute_register_pau_fails_when_executed_twice_or_already_registered() {
    let (mut chain, admin, controller, id) = pending().await;
    chain.advance(DEFAULT_TIMELOCK_DELAY_S).await;
    let payer = chain.payer_key();
    chain
        .must(&[ix::execute_register_pau(&payer, id, &controller)], &[])
        .await;
    let op_addr = pda::op(&pda::configurator(), id);
    let before = chain.fingerprint(&[controller, op_addr]).await;
    assert_err(
        chain
            .send(&[ix::execute_register_pau(&payer, id, &controller)], &[])
            .await,
        PauError::OpAlreadyExecuted,
    );
    // a second RegisterPau for a registered PAU
    let a = admin.pubkey();
    chain
        .must(
            &[ix::schedule_op(
                &a,
                1,
                TimelockAction::RegisterPau { controller },
            )],
            &[&admin],
        )
        .await;
    chain.advance(DEFAULT_TIMELOCK_DELAY_S).await;
    assert_err(
        chain
            .send(&[ix::execute_register_pau(&payer, 1, &controller)], &[])
            .await,
        PauError::PauAlreadyRegistered,
    );
    assert_eq!(chain.fingerprint(&[controller, op_addr]).await, before);
}

#[tokio::test]
async fn execute_register_pau_fails_when_the_controller_or_op_kind_is_another() {
    let (mut chain, admin, controller, id) = pending().await;
    let a = admin.pubkey();
    chain
        .must(&[ix::initialize_controller(&a, 7)], &[&admin])
        .await;
    let other = pda::controller(&pda::configurator(), 7);
    chain
        .must(
            &[ix::schedule_op(
                &a,
                1,
                TimelockAction::SetSorlHop { seconds: DAY },
            )],
            &[&admin],
        )
        .await;
    chain.advance(DEFAULT_TIMELOCK_DELAY_S).await;
    let before = chain.fingerprint(&[controller, other]).await;
    let payer = chain.payer_key();
    assert_err(
        chain
            .send(&[ix::execute_register_pau(&payer, id, &other)], &[])
            .await,
        PauError::OpTargetMismatch,
    );
    assert_err(
        chain
            .send(&[ix::execute_register_pau(&payer, 1, &controller)], &[])
            .await,
        PauError::WrongOpKind,
    );
    assert_eq!(chain.fingerprint(&[controller, other]).await, before);
}
