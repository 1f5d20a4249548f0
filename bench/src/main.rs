//! `bench`: compute units, transaction sizes and rents of every Halo instruction, on the SBF
//! builds in LiteSVM. Writes `BENCHMARKS.md` and `benchmarks.json` at the repository root.
//!
//! Usage: `scripts/build-sbf && cargo run --manifest-path bench/Cargo.toml --bin bench`
use std::fmt::Write as _;

use anchor_lang::{prelude::Pubkey, Space};
use halo_bench::{block_on, SbfLedger};
use halo_pau::{constants::*, state::*};
use halo_sdk::{
    keys,
    ledger::{Keypair, Ledger, MintKind, Signer},
    pau as ix,
    pau::Route,
    pda, Instruction,
};

mod lcts;
mod nfat;
mod trading;

const USDS: u64 = 1_000_000;
const MAX_CU: u64 = 200_000;
const MAX_TX: usize = 1_232;
const TRANSFER_TARGET: u64 = 15_000;
const SWAP_TARGET: u64 = 25_000;
const LCTS_ENTRY_TARGET: u64 = 20_000;
/// What creating a position at its PDA adds to a first entry (the PDA search, the system
/// program's create / allocate / assign): measured, not budgeted.
const LCTS_CREATE_ALLOWANCE: u64 = 10_000;

pub(crate) struct Row {
    pub(crate) program: &'static str,
    instruction: String,
    cu: u64,
    size: usize,
}

#[derive(Default)]
pub(crate) struct Bench {
    rows: Vec<Row>,
    scaling: Vec<(String, u64)>,
    griefing: Option<trading::Griefing>,
    /// (positions in the queue, [subscribe, claim, exit, lock, settle] CU).
    lcts_scaling: Vec<(u64, [u64; 5])>,
    /// (deals in the facility, [claim, fund, redeem] CU).
    nfat_scaling: Vec<(u64, [u64; 3])>,
}

impl Bench {
    /// Sends one instruction alone and records its cost; panics if it fails.
    async fn run(&mut self, l: &mut SbfLedger, name: &str, i: Instruction, signers: &[&Keypair]) {
        self.run_as(l, "halo_pau", name, i, signers).await;
    }

    async fn run_as(
        &mut self,
        l: &mut SbfLedger,
        program: &'static str,
        name: &str,
        i: Instruction,
        signers: &[&Keypair],
    ) {
        let r = l.must(&[i], signers).await;
        self.rows.push(Row {
            program,
            instruction: name.to_string(),
            cu: r.compute_units,
            size: r.size,
        });
    }
}

struct Roles {
    admin: Keypair,
    govops: Keypair,
    relayer: Keypair,
    freezer: Keypair,
    integration: Keypair,
}

async fn schedule(l: &mut SbfLedger, admin: &Keypair, action: TimelockAction) -> u64 {
    let c: Configurator = l.account(&pda::configurator()).await;
    l.must(
        &[ix::schedule_op(&admin.pubkey(), c.next_op_id, action)],
        &[admin],
    )
    .await;
    c.next_op_id
}

/// Opens `n` extra routes on `controller` (inits through one timelock wait), all to the
/// token account `cp`, each under its own tag (`r<i>`), so no token account per route is
/// needed.
async fn open_routes(
    l: &mut SbfLedger,
    r: &Roles,
    controller: Pubkey,
    mint: Pubkey,
    cp: Pubkey,
    range: std::ops::Range<usize>,
) {
    let mut pending = Vec::with_capacity(range.len());
    for i in range {
        let tag = format!("r{i}").into_bytes();
        let key = keys::rate_limit_key(&tag, &mint, &cp);
        let id = schedule(
            l,
            &r.admin,
            TimelockAction::AddInitRateLimit {
                key,
                pau: Pubkey::default(),
                max_amount: USDS,
                slope: 1,
            },
        )
        .await;
        pending.push((id, key, tag));
    }
    l.advance(DEFAULT_TIMELOCK_DELAY_S).await;
    let payer = l.payer_key();
    let g = r.govops.pubkey();
    for (id, key, tag) in pending {
        l.must(
            &[
                ix::execute_add_init_rate_limit(&payer, id, key, Pubkey::default()),
                ix::create_rate_limit(
                    &g,
                    &controller,
                    &mint,
                    ix::CreateRateLimitArgs {
                        key,
                        tag,
                        counterparty: cp,
                        max_amount: USDS,
                        slope: 1,
                    },
                ),
            ],
            &[&r.govops],
        )
        .await;
    }
}

