//! Shared imports and small helpers for the instruction modules.
pub use anchor_lang::error::ErrorCode as AnchorError;
pub use anchor_lang::prelude::Pubkey;
pub use anchor_lang::Space;
pub use halo_harness::*;
pub use halo_oracle::{constants::*, errors::OracleError};
pub use halo_sdk::oracle::{self as ix, CreateFeedArgs, Feed};

pub use halo_harness::oracle::{feed_args as args, DECIMALS, FEED_ID, MAX_MOVE, NAV, SOL};

pub type Env = OracleEnv;

pub async fn setup() -> (Chain, Env) {
    let mut chain = Chain::new().await;
    let env = OracleEnv::bootstrap(&mut chain).await;
    (chain, env)
}

pub async fn later(chain: &mut Chain, seconds: i64) -> i64 {
    chain.advance(seconds).await;
    chain.now().await
}

/// Asserts that two feeds hold the same state, every field at once.
#[track_caller]
pub fn assert_same(got: &Feed, expected: &Feed) {
    assert_eq!(format!("{got:#?}"), format!("{expected:#?}"));
}

/// A byte-for-byte copy of `env`'s feed naming `attacker` as governance and sole reporter,
/// held by an account owned by another program (the PAU): the look-alike feed attack.
pub async fn forged_feed(chain: &mut Chain, env: &Env, attacker: &Pubkey) -> Pubkey {
    let mut f = env.state(chain).await;
    f.governance = *attacker;
    f.reporters = [Pubkey::default(); MAX_REPORTERS];
    f.reporters[0] = *attacker;
    f.reporter_count = 1;
    let mut data = Vec::new();
    anchor_lang::AccountSerialize::try_serialize(&f, &mut data).expect("serialize feed");
    let real = chain.raw_account(&env.feed).await.expect("feed");
    assert_eq!(data.len(), real.data.len());
    let fake = Keypair::new().pubkey();
    chain
        .set_account(
            &fake,
            RawAccount {
                lamports: real.lamports,
                owner: halo_pau::ID,
                data,
            },
        )
        .await;
    fake
}
