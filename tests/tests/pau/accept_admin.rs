use crate::common::*;

#[tokio::test]
async fn accept_admin_ok_after_a_timelocked_transfer() {
    let (mut chain, env) = setup().await;
    let new_admin = chain.funded_keypair(1_000_000_000).await;
    let id = env
        .schedule(
            &mut chain,
            TimelockAction::TransferAdmin {
                new_admin: new_admin.pubkey(),
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(&[ix::execute_config_change(&payer, id)], &[])
        .await;
    let c: Configurator = chain.account(&env.configurator).await;
    assert_eq!(
        (c.admin, c.pending_admin),
        (env.admin.pubkey(), new_admin.pubkey())
    );
    let k = new_admin.pubkey();
    chain.must(&[ix::accept_admin(&k)], &[&new_admin]).await;
    let c: Configurator = chain.account(&env.configurator).await;
    assert_eq!((c.admin, c.pending_admin), (k, Pubkey::default()));
    // the old admin lost its powers
    let old = env.admin.pubkey();
    assert_err(
        chain
            .send(&[ix::set_timelock_paused(&old, true)], &[&env.admin])
            .await,
        PauError::NotAdmin,
    );
}

#[tokio::test]
async fn accept_admin_fails_for_anyone_but_the_pending_admin() {
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    // nobody pending
    let g = env.govops.pubkey();
    assert_err(
        chain.send(&[ix::accept_admin(&g)], &[&env.govops]).await,
        PauError::NotPendingAdmin,
    );
    // someone pending, another key tries
    let id = env
        .schedule(
            &mut chain,
            TimelockAction::TransferAdmin {
                new_admin: Keypair::new().pubkey(),
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(&[ix::execute_config_change(&payer, id)], &[])
        .await;
    let mid = env.fingerprint(&mut chain, &[]).await;
    assert_ne!(mid, before);
    assert_err(
        chain.send(&[ix::accept_admin(&g)], &[&env.govops]).await,
        PauError::NotPendingAdmin,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, mid);
}

/// Review finding: after an admin hand-over, an older `TransferAdmin` proposal to a third
/// key stayed executable, and that key could execute and accept it in one transaction
/// before the new admin could clear it. Accepting invalidates every earlier proposal.
#[tokio::test]
async fn accept_admin_invalidates_older_admin_proposals() {
    let (mut chain, env) = setup().await;
    let b = chain.funded_keypair(1_000_000_000).await;
    let c = chain.funded_keypair(1_000_000_000).await;
    let to_b = env
        .schedule(
            &mut chain,
            TimelockAction::TransferAdmin {
                new_admin: b.pubkey(),
            },
        )
        .await
        .unwrap();
    let to_c = env
        .schedule(
            &mut chain,
            TimelockAction::TransferAdmin {
                new_admin: c.pubkey(),
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let payer = chain.payer_key();
    chain
        .must(&[ix::execute_config_change(&payer, to_b)], &[])
        .await;
    chain.must(&[ix::accept_admin(&b.pubkey())], &[&b]).await;
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_err(
        chain
            .send(
                &[
                    ix::execute_config_change(&payer, to_c),
                    ix::accept_admin(&c.pubkey()),
                ],
                &[&c],
            )
            .await,
        PauError::OpInvalidatedByRemoval,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
    let cfg: Configurator = chain.account(&env.configurator).await;
    assert_eq!(cfg.admin, b.pubkey());
}
