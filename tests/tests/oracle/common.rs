//! Shared imports and small helpers for the instruction modules.
pub use anchor_lang::error::ErrorCode as AnchorError;
pub use anchor_lang::prelude::Pubkey;
pub use anchor_lang::Space;
pub use halo_harness::*;
pub use halo_oracle::{constants::*, errors::OracleError};
pub use halo_sdk::oracle::{self as ix, CreateFeedArgs, Feed};
pub use halo_sdk::Instruction;

pub const SOL: u64 = 1_000_000_000;
pub const FEED_ID: u64 = 7;
pub const DECIMALS: u8 = 6;
/// The fixture's move guard: 5 %.
pub const MAX_MOVE: u16 = 500;
/// The fixture's first NAV: 1.000000.
pub const NAV: u64 = 1_000_000;

/// A feed (`FEED_ID`, `NAV` at `MAX_MOVE`) created by `governance`, with `reporter`
/// approved.
pub struct Env {
    pub governance: Keypair,
    pub reporter: Keypair,
    pub feed: Pubkey,
}

impl Env {
    /// Lamports, owner and bytes of the feed, the governance, the reporter and `extra`.
    pub async fn fingerprint(
        &self,
        chain: &mut Chain,
        extra: &[Pubkey],
    ) -> Vec<Option<RawAccount>> {
        let mut all = vec![self.feed, self.governance.pubkey(), self.reporter.pubkey()];
        all.extend_from_slice(extra);
        chain.fingerprint(&all).await
    }

    pub async fn state(&self, chain: &mut Chain) -> Feed {
        chain.account(&self.feed).await
    }
}

pub fn args(feed_id: u64) -> CreateFeedArgs {
    CreateFeedArgs {
        feed_id,
        decimals: DECIMALS,
        max_move_bps: MAX_MOVE,
        initial_value: NAV,
    }
}

pub async fn setup() -> (Chain, Env) {
    let mut chain = Chain::new().await;
    let governance = chain.funded_keypair(10 * SOL).await;
    let reporter = chain.funded_keypair(SOL).await;
    let g = governance.pubkey();
    let feed = ix::feed_address(&g, FEED_ID);
    chain
        .must(
            &[
                ix::create_feed(&g, args(FEED_ID)),
                ix::add_reporter(&g, &feed, reporter.pubkey()),
            ],
            &[&governance],
        )
        .await;
    let env = Env {
        governance,
        reporter,
        feed,
    };
    (chain, env)
}

/// Moves the clock `seconds` forward and returns the new time.
pub async fn later(chain: &mut Chain, seconds: i64) -> i64 {
    chain.advance(seconds).await;
    chain.now().await
}

/// The instruction with `key`'s signature requirement removed (the missing-signer attack).
pub fn unsigned(mut ix: Instruction, key: &Pubkey) -> Instruction {
    for m in ix.accounts.iter_mut() {
        if m.pubkey == *key {
            m.is_signer = false;
        }
    }
    ix
}

/// The instruction with every occurrence of account `from` replaced by `to`.
pub fn swap_account(mut ix: Instruction, from: &Pubkey, to: &Pubkey) -> Instruction {
    for m in ix.accounts.iter_mut() {
        if m.pubkey == *from {
            m.pubkey = *to;
        }
    }
    ix
}

/// Asserts that two feeds hold the same state, every field at once.
#[track_caller]
pub fn assert_same(got: &Feed, expected: &Feed) {
    assert_eq!(format!("{got:#?}"), format!("{expected:#?}"));
}

/// Asserts the oracle refusal and that the feed, its roles and `extra` are unchanged.
pub async fn refused(
    chain: &mut Chain,
    env: &Env,
    extra: &[Pubkey],
    ix: Instruction,
    signers: &[&Keypair],
    e: OracleError,
) {
    let before = env.fingerprint(chain, extra).await;
    assert_oracle_err(chain.send(&[ix], signers).await, e);
    assert_eq!(env.fingerprint(chain, extra).await, before, "state changed");
}

/// Asserts one of Anchor's own refusals and that nothing watched changed.
pub async fn refused_by_anchor(
    chain: &mut Chain,
    env: &Env,
    extra: &[Pubkey],
    ix: Instruction,
    signers: &[&Keypair],
    e: AnchorError,
) {
    let before = env.fingerprint(chain, extra).await;
    assert_anchor_err(chain.send(&[ix], signers).await, e);
    assert_eq!(env.fingerprint(chain, extra).await, before, "state changed");
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
