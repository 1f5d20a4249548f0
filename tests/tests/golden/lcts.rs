//! `halo_lcts.json`: every instruction from `halo_sdk::lcts` (with the `UnitRef` they were
//! built from, every derived address included), the PDAs with their bumps, every account
//! type serialised from fixed state with all its fields, the views' return data (as the
//! program serialises it, and as a client receives it: trailing zero bytes trimmed by the
//! runtime), the errors, and a table of `halo_math::lcts` results the TypeScript port must
//! reproduce exactly (enter, exit, pending reward, underlying, conversion, settle, the
//! exchange-rate conversions, netting, rate updates and staleness).
use anchor_lang::{prelude::Pubkey, AccountSerialize, AnchorSerialize};
use halo_lcts::constants::*;
use halo_math::lcts::{
    self as m, GenerationTotals, LctsError as MathLctsError, PositionShares, RateBounds,
    RateUpdateError,
};
use halo_math::MathError;
use halo_sdk::lcts::{self as ix, *};
use halo_sdk::pda;
use serde_json::{json, Value};

use super::{hex, ix_json, k};

fn s(p: &Pubkey) -> String {
    p.to_string()
}

const TOKEN: Pubkey = anchor_spl::token::ID;
const TOKEN_2022: Pubkey = anchor_spl::token_2022::ID;

fn side_name(side: QueueSide) -> &'static str {
    match side {
        QueueSide::Subscribe => "subscribe",
        QueueSide::Redeem => "redeem",
    }
}

/// Enums as Anchor's TS coder decodes them: `{ variant: {} }`.
fn status_json(st: QueueStatus) -> Value {
    match st {
        QueueStatus::Dormant => json!({"dormant": {}}),
        QueueStatus::Active => json!({"active": {}}),
        QueueStatus::Locked => json!({"locked": {}}),
    }
}

fn side_json(side: QueueSide) -> Value {
    json!({ side_name(side): {} })
}

/// The `UnitRef` inputs and every address `UnitRef::new` derives (the TS client must find
/// the same), with both route keys.
fn unit_ref_json(u: &UnitRef) -> Value {
    json!({
        "class": s(&u.class), "unitId": u.unit_id.to_string(), "usdsMint": s(&u.usds_mint),
        "usdsTokenProgram": s(&u.usds_token_program),
        "pau": {"controller": s(&u.pau_controller), "custody": s(&u.pau_custody),
                "deployEndpoint": s(&u.deploy_endpoint)},
        // derived
        "unit": s(&u.unit), "shareMint": s(&u.share_mint),
        "subscribeQueue": s(&u.subscribe_queue), "redeemQueue": s(&u.redeem_queue),
        "subscribeUsdsVault": s(&u.subscribe_usds_vault),
        "subscribeShareVault": s(&u.subscribe_share_vault),
        "redeemShareVault": s(&u.redeem_share_vault), "redeemUsdsVault": s(&u.redeem_usds_vault),
        "pauController": s(&u.pau_controller), "pauProxy": s(&u.pau_proxy),
        "pauCustody": s(&u.pau_custody), "pauIntegration": s(&u.pau_integration),
        "deployRateLimit": s(&u.deploy_rate_limit), "returnRateLimit": s(&u.return_rate_limit),
        "deployEndpoint": s(&u.deploy_endpoint),
        "deployRouteKey": hex(&u.deploy_route_key()), "returnRouteKey": hex(&u.return_route_key()),
    })
}

/// `UnitParams` as Anchor's TS coder decodes it (i64 / u64 as decimal strings).
fn params_json(p: &UnitParams) -> Value {
    json!({
        "maxRateUpBps": p.max_rate_up_bps, "maxRateDownBps": p.max_rate_down_bps,
        "epochS": p.epoch_s.to_string(), "lockOffsetS": p.lock_offset_s.to_string(),
        "lockWindowS": p.lock_window_s.to_string(), "maxLockS": p.max_lock_s.to_string(),
        "dust": p.dust.to_string(), "minEntry": p.min_entry.to_string(),
    })
}

fn params() -> UnitParams {
    UnitParams {
        max_rate_up_bps: 100,
        max_rate_down_bps: 500,
        epoch_s: 86_400,
        lock_offset_s: 3_600,
        lock_window_s: 7_200,
        max_lock_s: DEFAULT_MAX_LOCK_S,
        dust: 100,
        min_entry: 1_000_000,
    }
}

struct Fixture {
    governance: Pubkey,
    beacon: Pubkey,
    freezer: Pubkey,
    /// An SPL Token USDS unit, and a Token-2022 USDS unit of another class.
    unit: UnitRef,
    unit_2022: UnitRef,
}

fn fixture() -> Fixture {
    let governance = k(71);
    let class = pda::lcts_class(&governance, 3);
    let usds = k(74);
    let controller = pda::controller(&pda::configurator(), 7);
    let custody = halo_sdk::ata(&pda::proxy(&controller), &usds, &TOKEN);
    let unit = UnitRef::new(
        class,
        5,
        usds,
        TOKEN,
        UnitPau {
            controller,
            custody,
            deploy_endpoint: k(75),
        },
    );
    let usds_2022 = k(81);
    let unit_2022 = UnitRef::new(
        pda::lcts_class(&k(82), u64::MAX),
        u64::MAX,
        usds_2022,
        TOKEN_2022,
        UnitPau {
            controller,
            custody: halo_sdk::ata(&pda::proxy(&controller), &usds_2022, &TOKEN_2022),
            deploy_endpoint: k(83),
        },
    );
    Fixture {
        governance,
        beacon: k(72),
        freezer: k(73),
        unit,
        unit_2022,
    }
}

