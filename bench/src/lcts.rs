//! Compute units of the Passthrough Halo (halo_lcts) on the SBF build, and its O(1) table:
//! subscribe, claim, exit, lock and settle with 1, 100 and 10,000 positions in the queue.
use halo_bench::SbfLedger;
use halo_harness::lcts::{default_params, LctsEnv, LctsOptions, Prime, UNIT};
use halo_sdk::lcts::{self as tx, CreateUnitArgs, QueueSide, ShareMetadata, UnitPau, UnitRef, WAD};
use halo_sdk::ledger::{create_ata_instruction, mint_to_instruction, Keypair, Ledger, Signer};
use halo_sdk::token_programs::TOKEN_2022;
use halo_sdk::Instruction;

use crate::Bench;

const SUB: QueueSide = QueueSide::Subscribe;
const RED: QueueSide = QueueSide::Redeem;

async fn run(b: &mut Bench, l: &mut SbfLedger, name: &str, i: Instruction, s: &[&Keypair]) {
    b.run_as(l, "halo_lcts", name, i, s).await;
}

/// A Prime with USDS and a share account, in one transaction.
async fn prime(l: &mut SbfLedger, env: &LctsEnv, usds: u64, share_account: bool) -> Prime {
    let key = l.new_keypair();
    let payer = l.payer_key();
    let k = key.pubkey();
    let u = env.unit;
    let mut ixs = vec![
        anchor_lang::solana_program::system_instruction::transfer(&payer, &k, 100_000_000),
        create_ata_instruction(&payer, &k, &u.usds_mint, &u.usds_token_program),
        mint_to_instruction(
            &u.usds_token_program,
            &u.usds_mint,
            &halo_sdk::ata(&k, &u.usds_mint, &u.usds_token_program),
            &payer,
            usds,
        ),
    ];
    if share_account {
        ixs.push(create_ata_instruction(
            &payer,
            &k,
            &u.share_mint,
            &TOKEN_2022,
        ));
    }
    l.must(&ixs, &[]).await;
    Prime {
        usds: halo_sdk::ata(&k, &u.usds_mint, &u.usds_token_program),
        shares: halo_sdk::ata(&k, &u.share_mint, &TOKEN_2022),
        key,
    }
}

