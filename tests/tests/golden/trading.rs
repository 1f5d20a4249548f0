//! `halo_trading.json`: every instruction from `halo_sdk::trading` (with the `PoolRef` /
//! `PauLink` they were built from), the PDAs with their bumps, every account type
//! serialised from fixed state with all its fields, the errors, and a table of
//! `halo_math::pricing` results the TypeScript port must reproduce exactly. The RFQ
//! section has the signed quote messages, Ed25519 precompile data and a quote signed by a
//! fixed beacon keypair (`signed_quote`).
use anchor_lang::{prelude::Pubkey, AccountSerialize};
use halo_math::{
    pricing::{confidence_bps, deviates, skewed_spread_bps, to_wad, Market, Mode, Side, Skew},
    MathError, Rounding, WAD,
};
use halo_sdk::{keys, pda as pau_pda, trading as ix, trading::*};
use halo_trading::constants::*;
use serde_json::{json, Value};

use super::{hex, ix_json, k, kp};

fn s(p: &Pubkey) -> String {
    p.to_string()
}

const TOKEN: Pubkey = anchor_spl::token::ID;
const TOKEN_2022: Pubkey = anchor_spl::token_2022::ID;

fn pool_ref_json(p: &PoolRef, book_id: u64) -> Value {
    json!({
        "class": s(&p.class), "unitId": p.unit_id.to_string(), "bookId": book_id.to_string(),
        "assetMint": s(&p.asset_mint), "quoteMint": s(&p.quote_mint),
        "priceAccount": s(&p.price_account), "assetTokenProgram": s(&p.asset_token_program),
        "quoteTokenProgram": s(&p.quote_token_program),
        // derived: the TS client must find the same
        "pool": s(&p.pool), "book": s(&p.book), "assetVault": s(&p.asset_vault),
        "quoteVault": s(&p.quote_vault),
    })
}

fn limit_json(l: &LimitParams) -> Value {
    json!({"maxAmount": l.max_amount.to_string(), "slope": l.slope.to_string()})
}

/// `PoolParams` as Anchor's TS coder decodes it (u64 as decimal strings).
fn params_json(p: &PoolParams) -> Value {
    json!({
        "bidSpreadBps": p.bid_spread_bps, "askSpreadBps": p.ask_spread_bps,
        "skewStartBps": p.skew_start_bps, "skewMaxBps": p.skew_max_bps,
        "maxStalenessS": p.max_staleness_s, "swapMaxStalenessS": p.swap_max_staleness_s,
        "minPriceIntervalS": p.min_price_interval_s, "maxDeviationBps": p.max_deviation_bps,
        "maxConfidenceBps": p.max_confidence_bps, "positionLimit": p.position_limit.to_string(),
        "minTrade": p.min_trade.to_string(), "maxTrade": p.max_trade.to_string(),
        "bidLimit": limit_json(&p.bid_limit), "askLimit": limit_json(&p.ask_limit),
        "redeemLimit": limit_json(&p.redeem_limit),
        "redemptionAccount": s(&p.redemption_account),
        "settlementPeriodS": p.settlement_period_s,
        "rfqEnabled": p.rfq_enabled, "rfqMinSpreadBps": p.rfq_min_spread_bps,
    })
}

fn side_json(side: Side) -> &'static str {
    match side {
        Side::SellAsset => "sellAsset",
        Side::BuyAsset => "buyAsset",
    }
}

/// `RfqQuote` as the TS client takes it (u64 / i64 as decimal strings).
fn quote_json(q: &RfqQuote) -> Value {
    json!({
        "pool": s(&q.pool), "user": s(&q.user), "side": side_json(q.side),
        "assetAmount": q.asset_amount.to_string(), "quoteAmount": q.quote_amount.to_string(),
        "expiry": q.expiry.to_string(), "nonce": q.nonce.to_string(),
    })
}

/// Enums as Anchor's TS coder decodes them: `{ variant: { fields } }`.
fn source_json(src: &PriceSource) -> Value {
    match src {
        PriceSource::HaloFeed { feed } => json!({"haloFeed": {"feed": s(feed)}}),
        PriceSource::Pyth { feed_id } => json!({"pyth": {"feedId": hex(feed_id)}}),
        PriceSource::Fixed { price_wad } => json!({"fixed": {"priceWad": price_wad.to_string()}}),
    }
}

fn params() -> PoolParams {
    PoolParams {
        bid_spread_bps: 5,
        ask_spread_bps: 7,
        skew_start_bps: 5_000,
        skew_max_bps: 20,
        max_staleness_s: 93_600,
        swap_max_staleness_s: 3_600,
        min_price_interval_s: 60,
        max_deviation_bps: 200,
        max_confidence_bps: 50,
        position_limit: 50_000_000_000_000,
        min_trade: 1_000_000,
        max_trade: 10_000_000_000_000,
        bid_limit: LimitParams {
            max_amount: u64::MAX,
            slope: 0,
        },
        ask_limit: LimitParams {
            max_amount: 5_000_000_000_000,
            slope: 57_870_370,
        },
        redeem_limit: LimitParams {
            max_amount: 1,
            slope: u64::MAX,
        },
        redemption_account: k(61),
        settlement_period_s: 86_400,
        rfq_enabled: true,
        rfq_min_spread_bps: 2,
    }
}

struct Fixture {
    authority: Pubkey,
    beacon: Pubkey,
    freezer: Pubkey,
    feed_pool: PoolRef,
    pyth_pool: PoolRef,
    link: PauLink,
}

fn fixture() -> Fixture {
    let authority = k(51);
    let class = halo_sdk::pda::class(&authority, 3);
    let (asset_mint, quote_mint) = (k(57), k(58));
    let feed = halo_sdk::pda::feed(&k(41), 7);
    let feed_pool = PoolRef::new(class, 5, 6, asset_mint, quote_mint, feed, TOKEN, TOKEN_2022);
    let pyth_pool = PoolRef::new(
        class,
        8,
        9,
        k(56),
        quote_mint,
        k(60),
        TOKEN_2022,
        TOKEN_2022,
    );
    let controller = pau_pda::controller(&pau_pda::configurator(), 7);
    let link = PauLink {
        controller,
        custody: halo_sdk::ata(&pau_pda::proxy(&controller), &quote_mint, &TOKEN_2022),
        route_key: keys::rate_limit_key(TAG_AMM_FUND, &quote_mint, &feed_pool.quote_vault),
    };
    Fixture {
        authority,
        beacon: k(52),
        freezer: k(53),
        feed_pool,
        pyth_pool,
        link,
    }
}