fn instructions() -> Vec<Value> {
    let f = fixture();
    let (gov, beacon, freezer) = (f.governance, f.beacon, f.freezer);
    let (owner, owner_usds, owner_shares, keeper, new_gov) = (k(76), k(77), k(78), k(79), k(80));
    let mut out = vec![
        ix_json(
            "createClass",
            json!({"authority": s(&gov), "classId": "3"}),
            &ix::create_class(&gov, 3),
        ),
        ix_json(
            "createClass",
            json!({"authority": s(&k(82)), "classId": "18446744073709551615"}),
            &ix::create_class(&k(82), u64::MAX),
        ),
        ix_json(
            "proposeClassGovernance",
            json!({"governance": s(&gov), "class": s(&f.unit.class), "newGovernance": s(&new_gov)}),
            &ix::propose_class_governance(&gov, &f.unit.class, new_gov),
        ),
        ix_json(
            "acceptClassGovernance",
            json!({"newGovernance": s(&new_gov), "class": s(&f.unit.class)}),
            &ix::accept_class_governance(&new_gov, &f.unit.class),
        ),
    ];
    for (u, rate_wad, name) in [
        (&f.unit, WAD, "Halo Passthrough Unit 5"),
        (
            &f.unit_2022,
            999_999_999_999_999_999_999_999_999_999_999_999u128,
            "H",
        ),
    ] {
        let ur = unit_ref_json(u);
        let metadata = ShareMetadata {
            name: name.into(),
            symbol: "HPU".into(),
            uri: "https://example.invalid/halo/lcts/unit.json".into(),
        };
        out.push(ix_json(
            "createUnit",
            json!({"governance": s(&gov), "unit": ur.clone(), "args": {
                "unitId": u.unit_id.to_string(), "beacon": s(&beacon), "freezer": s(&freezer),
                "rateWad": rate_wad.to_string(), "params": params_json(&params()),
                "metadata": {"name": metadata.name, "symbol": metadata.symbol, "uri": metadata.uri},
            }}),
            &ix::create_unit(
                &gov,
                u,
                CreateUnitArgs {
                    unit_id: u.unit_id,
                    beacon,
                    freezer,
                    rate_wad,
                    params: params(),
                    metadata: metadata.clone(),
                },
            ),
        ));
        for side in [QueueSide::Subscribe, QueueSide::Redeem] {
            out.push(ix_json(
                "createQueue",
                json!({"governance": s(&gov), "unit": ur.clone(), "side": side_name(side)}),
                &ix::create_queue(&gov, u, side),
            ));
        }
    }
    let u = f.unit;
    let ur = unit_ref_json(&u);
    let mut changed = params();
    changed.max_rate_up_bps = 10_000;
    changed.max_rate_down_bps = 5_000;
    changed.epoch_s = 31 * 86_400;
    changed.lock_offset_s = 0;
    changed.lock_window_s = 31 * 86_400;
    changed.max_lock_s = 7 * 86_400;
    changed.dust = u64::MAX;
    changed.min_entry = 1;
    out.extend([
        ix_json(
            "setUnitRoutes",
            json!({"governance": s(&gov), "unit": ur.clone()}),
            &ix::set_unit_routes(&gov, &u),
        ),
        ix_json(
            "setUnitParams",
            json!({"governance": s(&gov), "unit": ur.clone(), "params": params_json(&changed)}),
            &ix::set_unit_params(&gov, &u, changed),
        ),
        ix_json(
            "setUnitRoles",
            json!({"governance": s(&gov), "unit": ur.clone(), "beacon": s(&k(84)), "freezer": s(&k(85))}),
            &ix::set_unit_roles(&gov, &u, k(84), k(85)),
        ),
        ix_json(
            "setExchangeRate",
            json!({"governance": s(&gov), "unit": ur.clone(), "rateWad": "1020000000000000000"}),
            &ix::set_exchange_rate(&gov, &u, 1_020_000_000_000_000_000),
        ),
        ix_json(
            "setExchangeRate",
            json!({"governance": s(&gov), "unit": ur.clone(), "rateWad": u128::MAX.to_string()}),
            &ix::set_exchange_rate(&gov, &u, u128::MAX),
        ),
        ix_json(
            "setPaused",
            json!({"signer": s(&freezer), "unit": ur.clone(), "flags": PAUSE_SUBSCRIBE}),
            &ix::set_paused(&freezer, &u, PAUSE_SUBSCRIBE),
        ),
        ix_json(
            "setPaused",
            json!({"signer": s(&gov), "unit": ur.clone(), "flags": 0}),
            &ix::set_paused(&gov, &u, 0),
        ),
        ix_json(
            "updateExchangeRate",
            json!({"beacon": s(&beacon), "unit": ur.clone(), "rateWad": "1005000000000000000"}),
            &ix::update_exchange_rate(&beacon, &u, 1_005_000_000_000_000_000),
        ),
        ix_json(
            "settlePair",
            json!({"caller": s(&beacon), "unit": ur.clone(), "subscribeGen": "2", "redeemGen": "0",
                   "subscribeCapacity": "500000000", "redeemCapacity": "18446744073709551615"}),
            &ix::settle_pair(&beacon, &u, (2, 0), 500_000_000, u64::MAX),
        ),
        ix_json(
            "settlePair",
            json!({"caller": s(&keeper), "unit": ur.clone(), "subscribeGen": "18446744073709551615", "redeemGen": "7",
                   "subscribeCapacity": "0", "redeemCapacity": "0"}),
            &ix::settle_pair(&keeper, &u, (u64::MAX, 7), 0, 0),
        ),
        ix_json("exchangeRate", json!({"unit": ur.clone()}), &ix::exchange_rate(&u)),
    ]);
    for side in [QueueSide::Subscribe, QueueSide::Redeem] {
        let sn = side_name(side);
        // the owner's accounts by side: subscribe takes USDS and rewards shares, redeem
        // the reverse
        let (from, to) = match side {
            QueueSide::Subscribe => (owner_usds, owner_shares),
            QueueSide::Redeem => (owner_shares, owner_usds),
        };
        let enter_name = match side {
            QueueSide::Subscribe => "subscribe",
            QueueSide::Redeem => "requestRedeem",
        };
        out.extend([
            ix_json(
                "lock",
                json!({"beacon": s(&beacon), "unit": ur.clone(), "side": sn}),
                &ix::lock(&beacon, &u, side),
            ),
            ix_json(
                "settle",
                json!({"beacon": s(&beacon), "unit": ur.clone(), "side": sn, "genId": "3", "capacity": "250000000"}),
                &ix::settle(&beacon, &u, side, 3, 250_000_000),
            ),
            ix_json(
                "unlock",
                json!({"caller": s(&keeper), "unit": ur.clone(), "side": sn}),
                &ix::unlock(&keeper, &u, side),
            ),
            ix_json(
                "settleFinalized",
                json!({"caller": s(&keeper), "unit": ur.clone(), "side": sn, "owner": s(&owner), "genId": "2", "ownerReward": s(&to)}),
                &ix::settle_finalized(&keeper, &u, side, &owner, 2, &to),
            ),
            ix_json(
                "positionView",
                json!({"unit": ur.clone(), "side": sn, "owner": s(&owner), "finalizedGen": null}),
                &ix::position_view(&u, side, &owner, None),
            ),
            ix_json(
                "positionView",
                json!({"unit": ur.clone(), "side": sn, "owner": s(&owner), "finalizedGen": "4"}),
                &ix::position_view(&u, side, &owner, Some(4)),
            ),
            ix_json(
                enter_name,
                json!({"owner": s(&owner), "unit": ur.clone(), "ownerUsds": s(&owner_usds), "ownerShares": s(&owner_shares),
                       "amount": "1000000", "finalizedGen": null}),
                &ix::enter(&owner, &u, side, &from, &to, 1_000_000, None),
            ),
            ix_json(
                enter_name,
                json!({"owner": s(&owner), "unit": ur.clone(), "ownerUsds": s(&owner_usds), "ownerShares": s(&owner_shares),
                       "amount": "18446744073709551615", "finalizedGen": "1"}),
                &ix::enter(&owner, &u, side, &from, &to, u64::MAX, Some(1)),
            ),
            ix_json(
                "claim",
                json!({"owner": s(&owner), "unit": ur.clone(), "side": sn, "rewardTo": s(&to)}),
                &ix::claim(&owner, &u, side, &to),
            ),
            ix_json(
                "exit",
                json!({"owner": s(&owner), "unit": ur.clone(), "side": sn, "ownerUsds": s(&owner_usds), "ownerShares": s(&owner_shares)}),
                &ix::exit(&owner, &u, side, &from, &to),
            ),
        ]);
    }
    // a Token-2022 USDS unit: the token program of every USDS leg follows the unit
    let u2 = f.unit_2022;
    let ur2 = unit_ref_json(&u2);
    out.extend([
        ix_json(
            "settle",
            json!({"beacon": s(&beacon), "unit": ur2.clone(), "side": "redeem", "genId": "0", "capacity": "1"}),
            &ix::settle(&beacon, &u2, QueueSide::Redeem, 0, 1),
        ),
        ix_json(
            "subscribe",
            json!({"owner": s(&owner), "unit": ur2.clone(), "ownerUsds": s(&owner_usds), "ownerShares": s(&owner_shares),
                   "amount": "1", "finalizedGen": "0"}),
            &ix::enter(&owner, &u2, QueueSide::Subscribe, &owner_usds, &owner_shares, 1, Some(0)),
        ),
        ix_json(
            "exit",
            json!({"owner": s(&owner), "unit": ur2, "side": "redeem", "ownerUsds": s(&owner_usds), "ownerShares": s(&owner_shares)}),
            &ix::exit(&owner, &u2, QueueSide::Redeem, &owner_shares, &owner_usds),
        ),
    ]);
    out
}

