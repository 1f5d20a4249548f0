use crate::common::*;

/// Schedules `AddIntegration` for (`signer`, `key`) on `env`'s PAU; returns the op id.
async fn schedule(chain: &mut Chain, env: &PauEnv, signer: Pubkey, key: [u8; 32]) -> u64 {
    env.schedule(
        chain,
        TimelockAction::AddIntegration {
            controller: env.controller,
            signer,
            key,
        },
    )
    .await
    .unwrap()
}

fn execute(chain: &Chain, env: &PauEnv, op: u64, signer: Pubkey) -> Instruction {
    ix::execute_add_integration(&chain.payer_key(), op, &env.controller, signer)
}

/// Finding 1, the attack: a GovOps member makes its own wallet an integration on the
/// `amm_fund` key at once and draws USDS into the pool's vault, unbooked. GovOps has no
/// instruction that adds an integration any more, cannot schedule one (only the admin
/// can), and a wallet that is no integration cannot draw.
#[tokio::test]
async fn execute_add_integration_fails_when_govops_tries_to_make_its_own_wallet_an_integration() {
    let (mut chain, env) = setup().await;
    let pool_vault = chain
        .create_ata(&Keypair::new().pubkey(), &env.mint, &env.token_program)
        .await;
    let route = env
        .open_route(
            &mut chain,
            keys::tags::AMM_FUND,
            pool_vault,
            1_000 * USDS,
            USDS,
        )
        .await;
    let g = env.govops.pubkey();
    let watched = route_accounts(&env, &route);
    let before = env.fingerprint(&mut chain, &watched).await;
    let c: Configurator = chain.account(&env.configurator).await;
    assert_err(
        chain
            .send(
                &[ix::schedule_op(
                    &g,
                    c.next_op_id,
                    TimelockAction::AddIntegration {
                        controller: env.controller,
                        signer: g,
                        key: route.key,
                    },
                )],
                &[&env.govops],
            )
            .await,
        PauError::NotAdmin,
    );
    // drawing with the wallet directly: it has no integration account
    assert_err(
        chain
            .send(&[ix::draw(&g, &route, 100 * USDS)], &[&env.govops])
            .await,
        AnchorError::AccountNotInitialized,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    assert!(chain
        .raw_account(&pda::integration(&env.controller, &g))
        .await
        .is_none());
}

#[tokio::test]
async fn execute_add_integration_ok_creates_then_adds_keys_after_the_timelock() {
    let (mut chain, env) = setup().await;
    let signer = Keypair::new().pubkey();
    let first = schedule(&mut chain, &env, signer, [1; 32]).await;
    let second = schedule(&mut chain, &env, signer, [2; 32]).await;
    // before the eta: refused, nothing created
    assert_err(
        chain
            .send(&[execute(&chain, &env, first, signer)], &[])
            .await,
        PauError::TimelockNotElapsed,
    );
    env.pass_timelock(&mut chain).await;
    let i = execute(&chain, &env, first, signer);
    chain.must(&[i], &[]).await;
    let i = execute(&chain, &env, second, signer);
    chain.must(&[i], &[]).await;
    let n: Integration = chain
        .account(&pda::integration(&env.controller, &signer))
        .await;
    assert_eq!(
        (n.signer, n.controller, n.key_count),
        (signer, env.controller, 2)
    );
    assert!(n.allows(&[1; 32]) && n.allows(&[2; 32]) && !n.allows(&[3; 32]));
    assert_eq!(n.last_op_id, second);
    let op: TimelockOp = chain.account(&pda::op(&env.configurator, second)).await;
    assert_eq!(op.status, OpStatus::Executed);
}

#[tokio::test]
async fn execute_add_integration_fails_on_a_key_it_has_a_ninth_key_or_bad_arguments() {
    let (mut chain, env) = setup().await;
    let signer = Keypair::new().pubkey();
    let mut ops = Vec::new();
    for k in 0..9u8 {
        ops.push(schedule(&mut chain, &env, signer, [k + 1; 32]).await);
    }
    let dup = schedule(&mut chain, &env, signer, [1; 32]).await;
    let config = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: 7_200 })
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    for op in &ops[..8] {
        let i = execute(&chain, &env, *op, signer);
        chain.must(&[i], &[]).await;
    }
    let addr = pda::integration(&env.controller, &signer);
    let watched = [
        addr,
        pda::op(&env.configurator, ops[8]),
        pda::op(&env.configurator, dup),
    ];
    let before = env.fingerprint(&mut chain, &watched).await;
    assert_err(
        chain
            .send(&[execute(&chain, &env, ops[8], signer)], &[])
            .await,
        PauError::TooManyIntegrationKeys,
    );
    assert_err(
        chain.send(&[execute(&chain, &env, dup, signer)], &[]).await,
        PauError::IntegrationKeyExists,
    );
    // another signer than the op's
    let other = Keypair::new().pubkey();
    assert_err(
        chain.send(&[execute(&chain, &env, dup, other)], &[]).await,
        PauError::OpTargetMismatch,
    );
    // another kind of op
    assert_err(
        chain
            .send(&[execute(&chain, &env, config, signer)], &[])
            .await,
        PauError::WrongOpKind,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    // scheduling a default signer or an empty key is refused at once
    let c: Configurator = chain.account(&env.configurator).await;
    let a = env.admin.pubkey();
    for (signer, key, e) in [
        (Pubkey::default(), [1; 32], PauError::InvalidRoleKey),
        (signer, [0; 32], PauError::InvalidIntegrationKeys),
    ] {
        assert_err(
            chain
                .send(
                    &[ix::schedule_op(
                        &a,
                        c.next_op_id,
                        TimelockAction::AddIntegration {
                            controller: env.controller,
                            signer,
                            key,
                        },
                    )],
                    &[&env.admin],
                )
                .await,
            e,
        );
    }
}

