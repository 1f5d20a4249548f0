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

/// The deal NFT's mint as Token-2022 sees it: supply, decimals, mint authority, close
/// authority, transfer-hook program, metadata name and additional fields.
pub struct NftFacts {
    pub supply: u64,
    pub decimals: u8,
    pub mint_authority: Option<Pubkey>,
    pub close_authority: Option<Pubkey>,
    pub hook_program: Option<Pubkey>,
    pub name: String,
    pub fields: Vec<(String, String)>,
}

pub async fn nft_facts(chain: &mut Chain, mint: &Pubkey) -> NftFacts {
    use anchor_spl::token_2022::spl_token_2022::extension::{
        mint_close_authority::MintCloseAuthority, transfer_hook::TransferHook,
        BaseStateWithExtensions, StateWithExtensions,
    };
    use anchor_spl::token_2022::spl_token_2022::state::Mint;
    use anchor_spl::token_interface::spl_token_metadata_interface::state::TokenMetadata;
    let data = chain.account_data(mint).await.expect("mint");
    let m = StateWithExtensions::<Mint>::unpack(&data).expect("a Token-2022 mint");
    let meta = m
        .get_variable_len_extension::<TokenMetadata>()
        .expect("token metadata");
    NftFacts {
        supply: m.base.supply,
        decimals: m.base.decimals,
        mint_authority: m.base.mint_authority.into(),
        close_authority: Option::<Pubkey>::from(
            m.get_extension::<MintCloseAuthority>()
                .unwrap()
                .close_authority,
        ),
        hook_program: Option::<Pubkey>::from(m.get_extension::<TransferHook>().unwrap().program_id),
        name: meta.name,
        fields: meta.additional_metadata,
    }
}

/// A second facility (on a second PAU, with its own governance and roles): the "another
/// facility's deal / book" attacks and a Prime in two facilities.
pub async fn second_env(chain: &mut Chain, env: &NfatEnv) -> NfatEnv {
    let pau = PauEnv::bootstrap_pau(
        chain,
        env.pau.admin.insecure_clone(),
        PauOptions {
            pau_id: 1,
            custody_funding: 1_000 * MILLION,
            ..PauOptions::default()
        },
    )
    .await;
    NfatEnv::try_bootstrap_on(chain, pau, NfatOptions::default())
        .await
        .expect("second facility")
}

/// Moves the clock to `ts`.
pub async fn at(chain: &mut Chain, ts: i64) {
    chain.set_time(ts).await;
}

/// A deal struck by `claim` alone (no account, no delivery): the Prime, the book, the
/// deal and the rest of the strike's instructions (the NFT account, the delivery).
pub async fn claimed_only(
    chain: &mut Chain,
    env: &NfatEnv,
) -> (Wallet, DealRef, Vec<halo_sdk::Instruction>) {
    let t = bullet(chain).await;
    let p = queued_prime(chain, env, t.principal).await;
    let book = env.create_book(chain).await;
    let (ixs, deal) = env.claim_ix(chain, &p.pubkey(), book, t).await;
    chain.must(&ixs[..2], &[&env.beacon]).await;
    (p, deal, ixs[2..].to_vec())
}
