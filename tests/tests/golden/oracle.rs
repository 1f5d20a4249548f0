//! `halo_oracle.json`: every instruction from `halo_sdk::oracle`, the feed PDA with its
//! bump, a `Feed` account serialised from fixed state with all its fields, and the errors.
use anchor_lang::{prelude::Pubkey, AccountSerialize};
use halo_oracle::{constants::SEED_FEED, state::Feed};
use halo_sdk::oracle as ix;
use serde_json::{json, Value};

use super::{hex, ix_json, k};

fn s(p: &Pubkey) -> String {
    p.to_string()
}

fn instructions() -> Vec<Value> {
    let (authority, governance, reporter, new_gov) = (k(41), k(42), k(43), k(44));
    let feed = halo_sdk::pda::feed(&authority, 7);
    vec![
        ix_json(
            "createFeed",
            json!({"authority": s(&authority), "feedId": "7", "decimals": 6, "maxMoveBps": 150, "initialValue": "1000000"}),
            &ix::create_feed(
                &authority,
                ix::CreateFeedArgs {
                    feed_id: 7,
                    decimals: 6,
                    max_move_bps: 150,
                    initial_value: 1_000_000,
                },
            ),
        ),
        ix_json(
            "createFeed",
            json!({"authority": s(&authority), "feedId": "18446744073709551615", "decimals": 18, "maxMoveBps": 10000, "initialValue": "18446744073709551615"}),
            &ix::create_feed(
                &authority,
                ix::CreateFeedArgs {
                    feed_id: u64::MAX,
                    decimals: 18,
                    max_move_bps: 10_000,
                    initial_value: u64::MAX,
                },
            ),
        ),
        ix_json(
            "addReporter",
            json!({"governance": s(&governance), "feed": s(&feed), "reporter": s(&reporter)}),
            &ix::add_reporter(&governance, &feed, reporter),
        ),
        ix_json(
            "removeReporter",
            json!({"governance": s(&governance), "feed": s(&feed), "reporter": s(&reporter)}),
            &ix::remove_reporter(&governance, &feed, reporter),
        ),
        ix_json(
            "setMaxMove",
            json!({"governance": s(&governance), "feed": s(&feed), "maxMoveBps": 250}),
            &ix::set_max_move(&governance, &feed, 250),
        ),
        ix_json(
            "proposeGovernance",
            json!({"governance": s(&governance), "feed": s(&feed), "newGovernance": s(&new_gov)}),
            &ix::propose_governance(&governance, &feed, new_gov),
        ),
        ix_json(
            "acceptGovernance",
            json!({"newGovernance": s(&new_gov), "feed": s(&feed)}),
            &ix::accept_governance(&new_gov, &feed),
        ),
        ix_json(
            "governancePublish",
            json!({"governance": s(&governance), "feed": s(&feed), "value": "1002500", "publishTs": "1800000000"}),
            &ix::governance_publish(&governance, &feed, 1_002_500, 1_800_000_000),
        ),
        ix_json(
            "publish",
            json!({"reporter": s(&reporter), "feed": s(&feed), "value": "999999", "publishTs": "-1"}),
            &ix::publish(&reporter, &feed, 999_999, -1),
        ),
    ]
}

fn pdas() -> Vec<Value> {
    [(k(41), 7u64), (k(41), 0), (k(45), u64::MAX)]
        .iter()
        .map(|(authority, id)| {
            let (addr, bump) = Pubkey::find_program_address(
                &[SEED_FEED, authority.as_ref(), &id.to_le_bytes()],
                &halo_oracle::ID,
            );
            assert_eq!(addr, halo_sdk::pda::feed(authority, *id));
            json!({
                "name": "feed",
                "inputs": {"authority": s(authority), "feedId": id.to_string()},
                "address": s(&addr),
                "bump": bump,
            })
        })
        .collect()
}

fn accounts() -> Vec<Value> {
    let authority = k(41);
    let feed = Feed {
        version: 1,
        bump: 254,
        authority,
        feed_id: 7,
        governance: k(42),
        decimals: 6,
        value: 1_002_500,
        publish_ts: 1_800_000_000,
        max_move_bps: 150,
        reporters: [k(43), k(46), Pubkey::default(), Pubkey::default()],
        reporter_count: 2,
        updates: 12,
        anchor_value: 1_000_000,
        anchor_ts: 1_799_990_000,
        pending_governance: k(47),
        reserved: [0; 16],
    };
    let mut data = Vec::new();
    feed.try_serialize(&mut data).unwrap();
    vec![json!({
        "type": "feed",
        "address": s(&halo_sdk::pda::feed(&authority, 7)),
        "data": hex(&data),
        "fields": {
            "version": feed.version, "bump": feed.bump, "authority": s(&feed.authority),
            "feedId": feed.feed_id.to_string(), "governance": s(&feed.governance),
            "decimals": feed.decimals, "value": feed.value.to_string(),
            "publishTs": feed.publish_ts.to_string(), "maxMoveBps": feed.max_move_bps,
            "reporters": feed.reporters.iter().map(s).collect::<Vec<_>>(),
            "reporterCount": feed.reporter_count, "updates": feed.updates.to_string(),
            "anchorValue": feed.anchor_value.to_string(), "anchorTs": feed.anchor_ts.to_string(),
            "pendingGovernance": s(&feed.pending_governance),
            "reserved": hex(&feed.reserved),
        },
    })]
}

pub fn golden() -> Value {
    json!({
        "programId": halo_oracle::ID.to_string(),
        "instructions": instructions(),
        "pdas": pdas(),
        "accounts": accounts(),
        "errors": halo_sdk::errors::ORACLE_ERRORS.iter().map(|e| json!({"code": u32::from(*e), "name": e.name(), "msg": e.to_string()})).collect::<Vec<_>>(),
    })
}