#[tokio::test]
async fn execute_add_integration_fails_on_an_unregistered_pau_or_another_pau() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let signer = Keypair::new().pubkey();
    let op = schedule(&mut chain, &env, signer, [1; 32]).await;
    env.pass_timelock(&mut chain).await;
    // executed against PAU 1
    let i = ix::execute_add_integration(&chain.payer_key(), op, &other.controller, signer);
    assert_err(chain.send(&[i], &[]).await, PauError::OpTargetMismatch);
    let a = env.admin.pubkey();
    chain
        .must(&[ix::unregister_pau(&a, &env.controller)], &[&env.admin])
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain.send(&[execute(&chain, &env, op, signer)], &[]).await,
        PauError::PauNotRegistered,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

/// Finding 3: an addition left scheduled must not undo an instant removal. The admin
/// removes an integration; a duplicate `AddIntegration` scheduled before the removal can
/// no longer be executed, while one scheduled after it can.
#[tokio::test]
async fn execute_add_integration_fails_when_scheduled_before_the_integrations_removal() {
    let (mut chain, env) = setup().await;
    let signer = Keypair::new().pubkey();
    let first = schedule(&mut chain, &env, signer, [1; 32]).await;
    let duplicate = schedule(&mut chain, &env, signer, [1; 32]).await;
    env.pass_timelock(&mut chain).await;
    let i = execute(&chain, &env, first, signer);
    chain.must(&[i], &[]).await;
    let g = env.govops.pubkey();
    chain
        .must(
            &[ix::remove_integration(&g, &env.controller, &signer)],
            &[&env.govops],
        )
        .await;
    let addr = pda::integration(&env.controller, &signer);
    assert!(chain.raw_account(&addr).await.is_none());
    let before = env.fingerprint(&mut chain, &[addr]).await;
    assert_err(
        chain
            .send(&[execute(&chain, &env, duplicate, signer)], &[])
            .await,
        PauError::OpInvalidatedByRemoval,
    );
    assert_eq!(env.fingerprint(&mut chain, &[addr]).await, before);
    // a fresh addition after the removal goes through
    let again = schedule(&mut chain, &env, signer, [1; 32]).await;
    env.pass_timelock(&mut chain).await;
    let i = execute(&chain, &env, again, signer);
    chain.must(&[i], &[]).await;
    let n: Integration = chain.account(&addr).await;
    assert_eq!(n.key_count, 1);
}

#[tokio::test]
async fn execute_add_integration_ok_when_someone_prefunded_its_address() {
    let (mut chain, env) = setup().await;
    let signer = Keypair::new().pubkey();
    let addr = pda::integration(&env.controller, &signer);
    let payer = chain.payer_key();
    let lamports = chain.rent(0).await;
    chain
        .must(
            &[anchor_lang::solana_program::system_instruction::transfer(
                &payer, &addr, lamports,
            )],
            &[],
        )
        .await;
    let op = schedule(&mut chain, &env, signer, [1; 32]).await;
    env.pass_timelock(&mut chain).await;
    let i = execute(&chain, &env, op, signer);
    chain.must(&[i], &[]).await;
    let n: Integration = chain.account(&addr).await;
    assert_eq!(n.key_count, 1);
}