fn instructions() -> Vec<Value> {
    let f = fixture();
    let (gov, beacon, freezer) = (f.authority, f.beacon, f.freezer);
    let p = f.feed_pool;
    let pr = pool_ref_json(&p, 6);
    let link = json!({
        "controller": s(&f.link.controller), "custody": s(&f.link.custody),
        "routeKey": hex(&f.link.route_key),
    });
    let (user, user_asset, user_quote) = (k(62), k(63), k(64));
    let (payer, owner, owner_quote) = (k(65), k(66), k(67));
    let mut out = vec![
        // ---- governance
        ix_json(
            "createClass",
            json!({"authority": s(&gov), "quoteMint": s(&p.quote_mint), "pauController": s(&f.link.controller),
                   "classId": "3", "beacon": s(&beacon), "freezer": s(&freezer)}),
            &ix::create_class(
                &gov,
                &p.quote_mint,
                &f.link.controller,
                CreateClassArgs {
                    class_id: 3,
                    beacon,
                    freezer,
                },
            ),
        ),
        ix_json(
            "setClassRoles",
            json!({"governance": s(&gov), "class": s(&p.class), "beacon": s(&k(54)), "freezer": s(&k(55))}),
            &ix::set_class_roles(&gov, &p.class, k(54), k(55)),
        ),
        ix_json(
            "proposeClassGovernance",
            json!({"governance": s(&gov), "class": s(&p.class), "newGovernance": s(&k(56))}),
            &ix::propose_class_governance(&gov, &p.class, k(56)),
        ),
        ix_json(
            "acceptClassGovernance",
            json!({"newGovernance": s(&k(56)), "class": s(&p.class)}),
            &ix::accept_class_governance(&k(56), &p.class),
        ),
        ix_json(
            "setRfqDomain",
            json!({"governance": s(&gov), "class": s(&p.class), "domain": hex(&RFQ_CLUSTER)}),
            &ix::set_rfq_domain(&gov, &p.class, RFQ_CLUSTER),
        ),
        ix_json(
            "setClassPaused",
            json!({"signer": s(&freezer), "class": s(&p.class), "paused": true}),
            &ix::set_class_paused(&freezer, &p.class, true),
        ),
        ix_json(
            "setClassPaused",
            json!({"signer": s(&gov), "class": s(&p.class), "paused": false}),
            &ix::set_class_paused(&gov, &p.class, false),
        ),
    ];
    for (pool, book_id, source) in [
        (
            &f.feed_pool,
            6u64,
            PriceSource::HaloFeed {
                feed: f.feed_pool.price_account,
            },
        ),
        (
            &f.pyth_pool,
            9,
            PriceSource::Pyth {
                feed_id: [0xef; 32],
            },
        ),
    ] {
        out.push(ix_json(
            "createPool",
            json!({"governance": s(&gov), "pool": pool_ref_json(pool, book_id),
                   "unitId": pool.unit_id.to_string(), "bookId": book_id.to_string(),
                   "priceSource": source_json(&source), "params": params_json(&params())}),
            &ix::create_pool(
                &gov,
                pool,
                CreatePoolArgs {
                    unit_id: pool.unit_id,
                    book_id,
                    price_source: source,
                    params: params(),
                },
            ),
        ));
    }
    let mut changed = params();
    changed.bid_spread_bps = 5_000;
    changed.skew_start_bps = 0;
    changed.redemption_account = k(68);
    changed.rfq_enabled = false;
    changed.rfq_min_spread_bps = 5_000;
    out.extend([
        ix_json(
            "setPoolParams",
            json!({"governance": s(&gov), "pool": pr.clone(), "params": params_json(&changed)}),
            &ix::set_pool_params(&gov, &p, changed),
        ),
        ix_json(
            "setSides",
            json!({"governance": s(&gov), "pool": pr.clone(), "buyEnabled": true, "sellEnabled": false}),
            &ix::set_sides(&gov, &p, true, false),
        ),
        ix_json(
            "clearRedemptionFailure",
            json!({"governance": s(&gov), "pool": pr.clone()}),
            &ix::clear_redemption_failure(&gov, &p),
        ),
        ix_json(
            "writeOffRedemption",
            json!({"governance": s(&gov), "pool": pr.clone(), "id": "3"}),
            &ix::write_off_redemption(&gov, &p, 3),
        ),
        ix_json(
            "proposePriceSource",
            json!({"governance": s(&gov), "pool": pr.clone(), "source": source_json(&PriceSource::Fixed { price_wad: 1_000_000_000_000_000_000 })}),
            &ix::propose_price_source(&gov, &p, PriceSource::Fixed { price_wad: 1_000_000_000_000_000_000 }),
        ),
        ix_json(
            "applyPriceSource",
            json!({"governance": s(&gov), "pool": pr.clone(), "priceAccount": s(&k(77))}),
            &ix::apply_price_source(&gov, &p, &k(77)),
        ),
        // ---- operators
        ix_json(
            "pausePool",
            json!({"signer": s(&freezer), "pool": pr.clone()}),
            &ix::pause_pool(&freezer, &p),
        ),
        ix_json(
            "resumePool",
            json!({"signer": s(&beacon), "pool": pr.clone()}),
            &ix::resume_pool(&beacon, &p),
        ),
        ix_json("poke", json!({"pool": pr.clone()}), &ix::poke(&p)),
        ix_json(
            "fundFromPau",
            json!({"beacon": s(&beacon), "pool": pr.clone(), "link": link.clone(), "amount": "1000000000000"}),
            &ix::fund_from_pau(&beacon, &p, &f.link, 1_000_000_000_000),
        ),
        ix_json(
            "returnToPau",
            json!({"beacon": s(&beacon), "pool": pr.clone(), "link": link, "amount": "18446744073709551615"}),
            &ix::return_to_pau(&beacon, &p, &f.link, u64::MAX),
        ),
        ix_json(
            "startRedemption",
            json!({"beacon": s(&beacon), "pool": pr.clone(), "redemptionAccount": s(&k(61)), "id": "4", "amount": "250000000000"}),
            &ix::start_redemption(&beacon, &p, &k(61), 4, 250_000_000_000),
        ),
        ix_json(
            "settleRedemption",
            json!({"beacon": s(&beacon), "pool": pr.clone(), "id": "4", "received": "250125000000"}),
            &ix::settle_redemption(&beacon, &p, 4, 250_125_000_000),
        ),
        ix_json(
            "failRedemption",
            json!({"signer": s(&freezer), "pool": pr.clone(), "id": "4"}),
            &ix::fail_redemption(&freezer, &p, 4),
        ),
        ix_json(
            "rollWithdrawals",
            json!({"beacon": s(&beacon), "pool": pr.clone(), "openGen": "2"}),
            &ix::roll_withdrawals(&beacon, &p, 2),
        ),
        ix_json(
            "settleWithdrawals",
            json!({"beacon": s(&beacon), "pool": pr.clone(), "settlingGen": "1", "maxQuote": "0"}),
            &ix::settle_withdrawals(&beacon, &p, 1, 0),
        ),
    ]);
    // ---- users: both sides, both modes
    for (side, exact_in, amount, limit) in [
        (Side::SellAsset, true, 100_000_000_000u64, 99_950_000_000u64),
        (Side::SellAsset, false, 99_950_000_000, 100_000_000_000),
        (Side::BuyAsset, true, 1, 0),
        (Side::BuyAsset, false, u64::MAX, u64::MAX),
    ] {
        let side_name = side_json(side);
        out.push(ix_json(
            "swap",
            json!({"user": s(&user), "pool": pr.clone(), "userAsset": s(&user_asset), "userQuote": s(&user_quote),
                   "side": side_name, "mode": if exact_in { "exactIn" } else { "exactOut" }, "amount": amount.to_string(),
                   "limit": limit.to_string(), "expiry": "1800000060"}),
            &ix::swap(
                &user,
                &p,
                &user_asset,
                &user_quote,
                SwapArgs {
                    side,
                    mode: if exact_in { Mode::ExactIn } else { Mode::ExactOut },
                    amount,
                    limit,
                    expiry: 1_800_000_060,
                },
            ),
        ));
    }
    // ---- RFQ fills: both sides; a payer other than the user, then the user paying; the
    // nonce's extremes
    for (side, asset_amount, quote_amount, expiry, nonce, payer) in [
        (
            Side::SellAsset,
            100_000_000_000u64,
            99_980_000_000u64,
            1_800_000_060i64,
            1u64,
            payer,
        ),
        (Side::BuyAsset, 1, u64::MAX, i64::MAX, u64::MAX, user),
        (Side::BuyAsset, 50_000_000_000, 50_010_000_000, -1, 0, user),
    ] {
        let quote = RfqQuote {
            pool: p.pool,
            user,
            side,
            asset_amount,
            quote_amount,
            expiry,
            nonce,
        };
        out.push(ix_json(
            "swapWithQuote",
            json!({"payer": s(&payer), "pool": pr.clone(), "userAsset": s(&user_asset), "userQuote": s(&user_quote),
                   "quote": quote_json(&quote)}),
            &ix::swap_with_quote(&payer, &p, &user_asset, &user_quote, quote),
        ));
    }
    // ---- LPs
    out.extend([
        ix_json(
            "openPosition",
            json!({"payer": s(&payer), "pool": pr.clone(), "owner": s(&owner)}),
            &ix::open_position(&payer, &p, owner),
        ),
        ix_json(
            "deposit",
            json!({"owner": s(&owner), "pool": pr.clone(), "ownerQuote": s(&owner_quote), "amount": "5000000000", "minShares": "4999999999"}),
            &ix::deposit(&owner, &p, &owner_quote, 5_000_000_000, 4_999_999_999),
        ),
        ix_json(
            "requestWithdrawal",
            json!({"owner": s(&owner), "pool": pr.clone(), "openGen": "2", "shares": "123456789"}),
            &ix::request_withdrawal(&owner, &p, 2, 123_456_789),
        ),
        ix_json(
            "claimWithdrawal",
            json!({"owner": s(&owner), "pool": pr, "gen": "1", "ownerQuote": s(&owner_quote)}),
            &ix::claim_withdrawal(&owner, &p, 1, &owner_quote),
        ),
    ]);
    out
}

