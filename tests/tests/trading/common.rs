//! Shared imports and small helpers; fixtures live in `halo-harness`.
pub use anchor_lang::prelude::Pubkey;
pub use halo_harness::trading::{nav_to_pyth, Trader, UNIT};
pub use halo_harness::*;
pub use halo_sdk::trading::{self as tx, Side};
pub use halo_trading::errors::TradingError;

pub const DAY: i64 = 24 * 3600;

pub async fn setup() -> (Chain, TradingEnv) {
    setup_with(TradingOptions::default()).await
}

pub async fn setup_with(opts: TradingOptions) -> (Chain, TradingEnv) {
    let mut chain = Chain::new().await;
    let env = TradingEnv::bootstrap(&mut chain, opts).await;
    (chain, env)
}

/// A second class (on a second PAU, with its own governance, feed and pool): the "another
/// class's / pool's account" attacks.
pub async fn second_env(chain: &mut Chain, env: &TradingEnv) -> TradingEnv {
    let pau = PauEnv::bootstrap_pau(
        chain,
        env.pau.admin.insecure_clone(),
        PauOptions {
            pau_id: 1,
            ..PauOptions::default()
        },
    )
    .await;
    TradingEnv::bootstrap_on(chain, pau, TradingOptions::default(), 1).await
}

/// Governance replaces the pool's parameters.
pub async fn set_params(chain: &mut Chain, env: &TradingEnv, f: impl FnOnce(&mut tx::PoolParams)) {
    let mut p = env.state(chain).await.params;
    f(&mut p);
    chain
        .must(
            &[tx::set_pool_params(&env.governance.pubkey(), &env.pool, p)],
            &[&env.governance],
        )
        .await;
}

/// A swap instruction with an explicit bound and a one-minute expiry.
pub async fn swap_ix(
    chain: &mut Chain,
    env: &TradingEnv,
    t: &Trader,
    side: Side,
    exact_in: bool,
    amount: u64,
    limit: u64,
) -> halo_sdk::Instruction {
    let expiry = chain.now().await + 60;
    env.swap_ix(t, side, exact_in, amount, limit, expiry)
}

/// Another class on the same USDS and PAU, governed by a fresh key (no pools).
pub async fn sibling_class(chain: &mut Chain, env: &TradingEnv) -> Pubkey {
    let g = chain.funded_keypair(1_000_000_000).await;
    chain
        .must(
            &[tx::create_class(
                &g.pubkey(),
                &env.pool.quote_mint,
                &env.pau.controller,
                tx::CreateClassArgs {
                    class_id: 9,
                    beacon: env.beacon.pubkey(),
                    freezer: env.freezer.pubkey(),
                },
            )],
            &[&g],
        )
        .await;
    halo_sdk::pda::class(&g.pubkey(), 9)
}

pub async fn bought(chain: &mut Chain, env: &TradingEnv, amount: u64) {
    let u = env.trader(chain, amount, 0).await;
    env.swap(chain, &u, Side::SellAsset, true, amount)
        .await
        .expect("sell");
}

pub async fn open_gen(chain: &mut Chain, env: &TradingEnv) -> u64 {
    env.state(chain).await.queue_open_gen
}

pub async fn request(chain: &mut Chain, env: &TradingEnv, lp: &Trader, shares: u64) {
    let g = open_gen(chain, env).await;
    chain
        .must(
            &[tx::request_withdrawal(
                &lp.key.pubkey(),
                &env.pool,
                g,
                shares,
            )],
            &[&lp.key],
        )
        .await;
}

pub async fn roll(chain: &mut Chain, env: &TradingEnv) {
    let g = open_gen(chain, env).await;
    chain
        .must(
            &[tx::roll_withdrawals(&env.beacon_key(), &env.pool, g)],
            &[&env.beacon],
        )
        .await;
}

pub async fn settle(chain: &mut Chain, env: &TradingEnv, max: u64) -> Result<Receipt, Refusal> {
    let g = env.state(chain).await.queue_settling_gen;
    chain
        .send(
            &[tx::settle_withdrawals(&env.beacon_key(), &env.pool, g, max)],
            &[&env.beacon],
        )
        .await
}

pub async fn claim(chain: &mut Chain, env: &TradingEnv, lp: &Trader) -> Result<Receipt, Refusal> {
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &lp.key.pubkey()))
        .await;
    chain
        .send(
            &[tx::claim_withdrawal(
                &lp.key.pubkey(),
                &env.pool,
                pos.queue_gen,
                &lp.quote,
            )],
            &[&lp.key],
        )
        .await
}

/// The pool buys `amount` of the asset and the beacon sends it all to the issuer:
/// redemption `id` (the pool's `next_redemption_id`), pending.
pub async fn sent_for_redemption(chain: &mut Chain, env: &TradingEnv, amount: u64, id: u64) {
    bought(chain, env, amount).await;
    let b = env.beacon_key();
    chain
        .must(
            &[tx::start_redemption(
                &b,
                &env.pool,
                &env.issuer_account,
                id,
                amount,
            )],
            &[&env.beacon],
        )
        .await;
}
