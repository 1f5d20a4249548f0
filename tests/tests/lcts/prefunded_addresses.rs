//! Every account halo_lcts creates at a predictable address (class, unit, share mint,
//! queues, vaults, positions, finalized generations) is created even when someone
//! pre-funded that address.
use crate::common::*;

#[tokio::test]
async fn create_unit_and_queues_ok_when_every_address_was_prefunded() {
    let mut chain = Chain::new().await;
    let pau = PauEnv::bootstrap(&mut chain, PauOptions::default()).await;
    let env = LctsEnv::bootstrap_on(&mut chain, pau, LctsOptions::default(), 0).await;
    // a second unit of the same class, every address pre-funded first
    let u = env.unit;
    let next = halo_sdk::lcts::UnitRef::new(
        u.class,
        1,
        u.usds_mint,
        u.usds_token_program,
        halo_sdk::lcts::UnitPau {
            controller: u.pau_controller,
            custody: u.pau_custody,
            deploy_endpoint: u.deploy_endpoint,
        },
    );
    for a in [
        next.unit,
        next.share_mint,
        next.subscribe_queue,
        next.redeem_queue,
        next.subscribe_usds_vault,
        next.subscribe_share_vault,
        next.redeem_share_vault,
        next.redeem_usds_vault,
    ] {
        prefund(&mut chain, &a).await;
    }
    let g = env.governance.pubkey();
    let args = halo_sdk::lcts::CreateUnitArgs {
        unit_id: 1,
        beacon: env.beacon.pubkey(),
        freezer: env.freezer.pubkey(),
        rate_wad: WAD,
        params: default_params(),
        metadata: halo_sdk::lcts::ShareMetadata {
            name: "Unit 1".into(),
            symbol: "U1".into(),
            uri: String::new(),
        },
    };
    chain
        .must(
            &[
                tx::create_unit(&g, &next, args),
                tx::create_queue(&g, &next, SUB),
                tx::create_queue(&g, &next, RED),
            ],
            &[&env.governance],
        )
        .await;
    let q: tx::Queue = chain.account(&next.subscribe_queue).await;
    assert_eq!(q.underlying_vault, next.subscribe_usds_vault);
    assert_eq!(chain.balance(&next.redeem_usds_vault).await, 0);
}

#[tokio::test]
async fn settle_ok_when_the_finalized_generation_address_was_prefunded() {
    let (mut chain, env) = setup().await;
    subscribers(&mut chain, &env, &[10 * UNIT]).await;
    prefund(&mut chain, &env.unit.generation(SUB, 0)).await;
    env.cycle(&mut chain, SUB, 10 * UNIT).await;
    let g: tx::FinalizedGeneration = chain.account(&env.unit.generation(SUB, 0)).await;
    assert_eq!(g.final_reward_per_share, WAD);
}
