use crate::common::*;

#[tokio::test]
async fn execute_add_init_rate_limit_ok() {
    let (mut chain, env) = setup().await;
    let key = [7u8; 32];
    let now = chain.now().await;
    env.add_init(&mut chain, key, env.controller, 500, 2).await;
    let init: InitRateLimit = chain
        .account(&pda::init_rate_limit(
            &env.configurator,
            &key,
            &env.controller,
        ))
        .await;
    assert_eq!(
        (init.key, init.pau, init.max_amount, init.slope),
        (key, env.controller, 500, 2)
    );
    assert_eq!(init.added_at, now + 14 * DAY);
}

#[tokio::test]
async fn execute_add_init_rate_limit_fails_before_the_timelock_and_with_other_arguments() {
    let (mut chain, env) = setup().await;
    let key = [7u8; 32];
    let id = env
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
    let payer = chain.payer_key();
    let op = pda::op(&env.configurator, id);
    let init = pda::init_rate_limit(&env.configurator, &key, &Pubkey::default());
    let before = chain.fingerprint(&[op, init]).await;
    chain.advance(14 * DAY - 1).await;
    assert_err(
        chain
            .send(
                &[ix::execute_add_init_rate_limit(
                    &payer,
                    id,
                    key,
                    Pubkey::default(),
                )],
                &[],
            )
            .await,
        PauError::TimelockNotElapsed,
    );
    chain.advance(1).await;
    // another key, or the init scoped to a PAU instead of global
    assert_err(
        chain
            .send(
                &[ix::execute_add_init_rate_limit(
                    &payer,
                    id,
                    [8u8; 32],
                    Pubkey::default(),
                )],
                &[],
            )
            .await,
        PauError::OpTargetMismatch,
    );
    assert_err(
        chain
            .send(
                &[ix::execute_add_init_rate_limit(
                    &payer,
                    id,
                    key,
                    env.controller,
                )],
                &[],
            )
            .await,
        PauError::OpTargetMismatch,
    );
    assert_eq!(chain.fingerprint(&[op, init]).await, before);
    chain
        .must(
            &[ix::execute_add_init_rate_limit(
                &payer,
                id,
                key,
                Pubkey::default(),
            )],
            &[],
        )
        .await;
}

#[tokio::test]
async fn execute_add_init_rate_limit_cannot_reinitialise_an_existing_init() {
    let (mut chain, env) = setup().await;
    let key = [7u8; 32];
    env.add_init(&mut chain, key, Pubkey::default(), 100, 1)
        .await;
    let id = env
        .schedule(
            &mut chain,
            TimelockAction::AddInitRateLimit {
                key,
                pau: Pubkey::default(),
                max_amount: u64::MAX,
                slope: 9,
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let init = pda::init_rate_limit(&env.configurator, &key, &Pubkey::default());
    let before = chain.fingerprint(&[init]).await;
    let payer = chain.payer_key();
    assert_failed(
        chain
            .send(
                &[ix::execute_add_init_rate_limit(
                    &payer,
                    id,
                    key,
                    Pubkey::default(),
                )],
                &[],
            )
            .await,
    );
    assert_eq!(chain.fingerprint(&[init]).await, before);
}

#[tokio::test]
async fn execute_add_init_rate_limit_fails_paused_cancelled_or_on_another_kind() {
    let (mut chain, env) = setup().await;
    let key = [5u8; 32];
    let add = TimelockAction::AddInitRateLimit {
        key,
        pau: Pubkey::default(),
        max_amount: 1,
        slope: 1,
    };
    let id = env.schedule(&mut chain, add).await.unwrap();
    let cancelled = env.schedule(&mut chain, add).await.unwrap();
    let other_kind = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: DAY })
        .await
        .unwrap();
    let admin = env.admin.pubkey();
    chain
        .must(&[ix::cancel_op(&admin, cancelled)], &[&env.admin])
        .await;
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    let exec = |op| ix::execute_add_init_rate_limit(&payer, op, key, Pubkey::default());
    let init = pda::init_rate_limit(&env.configurator, &key, &Pubkey::default());
    let before = env.fingerprint(&mut chain, &[init]).await;
    chain
        .must(&[ix::set_timelock_paused(&admin, true)], &[&env.admin])
        .await;
    assert_err(chain.send(&[exec(id)], &[]).await, PauError::TimelockPaused);
    chain
        .must(&[ix::set_timelock_paused(&admin, false)], &[&env.admin])
        .await;
    assert_err(
        chain.send(&[exec(cancelled)], &[]).await,
        PauError::OpCancelled,
    );
    assert_err(
        chain.send(&[exec(other_kind)], &[]).await,
        PauError::WrongOpKind,
    );
    assert_eq!(env.fingerprint(&mut chain, &[init]).await, before);
    chain.must(&[exec(id)], &[]).await;
}
