use crate::common::*;

async fn scheduled(chain: &mut Chain, env: &PauEnv) -> u64 {
    env.schedule(chain, TimelockAction::SetSorlHop { seconds: DAY })
        .await
        .unwrap()
}

#[tokio::test]
async fn cancel_op_ok_and_the_op_can_never_execute() {
    let (mut chain, env) = setup().await;
    let id = scheduled(&mut chain, &env).await;
    let admin = env.admin.pubkey();
    chain
        .must(&[ix::cancel_op(&admin, id)], &[&env.admin])
        .await;
    let op: TimelockOp = chain.account(&pda::op(&env.configurator, id)).await;
    assert_eq!(op.status, OpStatus::Cancelled);
    env.pass_timelock(&mut chain).await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let payer = chain.payer_key();
    let res = chain
        .send(&[ix::execute_config_change(&payer, id)], &[])
        .await;
    assert_err(res, PauError::OpCancelled);
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

#[tokio::test]
async fn cancel_op_fails_when_not_admin() {
    let (mut chain, env) = setup().await;
    let id = scheduled(&mut chain, &env).await;
    let op = pda::op(&env.configurator, id);
    let before = chain.fingerprint(&[op]).await;
    let g = env.govops.pubkey();
    assert_err(
        chain.send(&[ix::cancel_op(&g, id)], &[&env.govops]).await,
        PauError::NotAdmin,
    );
    assert_eq!(chain.fingerprint(&[op]).await, before);
}

#[tokio::test]
async fn cancel_op_fails_twice_and_after_execution() {
    let (mut chain, env) = setup().await;
    let admin = env.admin.pubkey();
    let a = scheduled(&mut chain, &env).await;
    chain.must(&[ix::cancel_op(&admin, a)], &[&env.admin]).await;
    let op_a = pda::op(&env.configurator, a);
    let before = chain.fingerprint(&[op_a]).await;
    assert_err(
        chain.send(&[ix::cancel_op(&admin, a)], &[&env.admin]).await,
        PauError::OpCancelled,
    );
    assert_eq!(chain.fingerprint(&[op_a]).await, before);

    let b = scheduled(&mut chain, &env).await;
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(&[ix::execute_config_change(&payer, b)], &[])
        .await;
    let op_b = pda::op(&env.configurator, b);
    let before = chain.fingerprint(&[op_b]).await;
    assert_err(
        chain.send(&[ix::cancel_op(&admin, b)], &[&env.admin]).await,
        PauError::OpAlreadyExecuted,
    );
    assert_eq!(chain.fingerprint(&[op_b]).await, before);
}
