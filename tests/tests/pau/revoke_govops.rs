use crate::common::*;

#[tokio::test]
async fn revoke_govops_is_instant() {
    let (mut chain, env) = setup().await;
    let a = env.admin.pubkey();
    let g = env.govops.pubkey();
    chain
        .must(&[ix::revoke_govops(&a, &env.controller, &g)], &[&env.admin])
        .await;
    assert!(chain
        .raw_account(&pda::govops(&env.controller, &g))
        .await
        .is_none());
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain
            .send(&[ix::set_relayer(&g, &env.controller, g)], &[&env.govops])
            .await,
        AnchorError::AccountNotInitialized,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

#[tokio::test]
async fn revoke_govops_fails_when_not_admin_or_for_another_pau() {
    let (mut chain, env) = setup().await;
    let other = second_pau(&mut chain, &env).await;
    let g = env.govops.pubkey();
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain
            .send(
                &[ix::revoke_govops(&g, &env.controller, &g)],
                &[&env.govops],
            )
            .await,
        PauError::NotAdmin,
    );
    // PAU 1's membership passed with PAU 0's controller: the seeds do not match
    let a = env.admin.pubkey();
    let i = swap_account(
        ix::revoke_govops(&a, &env.controller, &g),
        &pda::govops(&env.controller, &g),
        &pda::govops(&other.controller, &other.govops.pubkey()),
    );
    assert_err(
        chain.send(&[i], &[&env.admin]).await,
        AnchorError::ConstraintSeeds,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

/// Finding 3: a duplicate `GrantGovOps` left scheduled is executed by anyone after the
/// matching instant revocation, undoing it. The revocation now invalidates every grant
/// of that member scheduled before it.
#[tokio::test]
async fn revoke_govops_invalidates_a_duplicate_grant_scheduled_before_it() {
    let (mut chain, env) = setup().await;
    let g = env.govops.pubkey();
    let grant = TimelockAction::GrantGovOps {
        controller: env.controller,
        member: g,
    };
    let duplicate = env.schedule(&mut chain, grant).await.unwrap();
    let a = env.admin.pubkey();
    chain
        .must(&[ix::revoke_govops(&a, &env.controller, &g)], &[&env.admin])
        .await;
    env.pass_timelock(&mut chain).await;
    let membership = pda::govops(&env.controller, &g);
    let watched = [membership, pda::op(&env.configurator, duplicate)];
    let before = env.fingerprint(&mut chain, &watched).await;
    let payer = chain.payer_key();
    assert_err(
        chain
            .send(
                &[ix::execute_grant_govops(
                    &payer,
                    duplicate,
                    &env.controller,
                    g,
                )],
                &[],
            )
            .await,
        PauError::OpInvalidatedByRemoval,
    );
    assert_eq!(env.fingerprint(&mut chain, &watched).await, before);
    // a grant scheduled after the revocation is a new decision and goes through
    let again = env.schedule(&mut chain, grant).await.unwrap();
    env.pass_timelock(&mut chain).await;
    chain
        .must(
            &[ix::execute_grant_govops(&payer, again, &env.controller, g)],
            &[],
        )
        .await;
    assert!(chain.raw_account(&membership).await.is_some());
}

#[tokio::test]
async fn revoke_govops_ok_when_someone_prefunded_the_removal_record() {
    let (mut chain, env) = setup().await;
    let g = env.govops.pubkey();
    let record = pda::govops_removal(&env.configurator, &env.controller, &g);
    let payer = chain.payer_key();
    let lamports = chain.rent(0).await;
    chain
        .must(
            &[anchor_lang::solana_program::system_instruction::transfer(
                &payer, &record, lamports,
            )],
            &[],
        )
        .await;
    let a = env.admin.pubkey();
    chain
        .must(&[ix::revoke_govops(&a, &env.controller, &g)], &[&env.admin])
        .await;
    let r: Removal = chain.account(&record).await;
    let c: Configurator = chain.account(&env.configurator).await;
    assert_eq!((r.valid_from_op_id, r.removals), (c.next_op_id, 1));
}