fn pdas() -> Vec<Value> {
    let find = |seeds: &[&[u8]]| Pubkey::find_program_address(seeds, &halo_lcts::ID);
    let p = |name: &str, inputs: Value, sdk: Pubkey, seeds: &[&[u8]]| {
        let (addr, bump) = find(seeds);
        assert_eq!(addr, sdk, "{name}");
        json!({"name": name, "inputs": inputs, "address": s(&addr), "bump": bump})
    };
    let f = fixture();
    let (gov, owner) = (f.governance, k(76));
    let class = f.unit.class;
    let unit = f.unit.unit;
    let queue = f.unit.subscribe_queue;
    let mut out = vec![
        p(
            "lctsClass",
            json!({"authority": s(&gov), "classId": "3"}),
            pda::lcts_class(&gov, 3),
            &[SEED_CLASS, gov.as_ref(), &3u64.to_le_bytes()],
        ),
        p(
            "lctsClass",
            json!({"authority": s(&k(82)), "classId": "18446744073709551615"}),
            pda::lcts_class(&k(82), u64::MAX),
            &[SEED_CLASS, k(82).as_ref(), &u64::MAX.to_le_bytes()],
        ),
        p(
            "lctsUnit",
            json!({"class": s(&class), "unitId": "5"}),
            pda::lcts_unit(&class, 5),
            &[SEED_UNIT, class.as_ref(), &5u64.to_le_bytes()],
        ),
        p(
            "lctsUnit",
            json!({"class": s(&class), "unitId": "0"}),
            pda::lcts_unit(&class, 0),
            &[SEED_UNIT, class.as_ref(), &0u64.to_le_bytes()],
        ),
        p(
            "shareMint",
            json!({"unit": s(&unit)}),
            pda::share_mint(&unit),
            &[SEED_SHARE_MINT, unit.as_ref()],
        ),
    ];
    for side in [QueueSide::Subscribe, QueueSide::Redeem] {
        out.push(p(
            "lctsQueue",
            json!({"unit": s(&unit), "side": side.seed()}),
            pda::lcts_queue(&unit, side.seed()),
            &[SEED_QUEUE, unit.as_ref(), &[side.seed()]],
        ));
    }
    for mint in [f.unit.usds_mint, f.unit.share_mint] {
        out.push(p(
            "queueVault",
            json!({"queue": s(&queue), "mint": s(&mint)}),
            pda::queue_vault(&queue, &mint),
            &[SEED_QUEUE_VAULT, queue.as_ref(), mint.as_ref()],
        ));
    }
    for gen in [0u64, 7, u64::MAX] {
        out.push(p(
            "lctsGeneration",
            json!({"queue": s(&queue), "genId": gen.to_string()}),
            pda::lcts_generation(&queue, gen),
            &[SEED_GENERATION, queue.as_ref(), &gen.to_le_bytes()],
        ));
    }
    out.push(p(
        "lctsPosition",
        json!({"queue": s(&queue), "owner": s(&owner)}),
        pda::lcts_position(&queue, &owner),
        &[SEED_POSITION, queue.as_ref(), owner.as_ref()],
    ));
    out
}

