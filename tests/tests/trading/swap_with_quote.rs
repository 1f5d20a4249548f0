//! `swap_with_quote`: RFQ fills of beacon-signed quotes, tighter than the AMM but never
//! inside governance's bound, single-use, for the named user and pool only.
use crate::common::*;
use halo_sdk::trading::RfqQuote;

async fn quote(
    chain: &mut Chain,
    env: &TradingEnv,
    u: &Trader,
    side: Side,
    asset_amount: u64,
    quote_amount: u64,
    nonce: u64,
) -> RfqQuote {
    RfqQuote {
        pool: env.pool.pool,
        user: u.key.pubkey(),
        side,
        asset_amount,
        quote_amount,
        expiry: chain.now().await + 60,
        nonce,
    }
}

fn signed(env: &TradingEnv, u: &Trader, q: RfqQuote) -> [halo_sdk::Instruction; 2] {
    tx::signed_quote(
        &env.beacon,
        &halo_harness::trading::LOCAL_RFQ_DOMAIN,
        &u.key.pubkey(),
        &env.pool,
        &u.asset,
        &u.quote,
        q,
    )
}

#[tokio::test]
async fn swap_with_quote_ok_fills_tighter_than_the_amm_both_ways() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 200_000 * UNIT, 200_000 * UNIT).await;
    // the AMM pays 99,950 for 100K; the beacon quotes 99,980 (2 bps, bound 1 bps)
    let q = quote(
        &mut chain,
        &env,
        &u,
        Side::SellAsset,
        100_000 * UNIT,
        99_980 * UNIT,
        1,
    )
    .await;
    chain.must(&signed(&env, &u, q), &[&u.key]).await;
    assert_eq!(chain.balance(&u.quote).await, 299_980 * UNIT);
    let r: tx::QuoteReceipt = chain
        .account(&halo_sdk::pda::quote_receipt(&env.pool.pool, 1))
        .await;
    assert_eq!((r.user, r.nonce), (u.key.pubkey(), 1));
    // and sells 50K at 1.0002 (AMM: 1.0005)
    let q = quote(
        &mut chain,
        &env,
        &u,
        Side::BuyAsset,
        50_000 * UNIT,
        50_010 * UNIT,
        2,
    )
    .await;
    chain.must(&signed(&env, &u, q), &[&u.key]).await;
    assert_eq!(chain.balance(&u.asset).await, 150_000 * UNIT);
    let p = env.state(&mut chain).await;
    assert_eq!(p.spread_earned, u128::from(30 * UNIT));
    assert_eq!(p.swaps, 2);
    env.check_books(&mut chain).await;
}

#[tokio::test]
async fn swap_with_quote_fails_when_the_quote_is_invalid_and_changes_nothing() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 10_000 * UNIT, 10_000 * UNIT).await;
    let ex = [
        u.asset,
        u.quote,
        halo_sdk::pda::quote_receipt(&env.pool.pool, 7),
    ];
    let good = quote(
        &mut chain,
        &env,
        &u,
        Side::SellAsset,
        1_000 * UNIT,
        999 * UNIT,
        7,
    )
    .await;

    // inside the bound: 1 bps is the least the pool may earn
    let mut q = good;
    q.quote_amount = 999_900_001;
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &signed(&env, &u, q),
        &[&u.key],
        TradingError::QuoteOutsideBounds,
    )
    .await;
    // no verification instruction
    let [_, fill] = signed(&env, &u, good);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        std::slice::from_ref(&fill),
        &[&u.key],
        TradingError::QuoteSignatureMissing,
    )
    .await;
    // signed by someone other than the beacon
    let imposter = Keypair::new();
    let forged = tx::signed_quote(
        &imposter,
        &halo_harness::trading::LOCAL_RFQ_DOMAIN,
        &u.key.pubkey(),
        &env.pool,
        &u.asset,
        &u.quote,
        good,
    );
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &forged,
        &[&u.key],
        TradingError::QuoteSignatureMissing,
    )
    .await;
    // the user changes the signed amount
    let [verify, _] = signed(&env, &u, good);
    let mut bigger = good;
    bigger.quote_amount = 999_500_000;
    let fill = tx::swap_with_quote(&u.key.pubkey(), &env.pool, &u.asset, &u.quote, bigger);
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &[verify, fill],
        &[&u.key],
        TradingError::QuoteSignatureMissing,
    )
    .await;
    // another user takes it
    let other = env.trader(&mut chain, 10_000 * UNIT, 0).await;
    let [verify, _] = signed(&env, &u, good);
    let mut fill = tx::swap_with_quote(
        &other.key.pubkey(),
        &env.pool,
        &other.asset,
        &other.quote,
        good,
    );
    for m in fill.accounts.iter_mut() {
        if m.pubkey == u.key.pubkey() {
            m.pubkey = other.key.pubkey();
        }
    }
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &[verify, fill],
        &[&other.key],
        TradingError::QuoteForAnotherUser,
    )
    .await;
    // expired
    let mut q = good;
    q.expiry = chain.now().await - 1;
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &signed(&env, &u, q),
        &[&u.key],
        TradingError::Expired,
    )
    .await;
    // RFQ off for this pool
    set_params(&mut chain, &env, |p| p.rfq_enabled = false).await;
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &signed(&env, &u, good),
        &[&u.key],
        TradingError::RfqDisabled,
    )
    .await;
    set_params(&mut chain, &env, |p| p.rfq_enabled = true).await;
    // the pool's ordinary checks apply: paused
    chain
        .must(
            &[tx::pause_pool(&env.freezer.pubkey(), &env.pool)],
            &[&env.freezer],
        )
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &ex,
        &signed(&env, &u, good),
        &[&u.key],
        TradingError::PoolPaused,
    )
    .await;
    chain
        .must(
            &[tx::resume_pool(&env.beacon_key(), &env.pool)],
            &[&env.beacon],
        )
        .await;
    // it fills once, then the nonce is spent
    chain.must(&signed(&env, &u, good), &[&u.key]).await;
    let again = signed(&env, &u, good);
    refused_unchanged(
        &mut chain,
        &env,
        &[u.asset, u.quote],
        &again,
        &[&u.key],
        TradingError::QuoteAlreadyUsed,
    )
    .await;
}

