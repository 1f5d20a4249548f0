//! Shared imports and small helpers for the instruction modules; fixtures live in
//! `halo-harness`.
pub use anchor_lang::error::ErrorCode as AnchorError;
pub use anchor_lang::prelude::Pubkey;
pub use halo_harness::*;
pub use halo_pau::{constants::*, errors::PauError, state::*};
pub use halo_sdk::{keys, pau as ix, pau::Route, pda, Instruction};

/// One USDS in base units (6 decimals).
pub const USDS: u64 = 1_000_000;
pub const DAY: i64 = 24 * 3600;
pub const HOP: i64 = DEFAULT_SORL_HOP_S;

pub async fn setup() -> (Chain, PauEnv) {
    setup_with(PauOptions::default()).await
}

pub async fn setup_with(opts: PauOptions) -> (Chain, PauEnv) {
    let mut chain = Chain::new().await;
    let env = PauEnv::bootstrap(&mut chain, opts).await;
    (chain, env)
}

/// A second registered PAU (id 1) under the same configurator, with its own roles and mint.
pub async fn second_pau(chain: &mut Chain, env: &PauEnv) -> PauEnv {
    PauEnv::bootstrap_pau(
        chain,
        env.admin.insecure_clone(),
        PauOptions {
            pau_id: 1,
            ..PauOptions::default()
        },
    )
    .await
}

/// The watched accounts of a route: its rate limit and counterparty.
pub fn route_accounts(env: &PauEnv, r: &Route) -> Vec<Pubkey> {
    vec![pda::rate_limit(&env.controller, &r.key), r.counterparty]
}

/// `ix`, signed by another PAU's GovOps member with that member's own membership (of the
/// other PAU): the accordance attack of rule 6.
pub fn as_other_paus_govops(ix: Instruction, env: &PauEnv, other: &PauEnv) -> Instruction {
    let g = env.govops.pubkey();
    let g1 = other.govops.pubkey();
    let ix = swap_account(
        ix,
        &pda::govops(&env.controller, &g),
        &pda::govops(&other.controller, &g1),
    );
    swap_account(ix, &g, &g1)
}

/// `ix` signed by `signer`, who holds no membership, passing PAU 0's GovOps membership
/// instead (the borrowed-membership attack: refused with `NotGovOpsMember`).
pub fn with_govops_membership(ix: Instruction, env: &PauEnv, signer: &Pubkey) -> Instruction {
    swap_account(
        ix,
        &pda::govops(&env.controller, signer),
        &pda::govops(&env.controller, &env.govops.pubkey()),
    )
}
