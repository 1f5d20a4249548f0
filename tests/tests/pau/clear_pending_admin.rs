use crate::common::*;

/// A `TransferAdmin` to `to` scheduled (twice) and the first executed: `to` is pending.
async fn pending_admin(chain: &mut Chain, env: &PauEnv, to: Pubkey) -> u64 {
    let act = TimelockAction::TransferAdmin { new_admin: to };
    let first = env.schedule(chain, act).await.unwrap();
    let duplicate = env.schedule(chain, act).await.unwrap();
    env.pass_timelock(chain).await;
    let payer = chain.payer_key();
    chain
        .must(&[ix::execute_config_change(&payer, first)], &[])
        .await;
    duplicate
}

/// Finding 4: an executed pending admin could not be withdrawn, so a mistaken or
/// compromised proposal stayed acceptable forever.
#[tokio::test]
async fn clear_pending_admin_ok_withdraws_an_executed_proposal() {
    let (mut chain, env) = setup().await;
    let proposed = chain.funded_keypair(1_000_000_000).await;
    let duplicate = pending_admin(&mut chain, &env, proposed.pubkey()).await;
    let a = env.admin.pubkey();
    chain
        .must(&[ix::clear_pending_admin(&a)], &[&env.admin])
        .await;
    let c: Configurator = chain.account(&env.configurator).await;
    assert_eq!(c.pending_admin, Pubkey::default());
    assert_eq!(c.admin, a);
    let before = env.fingerprint(&mut chain, &[]).await;
    // the proposed key can no longer accept
    assert_err(
        chain
            .send(&[ix::accept_admin(&proposed.pubkey())], &[&proposed])
            .await,
        PauError::NotPendingAdmin,
    );
    // and the duplicate proposal scheduled before the clear cannot bring it back
    let payer = chain.payer_key();
    assert_err(
        chain
            .send(&[ix::execute_config_change(&payer, duplicate)], &[])
            .await,
        PauError::OpInvalidatedByRemoval,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

#[tokio::test]
async fn clear_pending_admin_fails_when_not_admin_or_nothing_pending() {
    let (mut chain, env) = setup().await;
    let a = env.admin.pubkey();
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain
            .send(&[ix::clear_pending_admin(&a)], &[&env.admin])
            .await,
        PauError::NoPendingAdmin,
    );
    let proposed = Keypair::new().pubkey();
    pending_admin(&mut chain, &env, proposed).await;
    let before_pending = env.fingerprint(&mut chain, &[]).await;
    let g = env.govops.pubkey();
    assert_err(
        chain
            .send(&[ix::clear_pending_admin(&g)], &[&env.govops])
            .await,
        PauError::NotAdmin,
    );
    assert_failed(
        chain
            .send(&[unsigned(ix::clear_pending_admin(&a), &a)], &[])
            .await,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before_pending);
    assert_ne!(before, before_pending);
}