/// Every halo_lcts instruction, each alone in its own transaction.
pub async fn bench(b: &mut Bench) {
    let mut l = SbfLedger::new();
    let env = LctsEnv::bootstrap(&mut l, LctsOptions::default()).await;
    let g = env.governance.pubkey();
    let bk = env.beacon.pubkey();
    let u = env.unit;

    // governance
    run(
        b,
        &mut l,
        "create_class",
        tx::create_class(&g, 1),
        &[&env.governance],
    )
    .await;
    let class1 = halo_sdk::pda::lcts_class(&g, 1);
    run(
        b,
        &mut l,
        "propose_class_governance",
        tx::propose_class_governance(&g, &class1, bk),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "accept_class_governance",
        tx::accept_class_governance(&bk, &class1),
        &[&env.beacon],
    )
    .await;
    let u1 = UnitRef::new(
        u.class,
        1,
        u.usds_mint,
        u.usds_token_program,
        UnitPau {
            controller: u.pau_controller,
            custody: u.pau_custody,
            deploy_endpoint: u.deploy_endpoint,
        },
    );
    let args = CreateUnitArgs {
        unit_id: 1,
        beacon: bk,
        freezer: env.freezer.pubkey(),
        rate_wad: WAD,
        params: default_params(),
        metadata: ShareMetadata {
            name: "Halo Passthrough Unit 1".into(),
            symbol: "HPU1".into(),
            uri: "https://example.invalid/halo/lcts/unit-1.json".into(),
        },
    };
    run(
        b,
        &mut l,
        "create_unit (and its Token-2022 share mint with metadata)",
        tx::create_unit(&g, &u1, args),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "create_queue (and its two vaults)",
        tx::create_queue(&g, &u1, SUB),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "set_unit_routes",
        tx::set_unit_routes(&g, &u),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "set_unit_params",
        tx::set_unit_params(&g, &u, default_params()),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "set_unit_roles",
        tx::set_unit_roles(&g, &u, bk, env.freezer.pubkey()),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "set_exchange_rate",
        tx::set_exchange_rate(&g, &u, WAD),
        &[&env.governance],
    )
    .await;
    let f = env.freezer.pubkey();
    run(
        b,
        &mut l,
        "set_paused (freezer)",
        tx::set_paused(&f, &u, tx::PAUSE_SUBSCRIBE),
        &[&env.freezer],
    )
    .await;
    run(
        b,
        &mut l,
        "set_paused (governance lifts)",
        tx::set_paused(&g, &u, 0),
        &[&env.governance],
    )
    .await;

    // owners and the beacon
    let a = prime(&mut l, &env, 10_000 * UNIT, true).await;
    let c = prime(&mut l, &env, 10_000 * UNIT, true).await;
    let ix = env.enter_ix(&mut l, &a, SUB, 1_000 * UNIT).await;
    run(
        b,
        &mut l,
        "subscribe (first entry: creates the position)",
        ix,
        &[&a.key],
    )
    .await;
    let ix = env.enter_ix(&mut l, &a, SUB, 1_000 * UNIT).await;
    run(b, &mut l, "subscribe (second entry)", ix, &[&a.key]).await;
    let ix = env.enter_ix(&mut l, &c, SUB, 2_000 * UNIT).await;
    l.must(&[ix], &[&c.key]).await;
    let d = prime(&mut l, &env, 10_000 * UNIT, true).await;
    let ix = env.enter_ix(&mut l, &d, SUB, 1_000 * UNIT).await;
    l.must(&[ix], &[&d.key]).await;
    run(b, &mut l, "lock", env.lock_ix(SUB), &[&env.beacon]).await;
    let ix = env.settle_ix(&mut l, SUB, 1_000 * UNIT).await;
    run(
        b,
        &mut l,
        "settle (subscribe: custody in, deploy route out, shares minted)",
        ix,
        &[&env.beacon],
    )
    .await;
    let ix = env.enter_ix(&mut l, &a, SUB, 1_000 * UNIT).await;
    run(
        b,
        &mut l,
        "subscribe (entry paying the reward earned)",
        ix,
        &[&a.key],
    )
    .await;
    run(
        b,
        &mut l,
        "exit (two payouts: unconverted USDS and shares; closes the position)",
        env.exit_ix(&d, SUB),
        &[&d.key],
    )
    .await;
    run(b, &mut l, "claim", env.claim_ix(&c, SUB), &[&c.key]).await;
    let ix = env.enter_ix(&mut l, &c, RED, 400 * UNIT).await;
    run(b, &mut l, "request_redeem (first entry)", ix, &[&c.key]).await;
    run(
        b,
        &mut l,
        "exit (after a claim: one payout)",
        env.exit_ix(&c, SUB),
        &[&c.key],
    )
    .await;
    // netting: 2,750 USDS waiting against 400 shares, then both PAU legs
    l.must(&[env.lock_ix(SUB)], &[&env.beacon]).await;
    l.must(&[env.lock_ix(RED)], &[&env.beacon]).await;
    let ix = env.settle_pair_ix(&mut l, &bk, 500 * UNIT, 0).await;
    run(
        b,
        &mut l,
        "settle_pair (netting, then the deploy route)",
        ix,
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "position_view",
        tx::position_view(&u, SUB, &a.key.pubkey(), None),
        &[],
    )
    .await;
    run(b, &mut l, "exchange_rate", tx::exchange_rate(&u), &[]).await;
    // the redeem side through the return route
    let ix = env
        .settle_finalized_ix(&mut l, &c.key.pubkey(), RED, &c.key.pubkey(), &c.usds)
        .await;
    run(
        b,
        &mut l,
        "settle_finalized (keeper crank, closes the position)",
        ix,
        &[&c.key],
    )
    .await;
    let ix = env.claim_ix(&a, SUB);
    l.must(&[ix], &[&a.key]).await;
    let shares = l.balance(&a.shares).await;
    let ix = tx::enter(
        &a.key.pubkey(),
        &u,
        RED,
        &a.shares,
        &a.usds,
        shares / 2,
        None,
    );
    l.must(&[ix], &[&a.key]).await;
    l.must(&[env.lock_ix(RED)], &[&env.beacon]).await;
    let ix = env.settle_ix(&mut l, RED, shares / 4).await;
    run(
        b,
        &mut l,
        "settle (redeem: return route in, shares burned)",
        ix,
        &[&env.beacon],
    )
    .await;
    l.must(&[env.lock_ix(RED)], &[&env.beacon]).await;
    let ix = env.settle_ix(&mut l, RED, shares).await;
    run(
        b,
        &mut l,
        "settle (finalizing: writes the generation)",
        ix,
        &[&env.beacon],
    )
    .await;
    l.must(&[env.lock_ix(SUB)], &[&env.beacon]).await;
    l.advance(3 * 3_600 + 1).await;
    let keeper = l.funded_keypair(1_000_000_000).await;
    run(
        b,
        &mut l,
        "unlock (anyone, after the bound)",
        tx::unlock(&keeper.pubkey(), &u, SUB),
        &[&keeper],
    )
    .await;
    l.advance(86_400).await;
    run(
        b,
        &mut l,
        "update_exchange_rate",
        tx::update_exchange_rate(&bk, &u, WAD + WAD / 200),
        &[&env.beacon],
    )
    .await;
    l.must(&[env.lock_ix(SUB)], &[&env.beacon]).await;
    l.advance(3 * 3_600 + 1).await;
    let ix = env.settle_pair_ix(&mut l, &keeper.pubkey(), 0, 0).await;
    run(
        b,
        &mut l,
        "settle_pair (anyone after the bound, net flow only)",
        ix,
        &[&keeper],
    )
    .await;
}

