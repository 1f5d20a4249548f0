use crate::common::*;

#[tokio::test]
async fn initialize_controller_ok_is_inert_until_registered() {
    let (mut chain, env) = setup().await;
    let a = env.admin.pubkey();
    chain
        .must(&[ix::initialize_controller(&a, 9)], &[&env.admin])
        .await;
    let addr = pda::controller(&env.configurator, 9);
    let c: Controller = chain.account(&addr).await;
    assert_eq!(c.pau_id, 9);
    assert!(!c.registered && !c.frozen);
    assert_eq!(c.relayer, Pubkey::default());
    let (proxy, bump) = Pubkey::find_program_address(&[SEED_PROXY, addr.as_ref()], &halo_pau::ID);
    assert_eq!(proxy, pda::proxy(&addr));
    assert_eq!(c.proxy_bump, bump, "canonical bump stored");
}

#[tokio::test]
async fn initialize_controller_fails_when_not_admin_or_existing() {
    let (mut chain, env) = setup().await;
    let g = env.govops.pubkey();
    let addr = pda::controller(&env.configurator, 9);
    assert_err(
        chain
            .send(&[ix::initialize_controller(&g, 9)], &[&env.govops])
            .await,
        PauError::NotAdmin,
    );
    assert!(chain.raw_account(&addr).await.is_none());
    // re-initialising PAU 0 (registered, with roles) must fail and change nothing
    let before = env.fingerprint(&mut chain, &[]).await;
    let a = env.admin.pubkey();
    assert_failed(
        chain
            .send(&[ix::initialize_controller(&a, 0)], &[&env.admin])
            .await,
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}
