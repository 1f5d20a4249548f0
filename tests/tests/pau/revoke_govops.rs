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
    assert_anchor_err(
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
    assert_pau_err(
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
    assert_anchor_err(
        chain.send(&[i], &[&env.admin]).await,
        AnchorError::ConstraintSeeds,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