fn account<T: AccountSerialize>(ty: &str, addr: Pubkey, acc: &T, fields: Value) -> Value {
    let mut data = Vec::new();
    acc.try_serialize(&mut data).unwrap();
    json!({"type": ty, "address": s(&addr), "data": hex(&data), "fields": fields})
}

fn queue_account(addr: Pubkey, q: &Queue) -> Value {
    account(
        "queue",
        addr,
        q,
        json!({
            "version": q.version, "bump": q.bump, "unit": s(&q.unit), "side": side_json(q.side),
            "status": status_json(q.status), "genId": q.gen_id.to_string(),
            "totalShares": q.total_shares.to_string(), "totalUnderlying": q.total_underlying.to_string(),
            "rewardPerShare": q.reward_per_share.to_string(), "lockedAt": q.locked_at.to_string(),
            "openedAt": q.opened_at.to_string(), "settledAt": q.settled_at.to_string(), "windowLockedAt": q.window_locked_at.to_string(),
            "positions": q.positions.to_string(), "underlyingMint": s(&q.underlying_mint),
            "rewardMint": s(&q.reward_mint), "underlyingVault": s(&q.underlying_vault),
            "rewardVault": s(&q.reward_vault), "underlyingIn": q.underlying_in.to_string(),
            "underlyingOut": q.underlying_out.to_string(), "converted": q.converted.to_string(),
            "rewardIn": q.reward_in.to_string(), "rewardOut": q.reward_out.to_string(),
            "reserved": hex(&q.reserved),
        }),
    )
}