async fn bench() -> (Bench, Vec<(&'static str, usize, u64)>) {
    let mut l = SbfLedger::new();
    let mut b = Bench::default();
    let roles = Roles {
        admin: l.funded_keypair(100_000_000_000).await,
        govops: l.funded_keypair(100_000_000_000).await,
        relayer: l.funded_keypair(1_000_000_000).await,
        freezer: l.funded_keypair(1_000_000_000).await,
        integration: l.funded_keypair(1_000_000_000).await,
    };
    let (a, g, f) = (
        roles.admin.pubkey(),
        roles.govops.pubkey(),
        roles.freezer.pubkey(),
    );
    let payer = l.payer_key();
    let configurator = pda::configurator();
    // LiteSVM loads the .so directly: write the ProgramData a loader deploy leaves, with
    // the payer as upgrade authority (bench/tests/real_vm.rs deploys through the loader)
    halo_harness::pau::install_program_data(&mut l, &halo_pau::ID, &payer).await;

    b.run(
        &mut l,
        "initialize_configurator",
        ix::initialize_configurator(
            &payer,
            &payer,
            ix::InitializeConfiguratorArgs {
                admin: a,
                timelock_delay_s: DEFAULT_TIMELOCK_DELAY_S,
                sorl_hop_s: DEFAULT_SORL_HOP_S,
                sorl_max_change_bps: DEFAULT_SORL_MAX_CHANGE_BPS,
            },
        ),
        &[],
    )
    .await;
    b.run(
        &mut l,
        "initialize_controller",
        ix::initialize_controller(&a, 0),
        &[&roles.admin],
    )
    .await;
    let controller = pda::controller(&configurator, 0);
    let proxy = pda::proxy(&controller);

    // tokens: SPL USDS and a Token-2022 USDS with a 0.1 % transfer fee
    let usds = l.create_mint(MintKind::SplToken, 6).await;
    let fee_kind = MintKind::Token2022TransferFee {
        bps: 10,
        max_fee: u64::MAX,
    };
    let usds22 = l.create_mint(fee_kind, 6).await;
    let tp = MintKind::SplToken.token_program();
    let tp22 = fee_kind.token_program();
    let custody = l.create_ata(&proxy, &usds, &tp).await;
    let custody22 = l.create_ata(&proxy, &usds22, &tp22).await;
    l.mint_to(&usds, &tp, &custody, 10_000_000 * USDS).await;
    l.mint_to(&usds22, &tp22, &custody22, 10_000_000 * USDS)
        .await;
    let dest_owner = l.new_keypair().pubkey();
    let dest = l.create_ata(&dest_owner, &usds, &tp).await;
    let dest22_owner = l.new_keypair().pubkey();
    let dest22 = l.create_ata(&dest22_owner, &usds22, &tp22).await;
    let int_acct = l.create_ata(&roles.integration.pubkey(), &usds, &tp).await;
    let route = |mint, program, custody, cp, tag: &[u8]| Route {
        controller,
        key: keys::rate_limit_key(tag, &mint, &cp),
        mint,
        token_program: program,
        custody,
        counterparty: cp,
    };
    let r_spl = route(usds, tp, custody, dest, keys::tags::TRANSFER);
    let r_t22 = route(usds22, tp22, custody22, dest22, keys::tags::TRANSFER);
    let r_int = route(usds, tp, custody, int_acct, keys::tags::AMM_FUND);

    // additions through the timelock
    let new_admin = l.funded_keypair(1_000_000_000).await;
    let actions = [
        TimelockAction::RegisterPau { controller },
        TimelockAction::GrantGovOps {
            controller,
            member: g,
        },
        TimelockAction::AddInitRateLimit {
            key: r_spl.key,
            pau: Pubkey::default(),
            max_amount: 1_000_000 * USDS,
            slope: 100 * USDS,
        },
        TimelockAction::AddInitRateLimit {
            key: r_t22.key,
            pau: controller,
            max_amount: 1_000_000 * USDS,
            slope: 100 * USDS,
        },
        TimelockAction::AddInitRateLimit {
            key: r_int.key,
            pau: Pubkey::default(),
            max_amount: 1_000_000 * USDS,
            slope: 100 * USDS,
        },
        TimelockAction::SetSorlMaxChange { bps: 2_500 },
        TimelockAction::TransferAdmin {
            new_admin: new_admin.pubkey(),
        },
        TimelockAction::AddIntegration {
            controller,
            signer: roles.integration.pubkey(),
            key: r_int.key,
        },
    ];
    let mut ids = Vec::new();
    for (i, act) in actions.iter().enumerate() {
        let c: Configurator = l.account(&configurator).await;
        let name = if i == 0 { "schedule_op" } else { "" };
        let instr = ix::schedule_op(&a, c.next_op_id, *act);
        if name.is_empty() {
            l.must(&[instr], &[&roles.admin]).await;
        } else {
            b.run(&mut l, name, instr, &[&roles.admin]).await;
        }
        ids.push(c.next_op_id);
    }
    let cancel_id = schedule(
        &mut l,
        &roles.admin,
        TimelockAction::SetSorlHop { seconds: DAY },
    )
    .await;
    b.run(
        &mut l,
        "cancel_op",
        ix::cancel_op(&a, cancel_id),
        &[&roles.admin],
    )
    .await;
    l.advance(DEFAULT_TIMELOCK_DELAY_S).await;
    b.run(
        &mut l,
        "execute_register_pau",
        ix::execute_register_pau(&payer, ids[0], &controller),
        &[],
    )
    .await;
    b.run(
        &mut l,
        "execute_grant_govops",
        ix::execute_grant_govops(&payer, ids[1], &controller, g),
        &[],
    )
    .await;
    b.run(
        &mut l,
        "execute_add_init_rate_limit",
        ix::execute_add_init_rate_limit(&payer, ids[2], r_spl.key, Pubkey::default()),
        &[],
    )
    .await;
    l.must(
        &[ix::execute_add_init_rate_limit(
            &payer, ids[3], r_t22.key, controller,
        )],
        &[],
    )
    .await;
    l.must(
        &[ix::execute_add_init_rate_limit(
            &payer,
            ids[4],
            r_int.key,
            Pubkey::default(),
        )],
        &[],
    )
    .await;
    b.run(
        &mut l,
        "execute_config_change",
        ix::execute_config_change(&payer, ids[5]),
        &[],
    )
    .await;
    l.must(&[ix::execute_config_change(&payer, ids[6])], &[])
        .await;

    // GovOps
    b.run(
        &mut l,
        "set_relayer",
        ix::set_relayer(&g, &controller, roles.relayer.pubkey()),
        &[&roles.govops],
    )
    .await;
    b.run(
        &mut l,
        "set_freezer",
        ix::set_freezer(&g, &controller, f),
        &[&roles.govops],
    )
    .await;
    let create = |r: &Route, tag: &[u8]| {
        ix::create_rate_limit(
            &g,
            &controller,
            &r.mint,
            ix::CreateRateLimitArgs {
                key: r.key,
                tag: tag.to_vec(),
                counterparty: r.counterparty,
                max_amount: 1_000_000 * USDS,
                slope: 100 * USDS,
            },
        )
    };
    b.run(
        &mut l,
        "create_rate_limit (SPL Token)",
        create(&r_spl, keys::tags::TRANSFER),
        &[&roles.govops],
    )
    .await;
    b.run(
        &mut l,
        "create_rate_limit (Token-2022, PAU-scoped init)",
        create(&r_t22, keys::tags::TRANSFER),
        &[&roles.govops],
    )
    .await;
    l.must(&[create(&r_int, keys::tags::AMM_FUND)], &[&roles.govops])
        .await;
    b.run(
        &mut l,
        "execute_add_integration",
        ix::execute_add_integration(&payer, ids[7], &controller, roles.integration.pubkey()),
        &[],
    )
    .await;

    // movements
    let rl = roles.relayer.pubkey();
    b.run(
        &mut l,
        "transfer (SPL Token)",
        ix::transfer(&rl, &r_spl, 1_000 * USDS),
        &[&roles.relayer],
    )
    .await;
    b.run(
        &mut l,
        "transfer (Token-2022, transfer fee)",
        ix::transfer(&rl, &r_t22, 1_000 * USDS),
        &[&roles.relayer],
    )
    .await;
    let s = roles.integration.pubkey();
    b.run(
        &mut l,
        "draw",
        ix::draw(&s, &r_int, 5_000 * USDS),
        &[&roles.integration],
    )
    .await;
    b.run(
        &mut l,
        "repay",
        ix::repay(&s, &r_int, 2_000 * USDS),
        &[&roles.integration],
    )
    .await;

    // rate-limit changes
    l.advance(DEFAULT_SORL_HOP_S).await;
    b.run(
        &mut l,
        "set_rate_limit (increase, SORL)",
        ix::set_rate_limit(&g, &controller, &r_spl.key, 1_250_000 * USDS, 100 * USDS),
        &[&roles.govops],
    )
    .await;
    b.run(
        &mut l,
        "set_rate_limit (decrease)",
        ix::set_rate_limit(&g, &controller, &r_spl.key, 900_000 * USDS, 100 * USDS),
        &[&roles.govops],
    )
    .await;
    b.run(
        &mut l,
        "cut_rate_limit",
        ix::cut_rate_limit(&f, &controller, &r_t22.key, 500_000 * USDS, 10 * USDS),
        &[&roles.freezer],
    )
    .await;

    // O(1): transfer cost with 1, 100 and 10,000 routes on the PAU, and after long idle
    let mut last = 0usize;
    for n in [1usize, 100, 10_000] {
        open_routes(&mut l, &roles, controller, usds, dest, last..n).await;
        last = n;
        let r = l
            .must(&[ix::transfer(&rl, &r_spl, USDS)], &[&roles.relayer])
            .await;
        b.scaling.push((
            format!("transfer with {n} other routes on the PAU"),
            r.compute_units,
        ));
    }
    l.advance(365 * DAY).await;
    let r = l
        .must(&[ix::transfer(&rl, &r_spl, USDS)], &[&roles.relayer])
        .await;
    b.scaling
        .push(("transfer after 365 days idle".into(), r.compute_units));

    // halts and removals
    b.run(
        &mut l,
        "set_timelock_paused",
        ix::set_timelock_paused(&a, true),
        &[&roles.admin],
    )
    .await;
    l.must(&[ix::set_timelock_paused(&a, false)], &[&roles.admin])
        .await;
    b.run(
        &mut l,
        "freeze",
        ix::freeze(&f, &controller),
        &[&roles.freezer],
    )
    .await;
    b.run(
        &mut l,
        "remove_relayer",
        ix::remove_relayer(&f, &controller),
        &[&roles.freezer],
    )
    .await;
    b.run(
        &mut l,
        "unfreeze",
        ix::unfreeze(&g, &controller),
        &[&roles.govops],
    )
    .await;
    b.run(
        &mut l,
        "remove_integration",
        ix::remove_integration(&g, &controller, &s),
        &[&roles.govops],
    )
    .await;
    b.run(
        &mut l,
        "remove_rate_limit",
        ix::remove_rate_limit(&g, &controller, &r_int.key),
        &[&roles.govops],
    )
    .await;
    b.run(
        &mut l,
        "remove_init_rate_limit",
        ix::remove_init_rate_limit(&a, &r_int.key, &Pubkey::default()),
        &[&roles.admin],
    )
    .await;
    b.run(
        &mut l,
        "revoke_govops",
        ix::revoke_govops(&a, &controller, &g),
        &[&roles.admin],
    )
    .await;
    b.run(
        &mut l,
        "unregister_pau",
        ix::unregister_pau(&a, &controller),
        &[&roles.admin],
    )
    .await;
    b.run(
        &mut l,
        "clear_pending_admin",
        ix::clear_pending_admin(&a),
        &[&roles.admin],
    )
    .await;
    // propose the new admin again (the cleared proposal cannot come back), then accept
    let again = schedule(
        &mut l,
        &roles.admin,
        TimelockAction::TransferAdmin {
            new_admin: new_admin.pubkey(),
        },
    )
    .await;
    l.advance(DEFAULT_TIMELOCK_DELAY_S).await;
    l.must(&[ix::execute_config_change(&payer, again)], &[])
        .await;
    b.run(
        &mut l,
        "accept_admin",
        ix::accept_admin(&new_admin.pubkey()),
        &[&new_admin],
    )
    .await;

    let mut rents = Vec::new();
    for (name, space) in [
        ("Configurator", 8 + Configurator::INIT_SPACE),
        ("TimelockOp", 8 + TimelockOp::INIT_SPACE),
        ("Controller", 8 + Controller::INIT_SPACE),
        ("GovOpsMembership", 8 + GovOpsMembership::INIT_SPACE),
        ("InitRateLimit", 8 + InitRateLimit::INIT_SPACE),
        ("RateLimit", 8 + RateLimit::INIT_SPACE),
        ("Integration", 8 + Integration::INIT_SPACE),
        ("Removal", 8 + Removal::INIT_SPACE),
        ("NFAT Facility", 8 + halo_nfat::state::Facility::INIT_SPACE),
        ("NFAT Book", 8 + halo_nfat::state::Book::INIT_SPACE),
        ("NFAT Deal", 8 + halo_nfat::state::Deal::INIT_SPACE),
        (
            "NFAT QueueDeposit",
            8 + halo_nfat::state::QueueDeposit::INIT_SPACE,
        ),
        (
            "NFAT ApprovedPrime",
            8 + halo_nfat::state::ApprovedPrime::INIT_SPACE,
        ),
        (
            "NFAT HolderEntry",
            8 + halo_nfat::state::HolderEntry::INIT_SPACE,
        ),
    ] {
        rents.push((name, space, l.rent(space).await));
    }
    (b, rents)
}

const DAY: i64 = 86_400;

fn main() {
    let (mut b, rents) = block_on(bench());
    block_on(trading::bench(&mut b));
    block_on(lcts::bench(&mut b));
    for n in [1, 100, 10_000] {
        let costs = block_on(lcts::with_positions(n));
        b.lcts_scaling.push((n, costs));
    }
    block_on(nfat::bench(&mut b));
    for n in [1, 100, 10_000] {
        let costs = block_on(nfat::with_deals(n));
        b.nfat_scaling.push((n, costs));
    }
    let lcts_cu = |prefix: &str| {
        b.rows
            .iter()
            .filter(|r| r.program == "halo_lcts" && r.instruction.starts_with(prefix))
            .map(|r| r.cu)
            .max()
            .unwrap_or(0)
    };
    let lcts_targets = [
        ("subscribe / request_redeem / claim ≤ 20,000 CU (a first entry adds the position's creation)", lcts_cu("subscribe (second").max(lcts_cu("subscribe (entry")).max(lcts_cu("claim")), LCTS_ENTRY_TARGET),
        ("first entry (creates the position) ≤ 20,000 CU + the account's creation", lcts_cu("subscribe (first").max(lcts_cu("request_redeem")), LCTS_ENTRY_TARGET + LCTS_CREATE_ALLOWANCE),
        ("exit (two payouts) ≤ 25,000 CU", lcts_cu("exit"), 25_000),
        ("lock ≤ 8,000 CU", lcts_cu("lock"), 8_000),
        ("settle with its PAU CPI ≤ 45,000 CU (the finalizing one also writes the generation)", lcts_cu("settle ("), 45_000),
        ("settle_pair ≤ 70,000 CU", lcts_cu("settle_pair"), 70_000),
    ];
    let nfat_cu = |prefix: &str| {
        b.rows
            .iter()
            .filter(|r| r.program == "halo_nfat" && r.instruction.starts_with(prefix))
            .map(|r| r.cu)
            .max()
            .unwrap_or(0)
    };
    let nfat_targets = [
        (
            "claim with the NFT mint and its metadata ≤ 120,000 CU",
            nfat_cu("claim"),
            120_000,
        ),
        ("fund ≤ 25,000 CU", nfat_cu("fund"), 25_000),
        (
            "redeem ≤ 30,000 CU",
            nfat_cu("redeem (part").max(nfat_cu("redeem (the rest")),
            30_000,
        ),
        (
            "the final redeem with burn and closes ≤ 45,000 CU",
            nfat_cu("redeem (final"),
            45_000,
        ),
    ];
    let nfat_spread: Vec<u64> = (0..3)
        .map(|i| {
            let v: Vec<u64> = b.nfat_scaling.iter().map(|(_, c)| c[i]).collect();
            v.iter().max().unwrap_or(&0) - v.iter().min().unwrap_or(&0)
        })
        .collect();
    let lcts_spread: Vec<u64> = (0..5)
        .map(|i| {
            let v: Vec<u64> = b.lcts_scaling.iter().map(|(_, c)| c[i]).collect();
            v.iter().max().unwrap_or(&0) - v.iter().min().unwrap_or(&0)
        })
        .collect();
    let swap_max = b
        .rows
        .iter()
        .filter(|r| r.instruction.starts_with("swap ("))
        .map(|r| r.cu)
        .max()
        .unwrap_or(0);
    let over: Vec<&Row> = b
        .rows
        .iter()
        .filter(|r| r.cu > MAX_CU || r.size > MAX_TX)
        .collect();
    let transfer_max = b
        .rows
        .iter()
        .filter(|r| r.instruction.starts_with("transfer"))
        .map(|r| r.cu)
        .max()
        .unwrap_or(0);
    let largest = b.rows.iter().max_by_key(|r| r.cu).expect("rows");
    let biggest_tx = b.rows.iter().max_by_key(|r| r.size).expect("rows");
    let scale_min = b.scaling.iter().map(|s| s.1).min().unwrap_or(0);
    let scale_max = b.scaling.iter().map(|s| s.1).max().unwrap_or(0);

    let mut md = String::new();
    let _ = writeln!(md, "# Benchmarks\n");
    let _ = writeln!(md, "Generated by `cargo run --manifest-path bench/Cargo.toml --bin bench` (after `scripts/build-sbf`).");
    let _ = writeln!(
        md,
        "Each instruction is sent alone in its own transaction to the SBF build (SBPF v3, from"
    );
    let _ = writeln!(
        md,
        "`tools/sbf`) running in LiteSVM 0.16. The compute units are indicative of, not identical"
    );
    let _ = writeln!(md, "to, an official `cargo build-sbf` build. Sizes are serialized legacy transactions, with the payer");
    let _ = writeln!(md, "and the instruction's signers.\n");
    let _ = writeln!(md, "## Compute units per instruction\n");
    let _ = writeln!(md, "| program | instruction | CU | tx bytes |");
    let _ = writeln!(md, "|---|---|---:|---:|");
    for r in &b.rows {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            r.program, r.instruction, r.cu, r.size
        );
    }
    let _ = writeln!(md, "\n## O(1) check\n");
    let _ = writeln!(md, "The PAU has no queues. Its O(1) claim is that a movement costs the same however many routes the");
    let _ = writeln!(
        md,
        "PAU has and however long a route sat idle (the rate limit accrues in closed form).\n"
    );
    let _ = writeln!(md, "| case | transfer CU |");
    let _ = writeln!(md, "|---|---:|");
    for (k, v) in &b.scaling {
        let _ = writeln!(md, "| {k} | {v} |");
    }
    let _ = writeln!(
        md,
        "\nSpread: {} CU ({}–{}).",
        scale_max - scale_min,
        scale_min,
        scale_max
    );
    if let Some(g) = &b.griefing {
        let usd = |v: u64| v as f64 / 1e6;
        let _ = writeln!(md, "\n## Griefing the side rate limits\n");
        let _ = writeln!(
            md,
            "A sell-then-buy-back round trip of {:.0} on seed 000's pool (5 + 5 bps) costs the griefer {:.2} USDS and uses {:.2} of the bid limit and {:.2} of the ask limit ({:.0} each, no refill). Exhausting one side's limit so costs about {:.0} USDS; a pool with a larger spread or a skewed bid costs more.",
            usd(g.round_trip),
            usd(g.cost),
            usd(g.used_bid),
            usd(g.used_ask),
            usd(g.limit),
            usd(g.cost) * usd(g.limit) / usd(g.used_bid.max(1)),
        );
    }
    let _ = writeln!(md, "\n## LCTS O(1) check\n");
    let _ = writeln!(
        md,
        "The same instructions with 1, 100 and 10,000 positions in the subscribe queue (every"
    );
    let _ = writeln!(md, "position created by a real `subscribe`), measured on one more Prime's first entry, then a lock,");
    let _ = writeln!(md, "a settlement of half the queue, that Prime's claim, a second settlement and its exit (two payouts).");
    let _ = writeln!(md, "No instruction reads or loops over positions.\n");
    let _ = writeln!(
        md,
        "| positions | subscribe (first entry) | claim | exit | lock | settle |"
    );
    let _ = writeln!(md, "|---:|---:|---:|---:|---:|---:|");
    for (n, c) in &b.lcts_scaling {
        let _ = writeln!(
            md,
            "| {n} | {} | {} | {} | {} | {} |",
            c[0], c[1], c[2], c[3], c[4]
        );
    }
    let _ = writeln!(
        md,
        "\nSpread (max − min over the three sizes): subscribe {} CU, claim {}, exit {}, lock {}, settle {}. The positions split the same 1,000,000 USDS, so every amount computed is the same at each size.",
        lcts_spread[0], lcts_spread[1], lcts_spread[2], lcts_spread[3], lcts_spread[4]
    );
    let _ = writeln!(md, "\n## NFAT O(1) check\n");
    let _ = writeln!(md, "The same instructions with 1, 100 and 10,000 deals already struck in the facility (every deal");
    let _ = writeln!(md, "created by a real `claim`, with its NFT), measured on one more deal of the same terms: its claim,");
    let _ = writeln!(
        md,
        "a funding and its redemption. No instruction reads or loops over deals.\n"
    );
    let _ = writeln!(md, "| deals | claim | fund | redeem |");
    let _ = writeln!(md, "|---:|---:|---:|---:|");
    for (n, c) in &b.nfat_scaling {
        let _ = writeln!(md, "| {n} | {} | {} | {} |", c[0], c[1], c[2]);
    }
    let _ = writeln!(
        md,
        "\nSpread (max − min over the three sizes): claim {} CU, fund {}, redeem {}. The claim's spread is the PDA bump search of a different deal id (the deal and its mint), not the number of deals.",
        nfat_spread[0], nfat_spread[1], nfat_spread[2]
    );
    let _ = writeln!(md, "\n## Targets\n");
    let _ = writeln!(md, "| target | measured | met |");
    let _ = writeln!(md, "|---|---|---|");
    let yes = |b: bool| if b { "yes" } else { "**no**" };
    let _ = writeln!(
        md,
        "| each PAU transfer ≤ 15,000 CU | {} CU (largest transfer) | {} |",
        transfer_max,
        yes(transfer_max <= TRANSFER_TARGET)
    );
    let _ = writeln!(
        md,
        "| every instruction ≤ 200,000 CU | {} CU ({}) | {} |",
        largest.cu,
        largest.instruction,
        yes(largest.cu <= MAX_CU)
    );
    let _ = writeln!(
        md,
        "| every transaction ≤ 1,232 bytes | {} bytes ({}) | {} |",
        biggest_tx.size,
        biggest_tx.instruction,
        yes(biggest_tx.size <= MAX_TX)
    );
    let _ = writeln!(
        md,
        "| each AMM swap ≤ 25,000 CU (the RFQ fill, which also creates its receipt and reads the instructions sysvar, is listed above without a target) | {} CU (largest swap) | {} |",
        swap_max,
        yes(swap_max <= SWAP_TARGET)
    );
    let mut lcts_over = Vec::new();
    for (what, got, target) in lcts_targets {
        let _ = writeln!(md, "| LCTS {what} | {got} CU | {} |", yes(got <= target));
        if got > target {
            lcts_over.push(what);
        }
    }
    let mut nfat_over = Vec::new();
    for (what, got, target) in nfat_targets {
        let _ = writeln!(md, "| NFAT {what} | {got} CU | {} |", yes(got <= target));
        if got > target {
            nfat_over.push(what);
        }
    }
    let _ = writeln!(md, "\n## Rent per account type\n");
    let _ = writeln!(md, "| account | bytes | rent-exempt lamports |");
    let _ = writeln!(md, "|---|---:|---:|");
    for (n, s, r) in &rents {
        let _ = writeln!(md, "| {n} | {s} | {r} |");
    }

    let mut json = String::from("{\n  \"instructions\": [\n");
    let rows: Vec<String> = b
        .rows
        .iter()
        .map(|r| format!("    {{\"program\": \"{}\", \"instruction\": \"{}\", \"cu\": {}, \"tx_bytes\": {}}}", r.program, r.instruction, r.cu, r.size))
        .collect();
    json.push_str(&rows.join(",\n"));
    json.push_str("\n  ],\n  \"scaling\": [\n");
    let sc: Vec<String> = b
        .scaling
        .iter()
        .map(|(k, v)| format!("    {{\"case\": \"{k}\", \"cu\": {v}}}"))
        .collect();
    json.push_str(&sc.join(",\n"));
    json.push_str("\n  ],\n  \"rent\": [\n");
    let rs: Vec<String> = rents
        .iter()
        .map(|(n, s, r)| format!("    {{\"account\": \"{n}\", \"bytes\": {s}, \"lamports\": {r}}}"))
        .collect();
    json.push_str(&rs.join(",\n"));
    json.push_str("\n  ]\n}\n");

    let root = std::path::PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
    )
    .join("..");
    std::fs::write(root.join("BENCHMARKS.md"), &md).expect("write BENCHMARKS.md");
    std::fs::write(root.join("benchmarks.json"), &json).expect("write benchmarks.json");
    print!("{md}");
    if swap_max > SWAP_TARGET {
        eprintln!("swap over target: {swap_max} CU");
        std::process::exit(1);
    }
    if !lcts_over.is_empty() {
        eprintln!("LCTS over target: {lcts_over:?}");
        std::process::exit(1);
    }
    if !nfat_over.is_empty() {
        eprintln!("NFAT over target: {nfat_over:?}");
        std::process::exit(1);
    }
    if !over.is_empty() {
        eprintln!(
            "over budget: {:?}",
            over.iter().map(|r| &r.instruction).collect::<Vec<_>>()
        );
        std::process::exit(1);
    }
}