fn pdas() -> Vec<Value> {
    let p = |name: &str, inputs: Value, addr: Pubkey, seeds: &[&[u8]]| {
        let (a, bump) = Pubkey::find_program_address(seeds, &halo_trading::ID);
        assert_eq!(a, addr, "{name}");
        json!({"name": name, "inputs": inputs, "address": s(&a), "bump": bump})
    };
    let authority = k(51);
    let class = halo_sdk::pda::class(&authority, 3);
    let pool = halo_sdk::pda::pool(&class, 5);
    let book = halo_sdk::pda::book(&class, 6);
    let owner = k(66);
    vec![
        p(
            "class",
            json!({"authority": s(&authority), "classId": "3"}),
            class,
            &[SEED_CLASS, authority.as_ref(), &3u64.to_le_bytes()],
        ),
        p(
            "pool",
            json!({"class": s(&class), "unitId": "5"}),
            pool,
            &[SEED_UNIT, class.as_ref(), &5u64.to_le_bytes()],
        ),
        p(
            "book",
            json!({"class": s(&class), "bookId": "6"}),
            book,
            &[SEED_BOOK, class.as_ref(), &6u64.to_le_bytes()],
        ),
        p(
            "bookVault",
            json!({"book": s(&book), "mint": s(&k(57))}),
            halo_sdk::pda::vault(&book, &k(57)),
            &[SEED_BOOK_VAULT, book.as_ref(), k(57).as_ref()],
        ),
        p(
            "bookVault",
            json!({"book": s(&book), "mint": s(&k(58))}),
            halo_sdk::pda::vault(&book, &k(58)),
            &[SEED_BOOK_VAULT, book.as_ref(), k(58).as_ref()],
        ),
        p(
            "lp",
            json!({"pool": s(&pool), "owner": s(&owner)}),
            halo_sdk::pda::position(&pool, &owner),
            &[SEED_LP, pool.as_ref(), owner.as_ref()],
        ),
        p(
            "withdrawGen",
            json!({"pool": s(&pool), "id": "0"}),
            halo_sdk::pda::generation(&pool, 0),
            &[SEED_WITHDRAW_GEN, pool.as_ref(), &0u64.to_le_bytes()],
        ),
        p(
            "withdrawGen",
            json!({"pool": s(&pool), "id": "18446744073709551615"}),
            halo_sdk::pda::generation(&pool, u64::MAX),
            &[SEED_WITHDRAW_GEN, pool.as_ref(), &u64::MAX.to_le_bytes()],
        ),
        p(
            "redemption",
            json!({"pool": s(&pool), "id": "4"}),
            halo_sdk::pda::redemption(&pool, 4),
            &[SEED_REDEMPTION, pool.as_ref(), &4u64.to_le_bytes()],
        ),
        p(
            "quoteReceipt",
            json!({"pool": s(&pool), "nonce": "0"}),
            halo_sdk::pda::quote_receipt(&pool, 0),
            &[SEED_QUOTE, pool.as_ref(), &0u64.to_le_bytes()],
        ),
        p(
            "quoteReceipt",
            json!({"pool": s(&pool), "nonce": "1"}),
            halo_sdk::pda::quote_receipt(&pool, 1),
            &[SEED_QUOTE, pool.as_ref(), &1u64.to_le_bytes()],
        ),
        p(
            "quoteReceipt",
            json!({"pool": s(&pool), "nonce": "18446744073709551615"}),
            halo_sdk::pda::quote_receipt(&pool, u64::MAX),
            &[SEED_QUOTE, pool.as_ref(), &u64::MAX.to_le_bytes()],
        ),
    ]
}

