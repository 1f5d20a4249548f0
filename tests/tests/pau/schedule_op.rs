use crate::common::*;

#[tokio::test]
async fn schedule_op_ok_sets_eta_and_increments_the_id() {
    let (mut chain, env) = setup().await;
    let before: Configurator = chain.account(&env.configurator).await;
    let now = chain.now().await;
    let id = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: 2 * DAY })
        .await
        .unwrap();
    assert_eq!(id, before.next_op_id);
    let op: TimelockOp = chain.account(&pda::op(&env.configurator, id)).await;
    assert_eq!(op.eta, now + 14 * DAY);
    assert_eq!(op.status, OpStatus::Scheduled);
    assert_eq!(op.proposer, env.admin.pubkey());
    assert_eq!(op.action, TimelockAction::SetSorlHop { seconds: 2 * DAY });
    let after: Configurator = chain.account(&env.configurator).await;
    assert_eq!(after.next_op_id, id + 1);
}

#[tokio::test]
async fn schedule_op_fails_when_not_admin() {
    let (mut chain, env) = setup().await;
    let c: Configurator = chain.account(&env.configurator).await;
    let op = pda::op(&env.configurator, c.next_op_id);
    let before = env.fingerprint(&mut chain, &[op]).await;
    let action = TimelockAction::RegisterPau {
        controller: env.controller,
    };
    // GovOps, relayer and freezer are not the admin
    for k in [&env.govops, &env.relayer, &env.freezer] {
        let res = chain
            .send(&[ix::schedule_op(&k.pubkey(), c.next_op_id, action)], &[k])
            .await;
        assert_err(res, PauError::NotAdmin);
    }
    assert_eq!(env.fingerprint(&mut chain, &[op]).await, before);
}

#[tokio::test]
async fn schedule_op_fails_without_the_admin_signature() {
    let (mut chain, env) = setup().await;
    let c: Configurator = chain.account(&env.configurator).await;
    let op = pda::op(&env.configurator, c.next_op_id);
    let before = env.fingerprint(&mut chain, &[op]).await;
    let admin = env.admin.pubkey();
    // the payer funds the op account instead; the admin's key is present but unsigned
    let mut i = unsigned(
        ix::schedule_op(
            &admin,
            c.next_op_id,
            TimelockAction::SetSorlHop { seconds: DAY },
        ),
        &admin,
    );
    i.accounts[0].is_writable = true;
    assert_err(chain.send(&[i], &[]).await, AnchorError::AccountNotSigner);
    assert_eq!(env.fingerprint(&mut chain, &[op]).await, before);
}

#[tokio::test]
async fn schedule_op_fails_when_paused() {
    let (mut chain, env) = setup().await;
    let admin = env.admin.pubkey();
    chain
        .must(&[ix::set_timelock_paused(&admin, true)], &[&env.admin])
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let res = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: DAY })
        .await;
    assert_err(res, PauError::TimelockPaused);
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

#[tokio::test]
async fn schedule_op_fails_on_out_of_bounds_changes() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let cases = [
        (
            TimelockAction::SetTimelockDelay { seconds: 60 },
            PauError::InvalidTimelockDelay,
        ),
        (
            TimelockAction::SetTimelockDelay { seconds: 61 * DAY },
            PauError::InvalidTimelockDelay,
        ),
        (
            TimelockAction::SetSorlHop { seconds: 0 },
            PauError::InvalidSorlHop,
        ),
        (
            TimelockAction::SetSorlHop { seconds: 31 * DAY },
            PauError::InvalidSorlHop,
        ),
        (
            TimelockAction::SetSorlMaxChange { bps: 0 },
            PauError::InvalidSorlMaxChange,
        ),
        (
            TimelockAction::SetSorlMaxChange { bps: 10_001 },
            PauError::InvalidSorlMaxChange,
        ),
        (
            TimelockAction::TransferAdmin {
                new_admin: Pubkey::default(),
            },
            PauError::InvalidAdmin,
        ),
        (
            TimelockAction::TransferAdmin {
                new_admin: env.admin.pubkey(),
            },
            PauError::InvalidAdmin,
        ),
        (
            TimelockAction::GrantGovOps {
                controller: env.controller,
                member: Pubkey::default(),
            },
            PauError::InvalidRoleKey,
        ),
    ];
    for (action, e) in cases {
        assert_err(env.schedule(&mut chain, action).await, e);
    }
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