#[tokio::test]
async fn swap_with_quote_fails_when_the_quote_is_another_pools_but_fills_at_a_prefunded_receipt() {
    let (mut chain, env) = setup().await;
    let other = second_env(&mut chain, &env).await;
    env.refresh_price(&mut chain).await;
    let u = env.trader(&mut chain, 10_000 * UNIT, 0).await;
    let mut q = quote(
        &mut chain,
        &env,
        &u,
        Side::SellAsset,
        1_000 * UNIT,
        999 * UNIT,
        3,
    )
    .await;
    q.pool = other.pool.pool;
    let ix = signed(&env, &u, q);
    let mut ix = ix.to_vec();
    // the receipt address follows the quoted pool; point it back at this pool's seeds
    ix[1] = swap_account(
        ix[1].clone(),
        &halo_sdk::pda::quote_receipt(&other.pool.pool, 3),
        &halo_sdk::pda::quote_receipt(&env.pool.pool, 3),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[u.asset, u.quote],
        &ix,
        &[&u.key],
        TradingError::QuoteForAnotherPool,
    )
    .await;
    // someone sends lamports to the next receipt's address: the quote still fills
    let receipt = halo_sdk::pda::quote_receipt(&env.pool.pool, 4);
    chain
        .must(
            &[anchor_lang::solana_program::system_instruction::transfer(
                &chain.payer_key(),
                &receipt,
                1_000_000,
            )],
            &[],
        )
        .await;
    let q = quote(
        &mut chain,
        &env,
        &u,
        Side::SellAsset,
        1_000 * UNIT,
        999 * UNIT,
        4,
    )
    .await;
    chain.must(&signed(&env, &u, q), &[&u.key]).await;
    let r: tx::QuoteReceipt = chain.account(&receipt).await;
    assert_eq!(r.nonce, 4);
}

/// Finding 17: an RFQ quote named the pool but not the cluster, so with the same beacon
/// key and class ids a quote signed for devnet filled on mainnet too. The signed message
/// now carries the class's cluster domain: a quote signed for another cluster is refused.
#[tokio::test]
async fn swap_with_quote_fails_when_the_quote_was_signed_for_another_cluster() {
    let (mut chain, env) = setup().await;
    let u = env.trader(&mut chain, 200_000 * UNIT, 0).await;
    let q = quote(
        &mut chain,
        &env,
        &u,
        Side::SellAsset,
        100_000 * UNIT,
        99_980 * UNIT,
        7,
    )
    .await;
    let other_cluster = [0x11u8; 32];
    let ixs = tx::signed_quote(
        &env.beacon,
        &other_cluster,
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
        TradingError::QuoteSignatureMissing,
    )
    .await;
    // governance moves the class to that domain: the quote is valid there, not before
    let g = env.governance.pubkey();
    chain
        .must(
            &[tx::set_rfq_domain(&g, &env.pool.class, other_cluster)],
            &[&env.governance],
        )
        .await;
    chain.must(&ixs, &[&u.key]).await;
    assert_eq!(chain.balance(&u.quote).await, 99_980 * UNIT);
}