fn account<T: AccountSerialize>(ty: &str, addr: Pubkey, acc: &T, fields: Value) -> Value {
    let mut data = Vec::new();
    acc.try_serialize(&mut data).unwrap();
    json!({"type": ty, "address": s(&addr), "data": hex(&data), "fields": fields})
}

fn limit_state_json(l: &halo_math::RateLimitState) -> Value {
    json!({"maxAmount": l.max_amount.to_string(), "slope": l.slope.to_string(),
           "lastAmount": l.last_amount.to_string(), "lastUpdated": l.last_updated.to_string()})
}

fn pause_json(r: PauseReason) -> Value {
    match r {
        PauseReason::None => json!({"none": {}}),
        PauseReason::Manual => json!({"manual": {}}),
        PauseReason::Deviation => json!({"deviation": {}}),
    }
}

fn pool_account(addr: Pubkey, p: &Pool) -> Value {
    // in two parts: one `json!` of every field exceeds the macro recursion limit
    let mut v = account(
        "pool",
        addr,
        p,
        json!({
            "version": p.version, "bump": p.bump, "class": s(&p.class), "unitId": p.unit_id.to_string(),
            "book": s(&p.book), "assetMint": s(&p.asset_mint), "assetDecimals": p.asset_decimals,
            "quoteDecimals": p.quote_decimals, "assetVault": s(&p.asset_vault), "quoteVault": s(&p.quote_vault),
            "priceSource": source_json(&p.price_source), "params": params_json(&p.params),
            "buyEnabled": p.buy_enabled, "sellEnabled": p.sell_enabled, "paused": p.paused,
            "pauseReason": pause_json(p.pause_reason), "redemptionFailed": p.redemption_failed,
            "lastPriceWad": p.last_price_wad.to_string(), "lastPriceTs": p.last_price_ts.to_string(),
            "bidLimit": limit_state_json(&p.bid_limit), "askLimit": limit_state_json(&p.ask_limit),
            "redeemLimit": limit_state_json(&p.redeem_limit),
        }),
    );
    let more = json!({
        "quoteLiquidity": p.quote_liquidity.to_string(), "claimsReserved": p.claims_reserved.to_string(),
        "inventory": p.inventory.to_string(), "inventoryCost": p.inventory_cost.to_string(),
        "pendingExpected": p.pending_expected.to_string(), "pendingCost": p.pending_cost.to_string(),
        "totalShares": p.total_shares.to_string(), "queuedShares": p.queued_shares.to_string(),
        "queueOpenGen": p.queue_open_gen.to_string(), "queueSettlingGen": p.queue_settling_gen.to_string(),
        "nextRedemptionId": p.next_redemption_id.to_string(), "swaps": p.swaps.to_string(),
        "boughtAsset": p.bought_asset.to_string(), "boughtQuote": p.bought_quote.to_string(),
        "soldAsset": p.sold_asset.to_string(), "soldQuote": p.sold_quote.to_string(),
        "spreadEarned": p.spread_earned.to_string(), "realisedPnl": p.realised_pnl.to_string(),
        "redemptionsSettled": p.redemptions_settled.to_string(),
        "redemptionsFailed": p.redemptions_failed.to_string(),
        "failedExpected": p.failed_expected.to_string(), "deadShares": p.dead_shares.to_string(),
        "swapPriceWad": p.swap_price_wad.to_string(), "swapPriceSlot": p.swap_price_slot.to_string(),
        "swapPriceChangeTs": p.swap_price_change_ts.to_string(),
        "refPriceWad": p.ref_price_wad.to_string(), "refWindowStart": p.ref_window_start.to_string(),
        "pendingPriceSource": p.pending_price_source.as_ref().map(source_json),
        "pendingPriceSourceEta": p.pending_price_source_eta.to_string(),
        "oldestPendingId": p.oldest_pending_id.to_string(), "oldestPendingDue": p.oldest_pending_due.to_string(),
        "pendingAsset": p.pending_asset.to_string(),
        "reserved": hex(&p.reserved),
    });
    let fields = v["fields"].as_object_mut().expect("fields");
    fields.extend(more.as_object().expect("object").clone());
    v
}

