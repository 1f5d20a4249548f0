//! Shared imports and small helpers; fixtures live in `halo-harness`.
pub use anchor_lang::prelude::Pubkey;
pub use halo_harness::trading::{default_params, nav_to_pyth, Trader, NO_LIMIT, UNIT};
pub use halo_harness::*;
pub use halo_sdk::trading::{self as tx, SwapSide};
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

/// Asserts the refusal and that nothing the pool, the PAU or `extra` hold changed.
pub async fn refused_unchanged(
    chain: &mut Chain,
    env: &TradingEnv,
    extra: &[Pubkey],
    ixs: &[halo_sdk::Instruction],
    signers: &[&Keypair],
    e: TradingError,
) {
    let before = env.fingerprint(chain, extra).await;
    assert_trading_err(chain.send(ixs, signers).await, e);
    assert_eq!(before, env.fingerprint(chain, extra).await, "state changed");
}
