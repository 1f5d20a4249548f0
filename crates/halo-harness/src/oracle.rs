//! The oracle fixture: one feed created by `governance`, with `reporter` approved.
use anchor_lang::prelude::Pubkey;
use halo_sdk::ledger::{Keypair, Ledger, RawAccount, Signer};
use halo_sdk::oracle::{self as ix, CreateFeedArgs, Feed};

pub const SOL: u64 = 1_000_000_000;
pub const FEED_ID: u64 = 7;
pub const DECIMALS: u8 = 6;
pub const MAX_MOVE: u16 = 500;
pub const NAV: u64 = 1_000_000;

pub struct OracleEnv {
    pub governance: Keypair,
    pub reporter: Keypair,
    pub feed: Pubkey,
}

/// The feed's creation arguments the fixture uses, for another `feed_id`.
pub fn feed_args(feed_id: u64) -> CreateFeedArgs {
    CreateFeedArgs {
        feed_id,
        decimals: DECIMALS,
        max_move_bps: MAX_MOVE,
        initial_value: NAV,
    }
}

impl OracleEnv {
    /// Creates the feed (id `FEED_ID`, NAV 1.00, 5 % max move) and approves a reporter.
    pub async fn bootstrap(chain: &mut impl Ledger) -> Self {
        let governance = chain.funded_keypair(10 * SOL).await;
        let reporter = chain.funded_keypair(SOL).await;
        let g = governance.pubkey();
        let feed = halo_sdk::pda::feed(&g, FEED_ID);
        chain
            .must(
                &[
                    ix::create_feed(&g, feed_args(FEED_ID)),
                    ix::add_reporter(&g, &feed, reporter.pubkey()),
                ],
                &[&governance],
            )
            .await;
        Self {
            governance,
            reporter,
            feed,
        }
    }

    pub async fn state(&self, chain: &mut impl Ledger) -> Feed {
        chain.account(&self.feed).await
    }
}

impl crate::vocab::Fixture for OracleEnv {
    /// The feed and both role keys, plus `extra`.
    async fn fingerprint(
        &self,
        chain: &mut impl Ledger,
        extra: &[Pubkey],
    ) -> Vec<Option<RawAccount>> {
        let mut all = vec![self.feed, self.governance.pubkey(), self.reporter.pubkey()];
        all.extend_from_slice(extra);
        chain.fingerprint(&all).await
    }
}
