//! Compute units of the oracle and Trading Halo instructions on the SBF builds.
use halo_bench::SbfLedger;
use halo_harness::trading::{PriceKind, TradingEnv, TradingOptions, UNIT};
use halo_sdk::ledger::{Keypair, Ledger, Signer};
use halo_sdk::trading::{self as tx, Side};
use halo_sdk::{oracle, Instruction};

use crate::Bench;

async fn run(
    b: &mut Bench,
    l: &mut SbfLedger,
    prog: &'static str,
    name: &str,
    i: Instruction,
    s: &[&Keypair],
) {
    b.run_as(l, prog, name, i, s).await;
}

pub async fn bench(b: &mut Bench) {
    let mut l = SbfLedger::new();
    let env = TradingEnv::bootstrap(&mut l, TradingOptions::default()).await;
    let g = env.governance.pubkey();
    let bk = env.beacon_key();
    let feed = env.pool.price_account;

    // oracle
    l.advance(60).await;
    let now = l.now().await;
    run(
        b,
        &mut l,
        "halo_oracle",
        "publish",
        oracle::publish(&env.reporter.pubkey(), &feed, 1_000_100, now),
        &[&env.reporter],
    )
    .await;
    l.advance(60).await;
    let now = l.now().await;
    run(
        b,
        &mut l,
        "halo_oracle",
        "governance_publish",
        oracle::governance_publish(&g, &feed, 1_000_000, now),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_oracle",
        "set_max_move",
        oracle::set_max_move(&g, &feed, 400),
        &[&env.governance],
    )
    .await;
    let extra = l.new_keypair().pubkey();
    run(
        b,
        &mut l,
        "halo_oracle",
        "add_reporter",
        oracle::add_reporter(&g, &feed, extra),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_oracle",
        "remove_reporter",
        oracle::remove_reporter(&g, &feed, extra),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_oracle",
        "propose_governance",
        oracle::propose_governance(&g, &feed, g),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_oracle",
        "accept_governance",
        oracle::accept_governance(&g, &feed),
        &[&env.governance],
    )
    .await;

    // swaps: both sides, both modes
    let u = env.trader(&mut l, 1_000_000 * UNIT, 1_000_000 * UNIT).await;
    let expiry = l.now().await + 3_600;
    let swap =
        |side, exact_in, amount, limit| env.swap_ix(&u, side, exact_in, amount, limit, expiry);
    let cases = [
        (
            "swap (sell asset, exact in)",
            swap(Side::SellAsset, true, 100_000 * UNIT, 0),
        ),
        (
            "swap (sell asset, exact out)",
            swap(Side::SellAsset, false, 50_000 * UNIT, u64::MAX),
        ),
        (
            "swap (buy asset, exact out)",
            swap(Side::BuyAsset, false, 40_000 * UNIT, u64::MAX),
        ),
        (
            "swap (buy asset, exact in)",
            swap(Side::BuyAsset, true, 20_000 * UNIT, 0),
        ),
    ];
    for (name, i) in cases {
        run(b, &mut l, "halo_trading", name, i, &[&u.key]).await;
    }
    run(b, &mut l, "halo_trading", "poke", tx::poke(&env.pool), &[]).await;

    // an RFQ fill: the Ed25519 verification and the swap in one transaction
    let q = tx::RfqQuote {
        pool: env.pool.pool,
        user: u.key.pubkey(),
        side: Side::SellAsset,
        asset_amount: 10_000 * UNIT,
        quote_amount: 9_998 * UNIT,
        expiry,
        nonce: 1,
    };
    let [verify, fill] = tx::signed_quote(
        &env.beacon,
        &halo_harness::trading::LOCAL_RFQ_DOMAIN,
        &u.key.pubkey(),
        &env.pool,
        &u.asset,
        &u.quote,
        q,
    );
    let r = l.must(&[verify, fill], &[&u.key]).await;
    b.rows.push(crate::Row {
        program: "halo_trading",
        instruction: "swap_with_quote (with its Ed25519 verification)".into(),
        cu: r.compute_units,
        size: r.size,
    });

    // LPs and the withdrawal queue
    let prime = env.trader(&mut l, 0, 100_000 * UNIT).await;
    let payer = l.payer_key();
    let pk = prime.key.pubkey();
    run(
        b,
        &mut l,
        "halo_trading",
        "open_position",
        tx::open_position(&payer, &env.pool, pk),
        &[],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "deposit",
        tx::deposit(&pk, &env.pool, &prime.quote, 100_000 * UNIT, 0),
        &[&prime.key],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "request_withdrawal",
        tx::request_withdrawal(&pk, &env.pool, 0, 50_000 * UNIT),
        &[&prime.key],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "roll_withdrawals",
        tx::roll_withdrawals(&bk, &env.pool, 0),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "settle_withdrawals",
        tx::settle_withdrawals(&bk, &env.pool, 0, u64::MAX),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "claim_withdrawal",
        tx::claim_withdrawal(&pk, &env.pool, 0, &prime.quote),
        &[&prime.key],
    )
    .await;

    // PAU funding (CPI into halo_pau)
    run(
        b,
        &mut l,
        "halo_trading",
        "fund_from_pau (CPI draw)",
        tx::fund_from_pau(&bk, &env.pool, &env.link, 10_000 * UNIT),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "return_to_pau (CPI repay)",
        tx::return_to_pau(&bk, &env.pool, &env.link, 10_000 * UNIT),
        &[&env.beacon],
    )
    .await;

    // issuer redemptions
    let iss = env.issuer_account;
    run(
        b,
        &mut l,
        "halo_trading",
        "start_redemption",
        tx::start_redemption(&bk, &env.pool, &iss, 0, 10_000 * UNIT),
        &[&env.beacon],
    )
    .await;
    env.issuer_pays(&mut l, 10_000 * UNIT).await;
    run(
        b,
        &mut l,
        "halo_trading",
        "settle_redemption",
        tx::settle_redemption(&bk, &env.pool, 0, 10_000 * UNIT),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "start_redemption (2nd)",
        tx::start_redemption(&bk, &env.pool, &iss, 1, 10_000 * UNIT),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "fail_redemption (freezer)",
        tx::fail_redemption(&env.freezer.pubkey(), &env.pool, 1),
        &[&env.freezer],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "clear_redemption_failure",
        tx::clear_redemption_failure(&g, &env.pool),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "write_off_redemption",
        tx::write_off_redemption(&g, &env.pool, 1),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "set_rfq_domain",
        tx::set_rfq_domain(&g, &env.pool.class, halo_harness::trading::LOCAL_RFQ_DOMAIN),
        &[&env.governance],
    )
    .await;
    let source = env.state(&mut l).await.price_source;
    run(
        b,
        &mut l,
        "halo_trading",
        "propose_price_source",
        tx::propose_price_source(&g, &env.pool, source),
        &[&env.governance],
    )
    .await;
    l.advance(halo_trading::constants::PRICE_SOURCE_DELAY_S)
        .await;
    env.refresh_price(&mut l).await;
    run(
        b,
        &mut l,
        "halo_trading",
        "apply_price_source",
        tx::apply_price_source(&g, &env.pool, &env.pool.price_account),
        &[&env.governance],
    )
    .await;

    // governance and pauses
    let params = env.state(&mut l).await.params;
    run(
        b,
        &mut l,
        "halo_trading",
        "set_pool_params",
        tx::set_pool_params(&g, &env.pool, params),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "set_sides",
        tx::set_sides(&g, &env.pool, true, true),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "pause_pool",
        tx::pause_pool(&bk, &env.pool),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "resume_pool",
        tx::resume_pool(&bk, &env.pool),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "set_class_paused",
        tx::set_class_paused(&bk, &env.pool.class, true),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "set_class_roles",
        tx::set_class_roles(&g, &env.pool.class, bk, env.freezer.pubkey()),
        &[&env.governance],
    )
    .await;
    let next_gov = l.funded_keypair(1_000_000_000).await;
    run(
        b,
        &mut l,
        "halo_trading",
        "propose_class_governance",
        tx::propose_class_governance(&g, &env.pool.class, next_gov.pubkey()),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "halo_trading",
        "accept_class_governance",
        tx::accept_class_governance(&next_gov.pubkey(), &env.pool.class),
        &[&next_gov],
    )
    .await;

    // a Pyth-priced pool: the swap with the PriceUpdateV2 decoder
    let mut l2 = SbfLedger::new();
    let penv = TradingEnv::bootstrap(
        &mut l2,
        TradingOptions {
            price: PriceKind::Pyth,
            ..TradingOptions::default()
        },
    )
    .await;
    let pu = penv.trader(&mut l2, 100_000 * UNIT, 0).await;
    let expiry = l2.now().await + 3_600;
    let i = penv.swap_ix(&pu, Side::SellAsset, true, 100_000 * UNIT, 0, expiry);
    run(
        b,
        &mut l2,
        "halo_trading",
        "swap (sell asset, exact in, Pyth price)",
        i,
        &[&pu.key],
    )
    .await;
    // the worst case of the skew pricing: an exact-out sale inside the skew band (three
    // iterations of the average-skew search)
    let mut params = penv.state(&mut l2).await.params;
    params.position_limit = 150_000 * UNIT;
    let pg = penv.governance.pubkey();
    l2.must(
        &[tx::set_pool_params(&pg, &penv.pool, params)],
        &[&penv.governance],
    )
    .await;
    let pu2 = penv.trader(&mut l2, 100_000 * UNIT, 0).await;
    let i = penv.swap_ix(
        &pu2,
        Side::SellAsset,
        false,
        40_000 * UNIT,
        u64::MAX,
        expiry,
    );
    run(
        b,
        &mut l2,
        "halo_trading",
        "swap (sell asset, exact out, inside the skew band, Pyth price)",
        i,
        &[&pu2.key],
    )
    .await;

    // griefing the side rate limits: sell 100K then buy them back, on seed 000's pool
    // (5 + 5 bps), with 1M limits on both sides; what one round trip costs the griefer and
    // how much of each side's limit it consumes
    let mut l3 = SbfLedger::new();
    let mut opts = TradingOptions::default();
    let side = tx::LimitParams {
        max_amount: 1_000_000 * UNIT,
        slope: 0,
    };
    opts.params.bid_limit = side;
    opts.params.ask_limit = side;
    let genv = TradingEnv::bootstrap(&mut l3, opts).await;
    let gr = genv.trader(&mut l3, 100_000 * UNIT, 200_000 * UNIT).await;
    let quote_before = l3.balance(&gr.quote).await;
    genv.swap(&mut l3, &gr, Side::SellAsset, true, 100_000 * UNIT)
        .await
        .expect("griefer sells");
    genv.swap(&mut l3, &gr, Side::BuyAsset, false, 100_000 * UNIT)
        .await
        .expect("griefer buys back");
    let cost = quote_before - l3.balance(&gr.quote).await;
    let p = genv.state(&mut l3).await;
    let now = l3.now().await;
    let used_bid = side.max_amount - p.bid_limit.available(now);
    let used_ask = side.max_amount - p.ask_limit.available(now);
    b.griefing = Some(Griefing {
        round_trip: 100_000 * UNIT,
        cost,
        used_bid,
        used_ask,
        limit: side.max_amount,
    });
}

/// What one sell-then-buy-back round trip costs a griefer, against the side limits it uses.
pub struct Griefing {
    pub round_trip: u64,
    pub cost: u64,
    pub used_bid: u64,
    pub used_ask: u64,
    pub limit: u64,
}
