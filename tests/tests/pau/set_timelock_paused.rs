use crate::common::*;

#[tokio::test]
async fn set_timelock_paused_blocks_execute_until_resumed() {
    let (mut chain, env) = setup().await;
    let admin = env.admin.pubkey();
    let id = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: DAY })
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    chain
        .must(&[ix::set_timelock_paused(&admin, true)], &[&env.admin])
        .await;
    let c: Configurator = chain.account(&env.configurator).await;
    assert!(c.paused);
    let before = env
        .fingerprint(&mut chain, &[pda::op(&env.configurator, id)])
        .await;
    let payer = chain.payer_key();
    assert_err(
        chain
            .send(&[ix::execute_config_change(&payer, id)], &[])
            .await,
        PauError::TimelockPaused,
    );
    assert_eq!(
        env.fingerprint(&mut chain, &[pda::op(&env.configurator, id)])
            .await,
        before
    );
    chain
        .must(&[ix::set_timelock_paused(&admin, false)], &[&env.admin])
        .await;
    chain
        .must(&[ix::execute_config_change(&payer, id)], &[])
        .await;
    let c: Configurator = chain.account(&env.configurator).await;
    assert_eq!(c.sorl_hop_s, DAY);
}

#[tokio::test]
async fn set_timelock_paused_fails_when_not_admin() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    let f = env.freezer.pubkey();
    assert_err(
        chain
            .send(&[ix::set_timelock_paused(&f, true)], &[&env.freezer])
            .await,
        PauError::NotAdmin,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