fn accounts() -> Vec<Value> {
    let f = fixture();
    let p = f.feed_pool;
    let class = TradingClass {
        version: 1,
        bump: 253,
        authority: f.authority,
        class_id: 3,
        governance: f.authority,
        beacon: f.beacon,
        freezer: f.freezer,
        quote_mint: p.quote_mint,
        quote_decimals: 6,
        pau_controller: f.link.controller,
        paused: true,
        pool_count: 2,
        pending_governance: f.beacon,
        rfq_domain: RFQ_CLUSTER,
        reserved: [0; 64],
    };
    let lim = |a: u64, b: u64, c: u64, d: i64| halo_math::RateLimitState {
        max_amount: a,
        slope: b,
        last_amount: c,
        last_updated: d,
    };
    let feed_pool = Pool {
        version: 1,
        bump: 255,
        class: p.class,
        unit_id: 5,
        book: p.book,
        asset_mint: p.asset_mint,
        asset_decimals: 6,
        quote_decimals: 6,
        asset_vault: p.asset_vault,
        quote_vault: p.quote_vault,
        price_source: PriceSource::HaloFeed {
            feed: p.price_account,
        },
        params: params(),
        buy_enabled: true,
        sell_enabled: false,
        paused: true,
        pause_reason: PauseReason::Deviation,
        redemption_failed: false,
        last_price_wad: 1_002_500_000_000_000_000,
        last_price_ts: 1_800_000_000,
        bid_limit: lim(u64::MAX, 0, u64::MAX, 1_799_999_000),
        ask_limit: lim(
            5_000_000_000_000,
            57_870_370,
            4_000_000_000_000,
            1_800_000_000,
        ),
        redeem_limit: lim(1, u64::MAX, 0, -1),
        quote_liquidity: 900_050_000_000,
        claims_reserved: 1_234,
        inventory: 100_000_000_000,
        inventory_cost: 99_950_000_000,
        pending_expected: 0,
        pending_cost: 0,
        total_shares: 1_000_000_000_000,
        queued_shares: 7,
        queue_open_gen: 2,
        queue_settling_gen: 1,
        next_redemption_id: 4,
        swaps: 3,
        bought_asset: 100_000_000_000,
        bought_quote: 99_950_000_000,
        sold_asset: u128::from(u64::MAX) * 3,
        sold_quote: u128::MAX,
        spread_earned: 50_000_000,
        realised_pnl: i128::MIN + 1,
        redemptions_settled: 0,
        redemptions_failed: 1,
        failed_expected: 1_000_000_000,
        dead_shares: 11,
        swap_price_wad: 1_001_000_000_000_000_000,
        swap_price_slot: 4_242,
        swap_price_change_ts: 1_699_990_000,
        ref_price_wad: 999_000_000_000_000_000,
        ref_window_start: 1_699_900_000,
        pending_price_source: Some(PriceSource::Pyth { feed_id: [8; 32] }),
        pending_price_source_eta: 1_700_172_800,
        oldest_pending_id: 3,
        oldest_pending_due: 1_700_086_400,
        pending_asset: 250_000_000_000,
        reserved: [0; 64],
    };
    let mut pyth_pool = Pool {
        unit_id: 8,
        asset_mint: f.pyth_pool.asset_mint,
        asset_decimals: 9,
        price_source: PriceSource::Pyth {
            feed_id: [0xef; 32],
        },
        pause_reason: PauseReason::None,
        paused: false,
        redemption_failed: true,
        realised_pnl: -42,
        ..feed_pool_clone(&feed_pool)
    };
    pyth_pool.reserved[63] = 9;
    let book = Book {
        version: 1,
        bump: 252,
        class: p.class,
        pool: p.pool,
        book_id: 6,
        asset_vault: p.asset_vault,
        quote_vault: p.quote_vault,
        reserved: [0; 32],
    };
    let owner = k(66);
    let position = LpPosition {
        version: 1,
        bump: 251,
        pool: p.pool,
        owner,
        shares: 4_999_999_999,
        queued_shares: 123_456_789,
        queue_gen: 2,
        claimed_filled: 3,
        claimed_paid: 2,
        total_deposited: u128::from(u64::MAX) + 1,
        total_withdrawn: 0,
        reserved: [0; 64],
    };
    let redemption = Redemption {
        version: 1,
        bump: 250,
        pool: p.pool,
        id: 4,
        amount: 250_000_000_000,
        nav_wad: 1_000_500_000_000_000_000,
        expected_quote: 250_125_000_000,
        cost_basis: 249_875_000_000,
        sent_at: 1_800_000_000,
        expected_by: 1_800_086_400,
        status: RedemptionStatus::Failed,
        received: 0,
        reserved: [0; 32],
    };
    let generation = WithdrawGeneration {
        version: 1,
        bump: 249,
        pool: p.pool,
        id: 1,
        requested: 1_000,
        filled: 600,
        paid: 601_500,
        closed: true,
        opened_at: 1_799_000_000,
        closed_at: 1_799_086_400,
        reserved: [0; 16],
    };
    let mut receipt = QuoteReceipt {
        version: 1,
        bump: 248,
        pool: p.pool,
        user: k(62),
        nonce: 1,
        filled_at: 1_800_000_030,
        reserved: [0; 16],
    };
    receipt.reserved[15] = 7;
    vec![
        account(
            "tradingClass",
            halo_sdk::pda::class(&f.authority, 3),
            &class,
            json!({
                "version": class.version, "bump": class.bump, "authority": s(&class.authority),
                "classId": class.class_id.to_string(), "governance": s(&class.governance),
                "beacon": s(&class.beacon), "freezer": s(&class.freezer), "quoteMint": s(&class.quote_mint),
                "quoteDecimals": class.quote_decimals, "pauController": s(&class.pau_controller),
                "paused": class.paused, "poolCount": class.pool_count.to_string(),
                "pendingGovernance": s(&class.pending_governance), "rfqDomain": hex(&class.rfq_domain),
                "reserved": hex(&class.reserved),
            }),
        ),
        pool_account(p.pool, &feed_pool),
        pool_account(f.pyth_pool.pool, &pyth_pool),
        account(
            "book",
            p.book,
            &book,
            json!({
                "version": book.version, "bump": book.bump, "class": s(&book.class), "pool": s(&book.pool),
                "bookId": book.book_id.to_string(), "assetVault": s(&book.asset_vault),
                "quoteVault": s(&book.quote_vault), "reserved": hex(&book.reserved),
            }),
        ),
        account(
            "lpPosition",
            halo_sdk::pda::position(&p.pool, &owner),
            &position,
            json!({
                "version": position.version, "bump": position.bump, "pool": s(&position.pool),
                "owner": s(&position.owner), "shares": position.shares.to_string(),
                "queuedShares": position.queued_shares.to_string(), "queueGen": position.queue_gen.to_string(),
                "claimedFilled": position.claimed_filled.to_string(), "claimedPaid": position.claimed_paid.to_string(),
                "totalDeposited": position.total_deposited.to_string(),
                "totalWithdrawn": position.total_withdrawn.to_string(), "reserved": hex(&position.reserved),
            }),
        ),
        account(
            "redemption",
            halo_sdk::pda::redemption(&p.pool, 4),
            &redemption,
            json!({
                "version": redemption.version, "bump": redemption.bump, "pool": s(&redemption.pool),
                "id": redemption.id.to_string(), "amount": redemption.amount.to_string(),
                "navWad": redemption.nav_wad.to_string(), "expectedQuote": redemption.expected_quote.to_string(),
                "costBasis": redemption.cost_basis.to_string(), "sentAt": redemption.sent_at.to_string(),
                "expectedBy": redemption.expected_by.to_string(), "status": {"failed": {}},
                "received": redemption.received.to_string(), "reserved": hex(&redemption.reserved),
            }),
        ),
        account(
            "withdrawGeneration",
            halo_sdk::pda::generation(&p.pool, 1),
            &generation,
            json!({
                "version": generation.version, "bump": generation.bump, "pool": s(&generation.pool),
                "id": generation.id.to_string(), "requested": generation.requested.to_string(),
                "filled": generation.filled.to_string(), "paid": generation.paid.to_string(),
                "closed": generation.closed, "openedAt": generation.opened_at.to_string(),
                "closedAt": generation.closed_at.to_string(), "reserved": hex(&generation.reserved),
            }),
        ),
        // not in the IDL (no instruction takes it typed): the TS client decodes it by hand
        account(
            "quoteReceipt",
            halo_sdk::pda::quote_receipt(&p.pool, 1),
            &receipt,
            json!({
                "version": receipt.version, "bump": receipt.bump, "pool": s(&receipt.pool),
                "user": s(&receipt.user), "nonce": receipt.nonce.to_string(),
                "filledAt": receipt.filled_at.to_string(), "reserved": hex(&receipt.reserved),
            }),
        ),
    ]
}

