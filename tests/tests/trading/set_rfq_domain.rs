//! `set_rfq_domain`: the cluster RFQ quotes are signed for.
use crate::common::*;

#[tokio::test]
async fn set_rfq_domain_ok_and_refused_for_a_non_governor_or_an_empty_domain() {
    let (mut chain, env) = setup().await;
    let class = env.pool.class;
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::set_rfq_domain(&g, &class, [5; 32])],
            &[&env.governance],
        )
        .await;
    let c: tx::TradingClass = chain.account(&class).await;
    assert_eq!(c.rfq_domain, [5; 32]);
    for who in [&env.beacon, &env.freezer] {
        let ix = tx::set_rfq_domain(&who.pubkey(), &class, [6; 32]);
        refused_unchanged(
            &mut chain,
            &env,
            &[class],
            &[ix],
            &[who],
            TradingError::NotGovernance,
        )
        .await;
    }
    let ix = tx::set_rfq_domain(&g, &class, [0; 32]);
    refused_unchanged(
        &mut chain,
        &env,
        &[class],
        &[ix],
        &[&env.governance],
        TradingError::RfqDomainNotSet,
    )
    .await;
}

#[tokio::test]
async fn swap_with_quote_fails_when_the_class_has_no_rfq_domain() {
    // a class whose governance never set the domain (zeroed by hand here)
    let (mut chain, env) = setup().await;
    let mut raw = chain.raw_account(&env.pool.class).await.unwrap();
    let mut c: tx::TradingClass =
        anchor_lang::AccountDeserialize::try_deserialize(&mut &raw.data[..]).unwrap();
    c.rfq_domain = [0; 32];
    let mut data = Vec::new();
    anchor_lang::AccountSerialize::try_serialize(&c, &mut data).unwrap();
    raw.data[..data.len()].copy_from_slice(&data);
    chain.set_account(&env.pool.class, raw).await;
    let u = env.trader(&mut chain, 1_000 * UNIT, 0).await;
    let q = tx::RfqQuote {
        pool: env.pool.pool,
        user: u.key.pubkey(),
        side: Side::SellAsset,
        asset_amount: 1_000 * UNIT,
        quote_amount: 999 * UNIT,
        expiry: chain.now().await + 60,
        nonce: 1,
    };
    let ixs = tx::signed_quote(
        &env.beacon,
        &[0; 32],
        &u.key.pubkey(),
        &env.pool,
        &u.asset,
        &u.quote,
        q,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[u.asset, u.quote],
        &ixs,
        &[&u.key],
        TradingError::RfqDomainNotSet,
    )
    .await;
}