fn accounts() -> Vec<Value> {
    let f = fixture();
    let u = f.unit;
    let mut class_reserved = [0u8; 64];
    class_reserved[63] = 9;
    let class = LctsClass {
        version: 1,
        bump: 253,
        authority: f.governance,
        class_id: 3,
        governance: k(86),
        pending_governance: k(80),
        unit_count: 2,
        reserved: class_reserved,
    };
    let unit = LctsUnit {
        version: 1,
        bump: 252,
        class: u.class,
        unit_id: 5,
        underlying_mint: u.usds_mint,
        underlying_decimals: 6,
        underlying_token_program: TOKEN,
        share_mint: u.share_mint,
        share_mint_bump: 251,
        pau_controller: u.pau_controller,
        deploy_rate_limit: u.deploy_rate_limit,
        return_rate_limit: u.return_rate_limit,
        beacon: f.beacon,
        freezer: f.freezer,
        subscribe_queue: u.subscribe_queue,
        redeem_queue: u.redeem_queue,
        paused: PAUSE_REDEEM,
        rate_wad: 1_004_999_999_999_999_999,
        rate_updated_at: 1_800_000_000,
        params: params(),
        reserved: [0; 64],
    };
    let subscribe = Queue {
        version: 1,
        bump: 250,
        unit: u.unit,
        side: QueueSide::Subscribe,
        status: QueueStatus::Active,
        gen_id: 2,
        total_shares: 1_000_000_000,
        total_underlying: 600_000_000,
        reward_per_share: 333_333_333_333_333_333,
        locked_at: 0,
        opened_at: 1_799_990_000,
        settled_at: 1_799_999_000,
        window_locked_at: 1_799_998_000,
        positions: 3,
        underlying_mint: u.usds_mint,
        reward_mint: u.share_mint,
        underlying_vault: u.subscribe_usds_vault,
        reward_vault: u.subscribe_share_vault,
        underlying_in: 2_000_000_000,
        underlying_out: 100_000_000,
        converted: 1_300_000_000,
        reward_in: 1_293_532_338,
        reward_out: 1_000_000_000,
        reserved: [0; 48],
    };
    let mut redeem = Queue {
        version: 1,
        bump: 249,
        unit: u.unit,
        side: QueueSide::Redeem,
        status: QueueStatus::Locked,
        gen_id: u64::MAX,
        total_shares: u128::MAX,
        total_underlying: u64::MAX,
        reward_per_share: u128::MAX - 1,
        locked_at: -1,
        opened_at: i64::MIN,
        settled_at: i64::MAX,
        window_locked_at: i64::MIN,
        positions: u64::MAX,
        underlying_mint: u.share_mint,
        reward_mint: u.usds_mint,
        underlying_vault: u.redeem_share_vault,
        reward_vault: u.redeem_usds_vault,
        underlying_in: 1,
        underlying_out: 2,
        converted: 3,
        reward_in: 4,
        reward_out: 5,
        reserved: [0; 48],
    };
    redeem.reserved[0] = 0xaa;
    let dormant = Queue::new(halo_lcts::state::QueueSetup {
        bump: 248,
        unit: f.unit_2022.unit,
        side: QueueSide::Subscribe,
        underlying_mint: f.unit_2022.usds_mint,
        reward_mint: f.unit_2022.share_mint,
        underlying_vault: f.unit_2022.subscribe_usds_vault,
        reward_vault: f.unit_2022.subscribe_share_vault,
    });
    let generation = FinalizedGeneration {
        version: 1,
        bump: 247,
        queue: u.subscribe_queue,
        gen_id: 1,
        final_reward_per_share: 995_024_875_621_890_547,
        total_shares: 700_000_000,
        finalized_at: 1_799_900_000,
        reserved: [0; 32],
    };
    let owner = k(76);
    let position = Position {
        version: 1,
        bump: 246,
        queue: u.subscribe_queue,
        owner,
        gen_id: 2,
        shares: 300_000_000,
        reward_debt: 111_111_111_111_111_111,
        entered_at: 1_799_995_000,
        reserved: [0; 32],
    };
    vec![
        account(
            "lctsClass",
            pda::lcts_class(&f.governance, 3),
            &class,
            json!({
                "version": class.version, "bump": class.bump, "authority": s(&class.authority),
                "classId": class.class_id.to_string(), "governance": s(&class.governance),
                "pendingGovernance": s(&class.pending_governance),
                "unitCount": class.unit_count.to_string(), "reserved": hex(&class.reserved),
            }),
        ),
        account(
            "lctsUnit",
            u.unit,
            &unit,
            json!({
                "version": unit.version, "bump": unit.bump, "class": s(&unit.class),
                "unitId": unit.unit_id.to_string(), "underlyingMint": s(&unit.underlying_mint),
                "underlyingDecimals": unit.underlying_decimals,
                "underlyingTokenProgram": s(&unit.underlying_token_program),
                "shareMint": s(&unit.share_mint), "shareMintBump": unit.share_mint_bump,
                "pauController": s(&unit.pau_controller),
                "deployRateLimit": s(&unit.deploy_rate_limit),
                "returnRateLimit": s(&unit.return_rate_limit), "beacon": s(&unit.beacon),
                "freezer": s(&unit.freezer), "subscribeQueue": s(&unit.subscribe_queue),
                "redeemQueue": s(&unit.redeem_queue), "paused": unit.paused,
                "rateWad": unit.rate_wad.to_string(), "rateUpdatedAt": unit.rate_updated_at.to_string(),
                "params": params_json(&unit.params), "reserved": hex(&unit.reserved),
            }),
        ),
        queue_account(u.subscribe_queue, &subscribe),
        queue_account(u.redeem_queue, &redeem),
        queue_account(f.unit_2022.subscribe_queue, &dormant),
        account(
            "finalizedGeneration",
            u.generation(QueueSide::Subscribe, 1),
            &generation,
            json!({
                "version": generation.version, "bump": generation.bump, "queue": s(&generation.queue),
                "genId": generation.gen_id.to_string(),
                "finalRewardPerShare": generation.final_reward_per_share.to_string(),
                "totalShares": generation.total_shares.to_string(),
                "finalizedAt": generation.finalized_at.to_string(), "reserved": hex(&generation.reserved),
            }),
        ),
        account(
            "position",
            u.position(QueueSide::Subscribe, &owner),
            &position,
            json!({
                "version": position.version, "bump": position.bump, "queue": s(&position.queue),
                "owner": s(&position.owner), "genId": position.gen_id.to_string(),
                "shares": position.shares.to_string(), "rewardDebt": position.reward_debt.to_string(),
                "enteredAt": position.entered_at.to_string(), "reserved": hex(&position.reserved),
            }),
        ),
    ]
}