// ---- RFQ ------------------------------------------------------------------------------

/// The signed message of quotes (`RfqQuote::message`), Ed25519 precompile data
/// (`ed25519_instruction_data`, and the `ed25519_verify` instruction) for fixed keys,
/// signatures and messages, and `signed_quote` by a fixed beacon keypair (Ed25519 signing
/// is deterministic, so the TS client must produce the same signature).
fn rfq() -> Value {
    let f = fixture();
    let p = f.feed_pool;
    let (user, user_asset, user_quote, payer) = (k(62), k(63), k(64), k(65));
    let quotes = [
        RfqQuote {
            pool: p.pool,
            user,
            side: Side::SellAsset,
            asset_amount: 100_000_000_000,
            quote_amount: 99_980_000_000,
            expiry: 1_800_000_060,
            nonce: 1,
        },
        RfqQuote {
            pool: k(1),
            user: k(2),
            side: Side::BuyAsset,
            asset_amount: u64::MAX,
            quote_amount: 1,
            expiry: i64::MIN,
            nonce: u64::MAX,
        },
        RfqQuote {
            pool: Pubkey::default(),
            user: Pubkey::default(),
            side: Side::SellAsset,
            asset_amount: 0,
            quote_amount: 0,
            expiry: -1,
            nonce: 0,
        },
    ];
    let messages: Vec<Value> = quotes
        .iter()
        .map(|q| json!({"quote": quote_json(q), "cluster": hex(&RFQ_CLUSTER), "message": hex(&q.message(&RFQ_CLUSTER))}))
        .collect();
    let mut sig = [0u8; 64];
    for (i, b) in sig.iter_mut().enumerate() {
        *b = u8::try_from(i).unwrap();
    }
    let cases: Vec<([u8; 32], [u8; 64], Vec<u8>)> = vec![
        ([3; 32], [9; 64], b"hello".to_vec()),
        (f.beacon.to_bytes(), sig, quotes[0].message(&RFQ_CLUSTER)),
        ([0; 32], [0; 64], Vec::new()),
        ([0xff; 32], [0xee; 64], vec![0x5a; 1_000]),
    ];
    let ed25519: Vec<Value> = cases
        .iter()
        .map(|(pk, sig, msg)| {
            let signer = Pubkey::new_from_array(*pk);
            json!({
                "pubkey": s(&signer), "signature": hex(sig), "message": hex(msg),
                "data": hex(&ed25519_instruction_data(pk, sig, msg)),
                "instruction": ix_json("ed25519Verify", json!({}), &ed25519_verify(&signer, sig, msg)),
            })
        })
        .collect();
    let beacon = kp(52);
    let signed: Vec<Value> = [(quotes[0], payer), (quotes[0], user)]
        .iter()
        .map(|&(q, payer)| {
            use halo_harness::Signer;
            let sig: [u8; 64] = beacon.sign_message(&q.message(&RFQ_CLUSTER)).into();
            let [verify, fill] =
                signed_quote(&beacon, &RFQ_CLUSTER, &payer, &p, &user_asset, &user_quote, q);
            json!({
                "beaconSeed": hex(&[52u8; 32]), "beacon": s(&beacon.pubkey()), "payer": s(&payer),
                "pool": pool_ref_json(&p, 6), "userAsset": s(&user_asset), "userQuote": s(&user_quote),
                "quote": quote_json(&q), "cluster": hex(&RFQ_CLUSTER), "signature": hex(&sig),
                "instructions": [ix_json("ed25519Verify", json!({}), &verify), ix_json("swapWithQuote", json!({}), &fill)],
            })
        })
        .collect();
    json!({
        "domain": hex(RFQ_DOMAIN),
        "ed25519ProgramId": s(&ED25519_PROGRAM_ID),
        "instructionsSysvar": s(&INSTRUCTIONS_SYSVAR),
        "messages": messages,
        "ed25519": ed25519,
        "signedQuotes": signed,
    })
}

