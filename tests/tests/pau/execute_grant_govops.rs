use crate::common::*;

#[tokio::test]
async fn execute_grant_govops_ok_and_the_member_can_act() {
    let (mut chain, env) = setup().await;
    let member = chain.funded_keypair(1_000_000_000).await;
    let id = env
        .schedule(
            &mut chain,
            TimelockAction::GrantGovOps {
                controller: env.controller,
                member: member.pubkey(),
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(
            &[ix::execute_grant_govops(
                &payer,
                id,
                &env.controller,
                member.pubkey(),
            )],
            &[],
        )
        .await;
    let m: GovOpsMembership = chain
        .account(&pda::govops(&env.controller, &member.pubkey()))
        .await;
    assert_eq!(
        (m.controller, m.member, m.op_id),
        (env.controller, member.pubkey(), id)
    );
    let k = member.pubkey();
    chain
        .must(&[ix::set_freezer(&k, &env.controller, k)], &[&member])
        .await;
}

#[tokio::test]
async fn execute_grant_govops_fails_for_another_member_or_pau() {
    let (mut chain, env) = setup().await;
    let other_pau = second_pau(&mut chain, &env).await;
    let member = Keypair::new().pubkey();
    let id = env
        .schedule(
            &mut chain,
            TimelockAction::GrantGovOps {
                controller: env.controller,
                member,
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    let watched = [
        pda::govops(&env.controller, &Keypair::new().pubkey()),
        pda::govops(&other_pau.controller, &member),
        pda::op(&env.configurator, id),
    ];
    let before = chain.fingerprint(&watched).await;
    assert_err(
        chain
            .send(
                &[ix::execute_grant_govops(
                    &payer,
                    id,
                    &env.controller,
                    Keypair::new().pubkey(),
                )],
                &[],
            )
            .await,
        PauError::OpTargetMismatch,
    );
    assert_err(
        chain
            .send(
                &[ix::execute_grant_govops(
                    &payer,
                    id,
                    &other_pau.controller,
                    member,
                )],
                &[],
            )
            .await,
        PauError::OpTargetMismatch,
    );
    assert_eq!(chain.fingerprint(&watched).await, before);
}

#[tokio::test]
async fn execute_grant_govops_fails_early_paused_cancelled_twice_or_on_another_kind() {
    let (mut chain, env) = setup().await;
    let member = Keypair::new().pubkey();
    let grant = TimelockAction::GrantGovOps {
        controller: env.controller,
        member,
    };
    let id = env.schedule(&mut chain, grant).await.unwrap();
    let cancelled = env.schedule(&mut chain, grant).await.unwrap();
    let other_kind = env
        .schedule(&mut chain, TimelockAction::SetSorlHop { seconds: DAY })
        .await
        .unwrap();
    let admin = env.admin.pubkey();
    chain
        .must(&[ix::cancel_op(&admin, cancelled)], &[&env.admin])
        .await;
    let payer = chain.payer_key();
    let exec = |op| ix::execute_grant_govops(&payer, op, &env.controller, member);
    let membership = pda::govops(&env.controller, &member);
    let before = env.fingerprint(&mut chain, &[membership]).await;
    assert_err(
        chain.send(&[exec(id)], &[]).await,
        PauError::TimelockNotElapsed,
    );
    env.pass_timelock(&mut chain).await;
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
    assert_eq!(env.fingerprint(&mut chain, &[membership]).await, before);
    chain.must(&[exec(id)], &[]).await;
    // executing again: the membership exists, so the account creation fails first
    assert_failed(chain.send(&[exec(id)], &[]).await);
}