// ---- the views' return data ----------------------------------------------------------

/// The runtime trims trailing zero bytes from an instruction's return data: what a
/// client receives (`returnData`) next to what the program serialised (`serialized`).
fn trimmed(full: &[u8]) -> Vec<u8> {
    let end = full.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    full[..end].to_vec()
}

fn view_json<T: AnchorSerialize>(ty: &str, v: &T, fields: Value) -> Value {
    let mut full = Vec::new();
    v.serialize(&mut full).unwrap();
    let back: Vec<u8> = trimmed(&full);
    // what halo_sdk::decode::return_data reads back from the trimmed bytes
    json!({"type": ty, "serialized": hex(&full), "returnData": hex(&back), "fields": fields})
}

fn views() -> Vec<Value> {
    let rates = [
        ExchangeRateView {
            rate_wad: WAD,
            updated_at: 1_800_000_000,
            stale: false,
        },
        ExchangeRateView {
            rate_wad: 1_004_999_999_999_999_999,
            updated_at: 1_799_000_000,
            stale: true,
        },
        ExchangeRateView {
            rate_wad: 1 << 64,
            updated_at: 0,
            stale: false,
        },
    ];
    let positions = [
        PositionView {
            gen_id: 2,
            finalized: false,
            shares: 300_000_000,
            pending_underlying: 180_000_000,
            claimable_reward: 66_666_666,
            finalized_claimable: 0,
            queue_status: QueueStatus::Active,
            next_lock_at: 1_800_003_600,
            unlock_allowed_after: 0,
        },
        PositionView {
            gen_id: 1,
            finalized: true,
            shares: u128::MAX,
            pending_underlying: 0,
            claimable_reward: 0,
            finalized_claimable: u64::MAX,
            queue_status: QueueStatus::Dormant,
            next_lock_at: i64::MAX,
            unlock_allowed_after: -1,
        },
        PositionView {
            gen_id: 0,
            finalized: false,
            shares: 0,
            pending_underlying: 0,
            claimable_reward: 0,
            finalized_claimable: 0,
            queue_status: QueueStatus::Locked,
            next_lock_at: 1_800_000_000,
            unlock_allowed_after: 1_800_010_800,
        },
        PositionView {
            gen_id: 0,
            finalized: false,
            shares: 0,
            pending_underlying: 0,
            claimable_reward: 0,
            finalized_claimable: 0,
            queue_status: QueueStatus::Dormant,
            next_lock_at: 0,
            unlock_allowed_after: 0,
        },
    ];
    let mut out: Vec<Value> = rates
        .iter()
        .map(|v| {
            view_json(
                "exchangeRateView",
                v,
                json!({"rateWad": v.rate_wad.to_string(), "updatedAt": v.updated_at.to_string(), "stale": v.stale}),
            )
        })
        .collect();
    out.extend(positions.iter().map(|v| {
        view_json(
            "positionView",
            v,
            json!({
                "genId": v.gen_id.to_string(), "finalized": v.finalized, "shares": v.shares.to_string(),
                "pendingUnderlying": v.pending_underlying.to_string(),
                "claimableReward": v.claimable_reward.to_string(),
                "finalizedClaimable": v.finalized_claimable.to_string(),
                "queueStatus": status_json(v.queue_status), "nextLockAt": v.next_lock_at.to_string(),
                "unlockAllowedAfter": v.unlock_allowed_after.to_string(),
            }),
        )
    }));
    // the SDK's decoder reads every one back from the trimmed bytes
    for (i, v) in rates.iter().enumerate() {
        let back: ExchangeRateView =
            halo_sdk::decode::return_data(&hex_bytes(&out[i]["returnData"])).unwrap();
        assert_eq!(back, *v);
    }
    for (i, v) in positions.iter().enumerate() {
        let back: PositionView =
            halo_sdk::decode::return_data(&hex_bytes(&out[rates.len() + i]["returnData"])).unwrap();
        assert_eq!(back, *v);
    }
    out
}

