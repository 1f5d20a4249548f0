//! `create_class`: the signer becomes governance; a class cannot be created twice.
use crate::common::*;

#[tokio::test]
async fn create_class_ok_the_signer_governs_it() {
    let (mut chain, _env) = setup().await;
    let g = chain.funded_keypair(1_000_000_000).await;
    chain.must(&[tx::create_class(&g.pubkey(), 7)], &[&g]).await;
    let c: tx::LctsClass = chain
        .account(&halo_sdk::pda::lcts_class(&g.pubkey(), 7))
        .await;
    assert_eq!((c.governance, c.class_id, c.unit_count), (g.pubkey(), 7, 0));
}

#[tokio::test]
async fn create_class_fails_when_it_exists_and_ok_when_prefunded() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_failed(
        chain
            .send(&[tx::create_class(&g, 0)], &[&env.governance])
            .await,
    );
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
    let class = halo_sdk::pda::lcts_class(&g, 1);
    prefund(&mut chain, &class).await;
    chain
        .must(&[tx::create_class(&g, 1)], &[&env.governance])
        .await;
    let c: tx::LctsClass = chain.account(&class).await;
    assert_eq!(c.governance, g);
}