/// (subscribe, claim, exit, lock, settle) CU with `n` positions already in the queue.
/// The `n` positions split the same 1,000,000 USDS, so the queue's totals, and so every
/// amount the measured Prime's instructions compute, are the same for every `n`; the
/// measured Prime's key is made first, so its position's PDA search is the same too. What
/// is left to differ is the number of positions.
pub async fn with_positions(n: u64) -> [u64; 5] {
    let mut l = SbfLedger::new();
    let env = LctsEnv::bootstrap(&mut l, LctsOptions::default()).await;
    let measured = prime(&mut l, &env, 100 * UNIT, true).await;
    let each = 1_000_000 * UNIT / n;
    for _ in 0..n {
        let p = prime(&mut l, &env, each, false).await;
        let ix = env.enter_ix(&mut l, &p, SUB, each).await;
        l.must(&[ix], &[&p.key]).await;
    }
    let m = &measured;
    let ix = env.enter_ix(&mut l, m, SUB, 100 * UNIT).await;
    let subscribe = l.must(&[ix], &[&m.key]).await.compute_units;
    let lock = l
        .must(&[env.lock_ix(SUB)], &[&env.beacon])
        .await
        .compute_units;
    let ix = env.settle_ix(&mut l, SUB, 500_000 * UNIT).await;
    let settle = l.must(&[ix], &[&env.beacon]).await.compute_units;
    let claim = l
        .must(&[env.claim_ix(m, SUB)], &[&m.key])
        .await
        .compute_units;
    // a second settlement, so the exit pays both (unconverted USDS and new shares)
    l.must(&[env.lock_ix(SUB)], &[&env.beacon]).await;
    let ix = env.settle_ix(&mut l, SUB, 100_000 * UNIT).await;
    l.must(&[ix], &[&env.beacon]).await;
    let exit = l
        .must(&[env.exit_ix(m, SUB)], &[&m.key])
        .await
        .compute_units;
    [subscribe, claim, exit, lock, settle]
}
