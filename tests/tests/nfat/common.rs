//! Shared imports and small helpers; fixtures live in `halo-harness`.
pub use anchor_lang::prelude::Pubkey;
pub use halo_harness::nfat::{default_buybox, terms, MILLION, UNIT};
pub use halo_harness::*;
pub use halo_nfat::errors::NfatError;
pub use halo_nfat_hook::errors::HookError;
pub use halo_sdk::nfat::{
    self as tx, Amounts, AttestationKind, BookStatus, DealRef, DealStatus, Schedule, Terms,
};

pub const DAY: i64 = 24 * 3600;

pub async fn setup() -> (Chain, NfatEnv) {
    setup_with(NfatOptions::default()).await
}

pub async fn setup_with(opts: NfatOptions) -> (Chain, NfatEnv) {
    let mut chain = Chain::new().await;
    let env = NfatEnv::bootstrap(&mut chain, opts).await;
    (chain, env)
}

pub fn amounts(principal: u64, interest: u64, penalty: u64) -> Amounts {
    Amounts {
        principal,
        interest,
        penalty,
    }
}

/// A 25M bullet at 10 % for 6 months starting now (1.25M interest at maturity).
pub async fn bullet(chain: &mut Chain) -> Terms {
    let now = chain.now().await;
    terms(25 * MILLION, 1_000, 6, 1, Schedule::Bullet, now)
}

/// A 40M amortizing loan at 10 % over 4 quarters starting now (10M + 1M a quarter).
pub async fn amortizing(chain: &mut Chain) -> Terms {
    let now = chain.now().await;
    terms(40 * MILLION, 1_000, 12, 4, Schedule::Amortizing, now)
}

/// An approved Prime with `queued` in the queue (and nothing left in its wallet).
pub async fn queued_prime(chain: &mut Chain, env: &NfatEnv, queued: u64) -> Wallet {
    let p = env.prime(chain, queued).await;
    env.deposit(chain, &p, queued).await.expect("deposit");
    p
}

/// A Prime with `terms.principal` queued, a fresh book, and the deal struck into it.
pub async fn struck(chain: &mut Chain, env: &NfatEnv, t: Terms) -> (Wallet, Pubkey, DealRef) {
    let p = queued_prime(chain, env, t.principal).await;
    let book = env.create_book(chain).await;
    let deal = env.claim(chain, &p.pubkey(), book, t).await.expect("claim");
    (p, book, deal)
}

/// A struck deal whose book was attested and deployed, then the RWA repaid `returned`
/// into custody and the beacon brought it back to the redeem vault.
pub async fn deployed_and_returned(
    chain: &mut Chain,
    env: &NfatEnv,
    t: Terms,
    returned: u64,
) -> (Wallet, Pubkey, DealRef) {
    let (p, book, deal) = struck(chain, env, t).await;
    env.deploy_book(chain, &book).await;
    env.rwa_repays(chain, returned).await;
    env.return_funds(chain, &book, returned)
        .await
        .expect("return");
    (p, book, deal)
}
