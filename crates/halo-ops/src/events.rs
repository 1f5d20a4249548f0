//! The programs' events, read back from a transaction's logs.
//!
//! Anchor's `emit!` writes `Program data: <base64>` (the event's 8-byte discriminator, then
//! its Borsh fields) under the program that is running, so the log's invoke / success /
//! failed lines are followed to know whose event each one is: two programs may have events
//! of the same name (and so of the same discriminator), and a program called by CPI emits
//! under its own id. Names come from the committed IDLs (`idl/*.json`, which the test suite
//! keeps equal to the code).
use std::collections::HashMap;
use std::sync::OnceLock;

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AnchorDeserialize, Discriminator};
use base64::Engine;

/// One event a program emitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Emitted {
    /// The program that emitted it.
    pub program: Pubkey,
    /// Its name in the program's IDL (`"?"` for a discriminator the IDL does not list).
    pub name: &'static str,
    /// Discriminator and fields, as logged.
    pub data: Vec<u8>,
}

impl Emitted {
    /// The event as `T`, if it is one: emitted by `program` with `T`'s discriminator.
    pub fn decode<T: AnchorDeserialize + Discriminator>(&self, program: &Pubkey) -> Option<T> {
        if self.program != *program || !self.data.starts_with(T::DISCRIMINATOR) {
            return None;
        }
        T::deserialize(&mut &self.data[T::DISCRIMINATOR.len()..]).ok()
    }
}

/// What one transaction's logs hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Logged {
    pub events: Vec<Emitted>,
    /// The runtime cut the logs short (`Log truncated`): events after the cut are lost.
    pub truncated: bool,
    /// `Program data:` lines that are not base64 or not under a program.
    pub unreadable: u32,
}

const IDLS: [&str; 6] = [
    include_str!("../../../idl/halo_pau.json"),
    include_str!("../../../idl/halo_oracle.json"),
    include_str!("../../../idl/halo_trading.json"),
    include_str!("../../../idl/halo_lcts.json"),
    include_str!("../../../idl/halo_nfat.json"),
    include_str!("../../../idl/halo_nfat_hook.json"),
];

type Names = HashMap<(Pubkey, [u8; 8]), &'static str>;

/// (program, discriminator) -> event name, from the IDLs.
fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut m = HashMap::new();
        for text in IDLS {
            let idl: serde_json::Value =
                serde_json::from_str(text).expect("the committed IDLs are JSON");
            let program: Pubkey = idl["address"]
                .as_str()
                .and_then(|a| a.parse().ok())
                .expect("every IDL names its program");
            for e in idl["events"].as_array().into_iter().flatten() {
                let (Some(name), Some(d)) = (e["name"].as_str(), e["discriminator"].as_array())
                else {
                    continue;
                };
                let d: Vec<u8> = d
                    .iter()
                    .filter_map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                    .collect();
                if let Ok(d) = <[u8; 8]>::try_from(d) {
                    m.insert((program, d), &*String::from(name).leak());
                }
            }
        }
        m
    })
}

/// The event name of `data` under `program`, if an IDL lists it.
pub fn name_of(program: &Pubkey, data: &[u8]) -> Option<&'static str> {
    let d: [u8; 8] = data.get(..8)?.try_into().ok()?;
    names().get(&(*program, d)).copied()
}

