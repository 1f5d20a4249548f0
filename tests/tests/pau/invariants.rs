//! One test per account invariant: the stored account is corrupted (`corrupt`) so that
//! its invariant no longer holds, an instruction that writes it is sent, and it is refused
//! with that invariant's error, nothing changed.
use crate::common::*;

const MAX: u64 = 1_000_000 * USDS;
const SLOPE: u64 = 10 * USDS;

#[tokio::test]
async fn set_timelock_paused_fails_when_configurator_invariant_is_broken() {
    // Given a configurator whose timelock delay sits below its minimum
    let (mut chain, env) = setup().await;
    corrupt::<Configurator>(&mut chain, &env.configurator, |c| {
        c.timelock_delay_s = MIN_TIMELOCK_DELAY_S - 1
    })
    .await;
    // When the admin lifts the timelock's pause, then it is refused and nothing changes
    // (pausing, a brake, does not wait on the invariant)
    let a = env.admin.pubkey();
    chain
        .must(&[ix::set_timelock_paused(&a, true)], &[&env.admin])
        .await;
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::set_timelock_paused(&a, false),
        &[&env.admin],
        PauError::ConfiguratorInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn set_relayer_fails_when_controller_invariant_is_broken() {
    // Given a controller of a layout version this program does not write
    let (mut chain, env) = setup().await;
    corrupt::<Controller>(&mut chain, &env.controller, |c| c.version = 0).await;
    // When GovOps names a relayer, then it is refused and nothing changes
    let g = env.govops.pubkey();
    let relayer = Pubkey::new_unique();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::set_relayer(&g, &env.controller, relayer),
        &[&env.govops],
        PauError::ControllerInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn freeze_ok_when_the_controller_invariant_is_broken() {
    // Given a corrupted controller, the brake still works: brakes never wait on an invariant
    let (mut chain, env) = setup().await;
    corrupt::<Controller>(&mut chain, &env.controller, |c| c.version = 0).await;
    let f = env.freezer.pubkey();
    chain
        .must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
        .await;
    assert!(env.controller_state(&mut chain).await.frozen);
}

#[tokio::test]
async fn transfer_fails_when_rate_limit_invariant_is_broken() {
    // Given a transfer route whose stored tag has a byte beyond its length
    let (mut chain, env) = setup().await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let rate_limit = pda::rate_limit(&env.controller, &r.key);
    corrupt::<RateLimit>(&mut chain, &rate_limit, |rl| rl.tag[15] = 1).await;
    // When the relayer moves along it, then it is refused: no token moved, no state written
    let relayer = env.relayer.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &route_accounts(&env, &r),
        ix::transfer(&relayer, &r, USDS),
        &[&env.relayer],
        PauError::RateLimitInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn set_rate_limit_fails_when_rate_limit_invariant_is_broken() {
    // Given a route whose fee bound is above the largest the configurator may set
    let (mut chain, env) = setup().await;
    let r = env.open_transfer_route(&mut chain, MAX, SLOPE).await;
    let rate_limit = pda::rate_limit(&env.controller, &r.key);
    corrupt::<RateLimit>(&mut chain, &rate_limit, |rl| {
        rl.max_fee_bps = MAX_TRANSFER_FEE_BPS + 1
    })
    .await;
    // When GovOps lowers it, then it is refused and nothing changes
    let g = env.govops.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &route_accounts(&env, &r),
        ix::set_rate_limit(&g, &env.controller, &r.key, MAX / 2, SLOPE),
        &[&env.govops],
        PauError::RateLimitInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn execute_add_integration_fails_when_integration_invariant_is_broken() {
    // Given an integration with one key, a second key scheduled for it, and a key stored
    // beyond its key count
    let (mut chain, env) = setup().await;
    let (signer, _route) = env
        .open_integration(&mut chain, keys::tags::AMM_FUND, MAX, SLOPE)
        .await;
    let s = signer.pubkey();
    let op = env
        .schedule(
            &mut chain,
            TimelockAction::AddIntegration {
                controller: env.controller,
                signer: s,
                key: [7; 32],
            },
        )
        .await
        .unwrap();
    env.pass_timelock(&mut chain).await;
    let integration = pda::integration(&env.controller, &s);
    corrupt::<Integration>(&mut chain, &integration, |i| i.keys[5] = [9; 32]).await;
    // When anyone executes the addition, then it is refused and nothing changes
    let payer = chain.payer_key();
    refused_unchanged(
        &mut chain,
        &env,
        &[integration, pda::op(&env.configurator, op)],
        ix::execute_add_integration(&payer, op, &env.controller, s),
        &[],
        PauError::IntegrationInvariantBroken,
    )
    .await;
}