/// `Pool` is not `Clone` (an `#[account]`): a field-by-field copy for the second pool.
fn feed_pool_clone(p: &Pool) -> Pool {
    let mut data = Vec::new();
    p.try_serialize(&mut data).unwrap();
    anchor_lang::AccountDeserialize::try_deserialize(&mut data.as_slice()).unwrap()
}

// ---- pricing --------------------------------------------------------------------------

fn err_json(e: MathError) -> Value {
    json!({"error": format!("{e:?}")})
}

fn market_json(m: &Market) -> Value {
    json!({"priceWad": m.price_wad.to_string(), "assetDecimals": m.asset_decimals, "quoteDecimals": m.quote_decimals})
}

fn markets() -> Vec<Market> {
    let m = |price_wad: u128, asset_decimals: u8, quote_decimals: u8| Market {
        price_wad,
        asset_decimals,
        quote_decimals,
    };
    vec![
        m(WAD, 6, 6),                       // t-bill at par
        m(WAD / 2, 6, 6),                   // dust rounds for the pool
        m(5 * WAD / 2, 9, 6),               // decimals converted
        m(WAD + WAD / 1_000_000, 0, 6),     // 0-decimal asset
        m(1_234_567_890_123_456_789, 8, 6), // odd price
        m(WAD / 3, 6, 9),                   // repeating price, quote with more decimals
        m(99_999_999_999_999_999, 18, 18),  // 18 decimals both
        m(10_000 * WAD, 0, 18),             // products near the u128 edge
        m(7, 0, 0),                         // a price of 7e-18
    ]
}

fn side_mode_names(side: Side, mode: Mode) -> (&'static str, &'static str) {
    (
        if side == Side::SellAsset {
            "sellAsset"
        } else {
            "buyAsset"
        },
        if mode == Mode::ExactIn {
            "exactIn"
        } else {
            "exactOut"
        },
    )
}

/// `Market::quote` for every side and mode, grouped by market: a grid of amounts and
/// spreads (1 and 3 base units for dust rounding, a u64 overflow, the seed 000 trades),
/// then the refusals (spread above the cap, decimals above 18, a zero or huge price).
/// The cluster domain the golden RFQ messages are signed for.
const RFQ_CLUSTER: [u8; 32] = [0x47; 32];

fn quotes() -> Vec<Value> {
    let mut groups: Vec<(Market, Vec<(u64, u32)>)> = markets()
        .into_iter()
        .map(|mk| {
            let mut cases = Vec::new();
            for amount in [1u64, 3, 1_000_001, 100_000_000_000] {
                for spread in [0u32, 37, 5_000] {
                    cases.push((amount, spread));
                }
            }
            cases.push((u64::MAX, 5));
            (mk, cases)
        })
        .collect();
    groups[0].1.extend([
        (100_000_000_000, 5),
        (99_950_000_000, 5),
        (500_000_000_000, 10),
        (500_500_000_000, 10),
    ]);
    let edge = |price_wad, asset_decimals, quote_decimals| Market {
        price_wad,
        asset_decimals,
        quote_decimals,
    };
    groups.extend([
        (edge(WAD, 6, 6), vec![(1_000_000, 5_001)]),
        (edge(WAD, 19, 6), vec![(1_000_000, 5)]),
        (edge(WAD, 6, 19), vec![(1_000_000, 5)]),
        (edge(0, 6, 6), vec![(1_000_000, 5)]),
        (edge(u128::MAX, 6, 6), vec![(1_000_000, 5)]),
        (edge(u128::MAX / 1_000_000, 0, 6), vec![(1, 0)]),
        (edge(WAD, 18, 0), vec![(999_999_999_999_999_999, 0)]),
    ]);
    groups
        .into_iter()
        .map(|(mk, cases)| {
            let mut out = Vec::new();
            for (amount, spread) in cases {
                for side in [Side::SellAsset, Side::BuyAsset] {
                    for mode in [Mode::ExactIn, Mode::ExactOut] {
                        let (side_name, mode_name) = side_mode_names(side, mode);
                        let mut c = json!({"side": side_name, "mode": mode_name, "amount": amount.to_string(), "spreadBps": spread});
                        let result = match mk.quote(side, mode, amount, spread) {
                            Ok(f) => {
                                json!({"assetAmount": f.asset_amount.to_string(), "quoteAmount": f.quote_amount.to_string(), "midQuote": f.mid_quote.to_string()})
                            }
                            Err(e) => err_json(e),
                        };
                        c.as_object_mut()
                            .expect("object")
                            .extend(result.as_object().expect("object").clone());
                        out.push(c);
                    }
                }
            }
            json!({"market": market_json(&mk), "cases": out})
        })
        .collect()
}

/// `Market::value` and `Market::asset_for_value`, both roundings, grouped by market.
fn values() -> Vec<Value> {
    let r = |v: Result<u64, MathError>| match v {
        Ok(v) => json!(v.to_string()),
        Err(e) => err_json(e),
    };
    markets()
        .iter()
        .map(|mk| {
            let mut cases = Vec::new();
            for amount in [0u64, 1, 3, 999_999_999, u64::MAX] {
                for (rounding, name) in [(Rounding::Down, "down"), (Rounding::Up, "up")] {
                    cases.push(json!({
                        "amount": amount.to_string(), "rounding": name,
                        "value": r(mk.value(amount, rounding)),
                        "assetForValue": r(mk.asset_for_value(amount, rounding)),
                    }));
                }
            }
            json!({"market": market_json(mk), "cases": cases})
        })
        .collect()
}