/// The events in `logs`, each under the program that was running when it was logged.
pub fn read(logs: &[String]) -> Logged {
    let mut out = Logged::default();
    let mut stack: Vec<Pubkey> = Vec::new();
    for line in logs {
        if line.starts_with("Log truncated") {
            out.truncated = true;
            continue;
        }
        let Some(rest) = line.strip_prefix("Program ") else {
            continue;
        };
        if let Some(fields) = rest.strip_prefix("data: ") {
            let Some(program) = stack.last() else {
                out.unreadable += 1;
                continue;
            };
            // sol_log_data: each field base64, separated by spaces; emit! logs one
            for field in fields.split(' ') {
                match base64::engine::general_purpose::STANDARD.decode(field) {
                    Ok(data) => out.events.push(Emitted {
                        program: *program,
                        name: name_of(program, &data).unwrap_or("?"),
                        data,
                    }),
                    Err(_) => out.unreadable += 1,
                }
            }
            continue;
        }
        let mut words = rest.split(' ');
        let (Some(id), Some(what)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(id) = id.parse::<Pubkey>() else {
            continue;
        };
        if what == "invoke" {
            stack.push(id);
        } else if (what == "success" || what.starts_with("failed")) && stack.last() == Some(&id) {
            stack.pop();
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use anchor_lang::AnchorSerialize;

    /// The `Program data:` line `emit!` writes for `e`.
    pub(crate) fn data_line<T: AnchorSerialize + Discriminator>(e: &T) -> String {
        let mut d = T::DISCRIMINATOR.to_vec();
        e.serialize(&mut d).unwrap();
        format!(
            "Program data: {}",
            base64::engine::general_purpose::STANDARD.encode(d)
        )
    }

    #[test]
    fn events_belong_to_the_program_running_and_decode() {
        let pool = Pubkey::new_unique();
        let swap = halo_trading::events::SwapExecuted {
            pool,
            user: Pubkey::new_unique(),
            user_sold: true,
            exact_in: true,
            asset_amount: 5,
            quote_amount: 7,
            price_used_wad: 1,
            spread_bps: 30,
            spread_quote: 2,
            inventory_after: 5,
            quote_liquidity_after: 93,
        };
        let rl = halo_pau::state::RateLimitSnapshot {
            max_amount: 10,
            slope: 1,
            last_amount: 3,
            last_updated: 4,
            available: 3,
        };
        let drawn = halo_pau::events::Drawn {
            controller: Pubkey::new_unique(),
            integration: pool,
            key: [1; 32],
            amount: 7,
            received: 7,
            state: rl,
        };
        let t = halo_trading::ID;
        let p = halo_pau::ID;
        let logs = vec![
            format!("Program {t} invoke [1]"),
            "Program log: Instruction: Swap".to_string(),
            format!("Program {p} invoke [2]"),
            data_line(&drawn),
            format!("Program {p} consumed 100 of 200 compute units"),
            format!("Program {p} success"),
            data_line(&swap),
            format!("Program {t} success"),
        ];
        let got = read(&logs);
        assert!(!got.truncated);
        assert_eq!(got.unreadable, 0);
        assert_eq!(
            got.events
                .iter()
                .map(|e| (e.program, e.name))
                .collect::<Vec<_>>(),
            vec![(p, "Drawn"), (t, "SwapExecuted")]
        );
        let d: halo_pau::events::Drawn = got.events[0].decode(&p).unwrap();
        assert_eq!((d.amount, d.state.available), (7, 3));
        let s: halo_trading::events::SwapExecuted = got.events[1].decode(&t).unwrap();
        assert_eq!(s.inventory_after, 5);
        // the wrong program, or another event, decodes to nothing
        assert!(got.events[1]
            .decode::<halo_trading::events::SwapExecuted>(&p)
            .is_none());
        assert!(got.events[0]
            .decode::<halo_trading::events::SwapExecuted>(&t)
            .is_none());
    }

    #[test]
    fn truncated_unreadable_and_orphan_lines_are_counted_not_guessed() {
        let t = halo_trading::ID;
        let logs = vec![
            "Program data: AAAA".to_string(), // no program running
            format!("Program {t} invoke [1]"),
            "Program data: not*base64".to_string(),
            "Program data: AQIDBAUGBwg=".to_string(), // a discriminator no IDL lists
            "Log truncated".to_string(),
        ];
        let got = read(&logs);
        assert!(got.truncated);
        assert_eq!(got.unreadable, 2);
        assert_eq!(got.events.len(), 1);
        assert_eq!(got.events[0].name, "?");

        // another program logging a Halo event's bytes: not a Halo event; and a program
        // that failed is popped, so what follows is its caller's
        let stranger = Pubkey::new_unique();
        let mut drawn = halo_pau::events::Drawn::DISCRIMINATOR.to_vec();
        drawn.extend([0u8; 200]);
        let line = format!(
            "Program data: {}",
            base64::engine::general_purpose::STANDARD.encode(&drawn)
        );
        let logs = vec![
            format!("Program {t} invoke [1]"),
            format!("Program {stranger} invoke [2]"),
            line.clone(),
            format!("Program {stranger} failed: custom program error: 0x1"),
            line,
        ];
        let got = read(&logs);
        assert_eq!(
            got.events
                .iter()
                .map(|e| (e.program, e.name))
                .collect::<Vec<_>>(),
            vec![(stranger, "?"), (t, "?")]
        );
        assert!(got.events[0]
            .decode::<halo_pau::events::Drawn>(&halo_pau::ID)
            .is_none());
    }

    #[test]
    fn every_idl_event_has_a_name() {
        // the pau IDL's Drawn is the discriminator anchor derives for it
        assert_eq!(
            name_of(&halo_pau::ID, halo_pau::events::Drawn::DISCRIMINATOR),
            Some("Drawn")
        );
        // same name in two programs: both listed, each under its own program
        assert_eq!(
            name_of(
                &halo_lcts::ID,
                halo_lcts::events::ClassCreated::DISCRIMINATOR
            ),
            Some("ClassCreated")
        );
        assert_eq!(
            name_of(
                &halo_oracle::ID,
                halo_lcts::events::ClassCreated::DISCRIMINATOR
            ),
            None
        );
        let listed: usize = IDLS
            .iter()
            .map(|t| {
                let v: serde_json::Value = serde_json::from_str(t).unwrap();
                v["events"].as_array().map_or(0, Vec::len)
            })
            .sum();
        assert!(listed > 100);
        assert_eq!(names().len(), listed, "every IDL event, each once");
    }
}
