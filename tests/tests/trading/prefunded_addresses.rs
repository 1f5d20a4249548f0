//! Finding 18: every account the Trading Halo creates at a predictable address (a class,
//! a pool with its book, vaults and first generation, an LP position, the next
//! withdrawal generation, the next redemption) is created even when someone pre-funded
//! that address; sequential ids can no longer be blocked.
use crate::common::*;
use halo_sdk::trading::{CreatePoolArgs, PoolRef, PriceSource};

#[tokio::test]
async fn create_pool_ok_when_every_address_was_prefunded_and_create_class_too() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let asset = chain.create_mint(MintKind::SplToken, 6).await;
    let r = PoolRef::new(
        env.pool.class,
        5,
        5,
        asset,
        env.pool.quote_mint,
        env.pool.price_account,
        env.pool.asset_token_program,
        env.pool.quote_token_program,
    );
    for a in [
        r.pool,
        r.book,
        r.asset_vault,
        r.quote_vault,
        halo_sdk::pda::generation(&r.pool, 0),
    ] {
        prefund(&mut chain, &a).await;
    }
    let mut params = halo_harness::trading::default_params();
    params.redemption_account = env.issuer_account;
    let args = CreatePoolArgs {
        unit_id: 5,
        book_id: 5,
        price_source: PriceSource::HaloFeed {
            feed: env.pool.price_account,
        },
        params,
    };
    chain
        .must(&[tx::create_pool(&g, &r, args)], &[&env.governance])
        .await;
    let p: tx::Pool = chain.account(&r.pool).await;
    assert_eq!(
        (p.asset_vault, p.quote_vault),
        (r.asset_vault, r.quote_vault)
    );
    // the vaults are real token accounts owned by the pool
    assert_eq!(chain.balance(&r.asset_vault).await, 0);
    let raw = chain.raw_account(&r.quote_vault).await.unwrap();
    let owner = Pubkey::try_from(&raw.data[32..64]).unwrap();
    assert_eq!(owner, r.pool);
    // a class at a pre-funded address
    let next_class = halo_sdk::pda::class(&g, 42);
    prefund(&mut chain, &next_class).await;
    chain
        .must(
            &[tx::create_class(
                &g,
                &env.pool.quote_mint,
                &env.link.controller,
                tx::CreateClassArgs {
                    class_id: 42,
                    beacon: env.beacon.pubkey(),
                    freezer: env.freezer.pubkey(),
                },
            )],
            &[&env.governance],
        )
        .await;
    let c: tx::TradingClass = chain.account(&next_class).await;
    assert_eq!(c.class_id, 42);
}

#[tokio::test]
async fn prefunded_addresses_ok_for_positions_the_withdrawal_queue_and_redemptions() {
    let (mut chain, env) = setup().await;
    // an LP position
    let t = env.trader(&mut chain, 0, 1_000 * UNIT).await;
    prefund(
        &mut chain,
        &halo_sdk::pda::position(&env.pool.pool, &t.key.pubkey()),
    )
    .await;
    let payer = chain.payer_key();
    chain
        .must(&[tx::open_position(&payer, &env.pool, t.key.pubkey())], &[])
        .await;
    chain
        .must(
            &[tx::deposit(
                &t.key.pubkey(),
                &env.pool,
                &t.quote,
                1_000 * UNIT,
                0,
            )],
            &[&t.key],
        )
        .await;
    // the next withdrawal generation: the queue cannot be stopped from rolling
    let g = open_gen(&mut chain, &env).await;
    prefund(
        &mut chain,
        &halo_sdk::pda::generation(&env.pool.pool, g + 1),
    )
    .await;
    request(&mut chain, &env, &t, 100).await;
    roll(&mut chain, &env).await;
    assert_eq!(open_gen(&mut chain, &env).await, g + 1);
    // the next redemption
    let id = env.state(&mut chain).await.next_redemption_id;
    prefund(&mut chain, &halo_sdk::pda::redemption(&env.pool.pool, id)).await;
    sent_for_redemption(&mut chain, &env, 1_000 * UNIT, id).await;
    let rd: tx::Redemption = chain
        .account(&halo_sdk::pda::redemption(&env.pool.pool, id))
        .await;
    assert_eq!(rd.status, tx::RedemptionStatus::Pending);
    env.check_books(&mut chain).await;
}