fn skews() -> Vec<Value> {
    let cases: &[(u32, u32, u32, u64, u64)] = &[
        (5, 5_000, 20, 0, 1_000),
        (5, 5_000, 20, 500, 1_000),
        (5, 5_000, 20, 501, 1_000),
        (5, 5_000, 20, 750, 1_000),
        (5, 5_000, 20, 1_000, 1_000),
        (5, 5_000, 20, 9_999, 1_000),
        (5, 5_000, 0, 900, 1_000),
        (5, 10_000, 20, 900, 1_000),
        (5, 9_999, 5_000, 1, 3),
        (5, 0, 20, 1, 1_000),
        (5, 0, 20, 1, u64::MAX),
        (5, 3_333, 7, 1_234, 10_000),
        (5, 2_500, 13, 333, 1_000),
        (0, 0, 5_000, u64::MAX, u64::MAX),
        (5, 5_000, 20, 500, 0),
        (u32::MAX, 0, 1, 1, 1),
        (u32::MAX - 1, 0, 1, 1, 1),
        (1, 0, u32::MAX, 1, 1),
        (7, 4_000, 50, 50_000_000_000_000, 50_000_000_000_000),
        (7, 4_000, 50, 20_000_000_000_001, 50_000_000_000_000),
    ];
    cases
        .iter()
        .map(|&(base, start, max, inv, limit)| {
            let result = match skewed_spread_bps(base, start, max, inv, limit) {
                Ok(v) => json!({"spreadBps": v}),
                Err(e) => err_json(e),
            };
            json!({"baseBps": base, "skewStartBps": start, "skewMaxBps": max,
                   "inventory": inv.to_string(), "positionLimit": limit.to_string(), "result": result})
        })
        .collect()
}

/// `Market::quote_sale` (a sale priced with the exact average skew) and `Skew::area`, for
/// the TS client's port: inventories below, across and beyond the skew band, both modes,
/// dust and refusals.
fn sales() -> Vec<Value> {
    let skews = [
        Skew {
            start_bps: 5_000,
            max_bps: 20,
            position_limit: 1_000_000_000_000,
        },
        Skew {
            start_bps: 0,
            max_bps: 4_995,
            position_limit: 1_000,
        },
        Skew {
            start_bps: 3_333,
            max_bps: 7,
            position_limit: 10_000,
        },
        Skew {
            start_bps: 2_500,
            max_bps: 0,
            position_limit: 1_000,
        },
    ];
    let mut out = Vec::new();
    for mk in markets().into_iter().take(3) {
        for skew in &skews {
            for inv in [
                0u64,
                499_999_000_000,
                999_000_000_000,
                5_000,
                2_000_000_000_000,
            ] {
                for amount in [1u64, 3, 1_000_001, 500_000_000_000] {
                    for mode in [Mode::ExactIn, Mode::ExactOut] {
                        for bid in [5u32, 1] {
                            let result = match mk.quote_sale(mode, amount, bid, skew, inv) {
                                Ok((f, bps)) => json!({
                                    "assetAmount": f.asset_amount.to_string(),
                                    "quoteAmount": f.quote_amount.to_string(),
                                    "midQuote": f.mid_quote.to_string(),
                                    "spreadBps": bps,
                                }),
                                Err(e) => err_json(e),
                            };
                            let area = match skew.area(inv, inv.saturating_add(amount)) {
                                Ok(a) => json!(a.to_string()),
                                Err(e) => err_json(e),
                            };
                            out.push(json!({
                                "market": market_json(&mk),
                                "skewStartBps": skew.start_bps, "skewMaxBps": skew.max_bps,
                                "positionLimit": skew.position_limit.to_string(),
                                "inventory": inv.to_string(), "amount": amount.to_string(),
                                "mode": if mode == Mode::ExactIn { "exactIn" } else { "exactOut" },
                                "bidBps": bid, "area": area, "result": result,
                            }));
                        }
                    }
                }
            }
        }
    }
    out
}

fn confidences() -> Vec<Value> {
    [
        (100_000_000u64, 10_000u64),
        (100_000_000, 10_001),
        (1, 0),
        (0, 1),
        (3, u64::MAX),
    ]
    .iter()
    .map(|&(price, conf)| {
        let result = match confidence_bps(price, conf) {
            Ok(b) => json!({"bps": b}),
            Err(e) => err_json(e),
        };
        json!({"price": price.to_string(), "conf": conf.to_string(), "result": result})
    })
    .collect()
}

fn to_wads() -> Vec<Value> {
    let cases: &[(i64, i32)] = &[
        (100_000_000, -8),
        (1, 0),
        (123, -20),
        (1, -40),
        (0, -8),
        (-5, -8),
        (i64::MAX, 30),
        (i64::MAX, 20),
        (1_002_500, -6),
        (999_999_999_999_999_999, -18),
        (7, 2),
    ];
    cases
        .iter()
        .map(|&(value, exponent)| {
            let result = match to_wad(value, exponent) {
                Ok(Some(w)) => json!({"wad": w.to_string()}),
                Ok(None) => json!({"wad": null}),
                Err(e) => err_json(e),
            };
            json!({"value": value.to_string(), "exponent": exponent, "result": result})
        })
        .collect()
}

fn deviations() -> Vec<Value> {
    let cases: &[(u128, u128, u32)] = &[
        (WAD, 0, 0),
        (WAD + WAD / 100, WAD, 100),
        (WAD + WAD / 100 + 1, WAD, 100),
        (WAD - WAD / 100 - 1, WAD, 100),
        (0, WAD, 10_000),
        (u128::MAX, 1, 10_000),
        (u128::MAX, u128::MAX, u32::MAX),
    ];
    cases
        .iter()
        .map(|&(new, reference, max)| {
            let result = match deviates(new, reference, max) {
                Ok(b) => json!({"deviates": b}),
                Err(e) => err_json(e),
            };
            json!({"new": new.to_string(), "reference": reference.to_string(), "maxBps": max, "result": result})
        })
        .collect()
}

pub fn golden() -> Value {
    json!({
        "programId": halo_trading::ID.to_string(),
        "pauProgramId": halo_pau::ID.to_string(),
        "instructions": instructions(),
        "pdas": pdas(),
        "accounts": accounts(),
        "rfq": rfq(),
        "errors": halo_sdk::errors::TRADING_ERRORS.iter().map(|e| json!({"code": u32::from(*e), "name": e.name(), "msg": e.to_string()})).collect::<Vec<_>>(),
        "pricing": {
            "quotes": quotes(),
            "values": values(),
            "skews": skews(),
            "sales": sales(),
            "confidences": confidences(),
            "toWad": to_wads(),
            "deviates": deviations(),
        },
    })
}