fn hex_bytes(v: &Value) -> Vec<u8> {
    let h = v.as_str().unwrap();
    (0..h.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
        .collect()
}

// ---- halo_math::lcts -------------------------------------------------------------------

fn math_err(e: MathError) -> Value {
    json!({"error": format!("{e:?}")})
}

/// An LCTS refusal by name; a maths error by its `MathError` name.
fn lcts_err(e: MathLctsError) -> Value {
    match e {
        MathLctsError::Math(m) => math_err(m),
        other => json!({"error": format!("{other:?}")}),
    }
}

fn totals_json(g: &GenerationTotals) -> Value {
    json!({"totalShares": g.total_shares.to_string(), "totalUnderlying": g.total_underlying.to_string(),
           "rewardPerShare": g.reward_per_share.to_string()})
}

fn position_json(p: &PositionShares) -> Value {
    json!({"shares": p.shares.to_string(), "rewardDebt": p.reward_debt.to_string()})
}

fn g(total_shares: u128, total_underlying: u64, reward_per_share: u128) -> GenerationTotals {
    GenerationTotals {
        total_shares,
        total_underlying,
        reward_per_share,
    }
}

fn p(shares: u128, reward_debt: u128) -> PositionShares {
    PositionShares {
        shares,
        reward_debt,
    }
}

/// Generations and positions the table walks: empty, at par, after a partial settlement
/// (underlying below shares), a drained one, a price far above par (one share for many
/// units), a reward per share ahead of the debt, and values at the type edges.
fn states() -> Vec<(GenerationTotals, PositionShares)> {
    vec![
        (g(0, 0, 0), p(0, 0)),
        (g(1_000, 1_000, 0), p(600, 0)),
        (g(1_000, 500, 250_000_000_000_000_000), p(600, 0)),
        (
            g(1_000, 500, 250_000_000_000_000_000),
            p(400, 100_000_000_000_000_000),
        ),
        (g(7, 5, 0), p(3, 0)),
        (g(7, 5, 0), p(7, 0)),
        (g(1_000, 0, WAD), p(1_000, 0)),
        (g(1, 1_000_000_000_000, 0), p(1, 0)),
        (g(3, 10, 333_333_333_333_333_333), p(1, 0)),
        (g(1_000, 1_000, 5), p(1_000, 6)),
        (g(u128::MAX, u64::MAX, u128::MAX), p(u128::MAX, 0)),
        (g(u128::MAX, u64::MAX, 0), p(1, 0)),
        (g(500, 500, 0), p(600, 0)),
        (g(u64::MAX as u128, u64::MAX, 0), p(0, 0)),
        (
            g(
                1_000_000_000_000_000_000_000,
                600_000_000,
                333_333_333_333_333_333,
            ),
            p(300_000_000_000_000_000_000, 111_111_111_111_111_111),
        ),
    ]
}

fn enters() -> Vec<Value> {
    let mut out = Vec::new();
    for (g0, p0) in states() {
        for (amount, min_entry) in [
            (1u64, 1u64),
            (3, 1),
            (999_999, 1_000_000),
            (1_000_000, 1_000_000),
            (0, 0),
            (u64::MAX, 1),
        ] {
            let (mut gg, mut pp) = (g0, p0);
            let result = match m::enter(&mut gg, &mut pp, amount, min_entry) {
                Ok((shares, reward)) => json!({
                    "shares": shares.to_string(), "reward": reward.to_string(),
                    "totals": totals_json(&gg), "position": position_json(&pp),
                }),
                Err(e) => {
                    // nothing changes on a refusal
                    assert_eq!((gg, pp), (g0, p0));
                    lcts_err(e)
                }
            };
            out.push(json!({
                "totals": totals_json(&g0), "position": position_json(&p0),
                "amount": amount.to_string(), "minEntry": min_entry.to_string(), "result": result,
            }));
        }
    }
    out
}

fn exits() -> Vec<Value> {
    states()
        .into_iter()
        .map(|(g0, p0)| {
            let (mut gg, mut pp) = (g0, p0);
            let result = match m::exit(&mut gg, &mut pp) {
                Ok((underlying, reward)) => json!({
                    "underlying": underlying.to_string(), "reward": reward.to_string(),
                    "totals": totals_json(&gg), "position": position_json(&pp),
                }),
                Err(e) => lcts_err(e),
            };
            json!({"totals": totals_json(&g0), "position": position_json(&p0), "result": result})
        })
        .collect()
}

fn position_reads() -> Vec<Value> {
    let r = |v: Result<u64, MathError>| match v {
        Ok(v) => json!(v.to_string()),
        Err(e) => math_err(e),
    };
    states()
        .into_iter()
        .map(|(g0, p0)| {
            let mut claimed = p0;
            let claim = match m::claim(&g0, &mut claimed) {
                Ok(reward) => {
                    json!({"reward": reward.to_string(), "position": position_json(&claimed)})
                }
                Err(e) => math_err(e),
            };
            json!({
                "totals": totals_json(&g0), "position": position_json(&p0),
                "pendingReward": r(m::pending_reward(&g0, &p0)),
                "underlyingOf": r(m::underlying_of(&g0, &p0)),
                "claim": claim,
            })
        })
        .collect()
}

fn conversions() -> Vec<Value> {
    let mut out = Vec::new();
    for remaining in [0u64, 5, 1_000, u64::MAX] {
        for capacity in [0u64, 1, 900, 995, 1_000, 5_000, u64::MAX] {
            for dust in [0u64, 10, 100, u64::MAX] {
                out.push(json!({
                    "remaining": remaining.to_string(), "capacity": capacity.to_string(),
                    "dust": dust.to_string(),
                    "converted": m::conversion_of(remaining, capacity, dust).to_string(),
                }));
            }
        }
    }
    out
}

fn settles() -> Vec<Value> {
    let mut out = Vec::new();
    for (g0, _) in states() {
        for (converted, reward) in [
            (0u64, 0u64),
            (1, 1),
            (500, 250),
            (1_000, 1_000),
            (5, u64::MAX),
        ] {
            let mut gg = g0;
            let result = match m::settle(&mut gg, converted, reward) {
                Ok(o) => {
                    json!({"drained": o.drained, "converted": o.converted.to_string(), "totals": totals_json(&gg)})
                }
                Err(e) => math_err(e),
            };
            out.push(json!({
                "totals": totals_json(&g0), "converted": converted.to_string(),
                "reward": reward.to_string(), "result": result,
            }));
        }
    }
    out
}

const RATES: [u128; 8] = [
    WAD,
    WAD / 3,
    1_004_999_999_999_999_999,
    2 * WAD,
    1,
    0,
    999_999_999_999_999_999_999_999_999_999_999_999,
    u128::MAX,
];

fn rate_conversions() -> Vec<Value> {
    let r = |v: Result<u64, MathError>| match v {
        Ok(v) => json!(v.to_string()),
        Err(e) => math_err(e),
    };
    let mut out = Vec::new();
    for rate in RATES {
        for amount in [0u64, 1, 3, 999_999, 1_000_000_000, u64::MAX] {
            out.push(json!({
                "rateWad": rate.to_string(), "amount": amount.to_string(),
                "sharesForUsds": r(m::shares_for_usds(amount, rate)),
                "usdsForShares": r(m::usds_for_shares(amount, rate)),
            }));
        }
    }
    out
}

fn nets() -> Vec<Value> {
    let mut out = Vec::new();
    for rate in RATES {
        for (usds, shares) in [
            (0u64, 0u64),
            (300_000_000, 400_000_000),
            (400_000_000, 300_000_000),
            (1, 1),
            (1, 3),
            (3, 1),
            (1_000_000, 995_025),
            (u64::MAX, u64::MAX),
        ] {
            let result = match m::net(usds, shares, rate) {
                Ok(n) => json!({
                    "usds": n.usds.to_string(),
                    "sharesToSubscribers": n.shares_to_subscribers.to_string(),
                    "sharesFromRedeemers": n.shares_from_redeemers.to_string(),
                }),
                Err(e) => math_err(e),
            };
            out.push(json!({
                "subscribeUsds": usds.to_string(), "redeemShares": shares.to_string(),
                "rateWad": rate.to_string(), "result": result,
            }));
        }
    }
    out
}

fn rate_updates() -> Vec<Value> {
    let bounds = [
        RateBounds {
            max_up_bps: 100,
            max_down_bps: 500,
            epoch_s: 86_400,
        },
        RateBounds {
            max_up_bps: 0,
            max_down_bps: 0,
            epoch_s: 60,
        },
        RateBounds {
            max_up_bps: 10_000,
            max_down_bps: 5_000,
            epoch_s: i64::MAX,
        },
    ];
    let mut out = Vec::new();
    for b in bounds {
        for (old, new) in [
            (WAD, WAD),
            (WAD, WAD + WAD / 100),
            (WAD, WAD + WAD / 100 + 1),
            (WAD, WAD - WAD / 20),
            (WAD, WAD - WAD / 20 - 1),
            (WAD, 0),
            (3, 2),
            (u128::MAX, u128::MAX),
        ] {
            for (updated_at, now) in [
                (0i64, 86_400i64),
                (1_800_000_000, 1_800_000_059),
                (i64::MAX, 0),
            ] {
                let result = match m::check_rate_update(old, new, updated_at, now, &b) {
                    Ok(()) => json!({"ok": true}),
                    Err(RateUpdateError::Math(e)) => math_err(e),
                    Err(e) => json!({"error": format!("{e:?}")}),
                };
                out.push(json!({
                    "maxUpBps": b.max_up_bps, "maxDownBps": b.max_down_bps, "epochS": b.epoch_s.to_string(),
                    "oldWad": old.to_string(), "newWad": new.to_string(),
                    "updatedAt": updated_at.to_string(), "now": now.to_string(),
                    "stale": m::rate_is_stale(updated_at, now, b.epoch_s), "result": result,
                }));
            }
        }
    }
    out
}

pub fn golden() -> Value {
    json!({
        "programId": halo_lcts::ID.to_string(),
        "pauProgramId": halo_pau::ID.to_string(),
        "constants": {
            "wad": WAD.to_string(), "pauseUnit": PAUSE_UNIT, "pauseSubscribe": PAUSE_SUBSCRIBE,
            "pauseRedeem": PAUSE_REDEEM, "pauseAll": PAUSE_ALL,
            "tagLctsDeploy": String::from_utf8(TAG_LCTS_DEPLOY.to_vec()).unwrap(),
            "tagLctsReturn": String::from_utf8(TAG_LCTS_RETURN.to_vec()).unwrap(),
        },
        "units": [unit_ref_json(&fixture().unit), unit_ref_json(&fixture().unit_2022)],
        "instructions": instructions(),
        "pdas": pdas(),
        "accounts": accounts(),
        "views": views(),
        "errors": halo_sdk::errors::LCTS_ERRORS.iter().map(|e| json!({"code": u32::from(*e), "name": e.name(), "msg": e.to_string()})).collect::<Vec<_>>(),
        "math": {
            "enter": enters(),
            "exit": exits(),
            "positions": position_reads(),
            "conversion": conversions(),
            "settle": settles(),
            "rates": rate_conversions(),
            "net": nets(),
            "rateUpdates": rate_updates(),
        },
    })
}
