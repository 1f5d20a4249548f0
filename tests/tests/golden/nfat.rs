//! `halo_nfat.json`: every instruction from `halo_sdk::nfat` (with the `FacilityRef` they
//! were built from, every derived address included), the strike's whole transaction, a
//! wallet transfer of a deal NFT with the hook's extra accounts, the PDAs with their bumps,
//! every account type serialised from fixed state with all its fields, `deal_view`'s
//! return data (as serialised, and trimmed of trailing zeros as a client receives it), the
//! terms hashes, both programs' errors, and tables of `halo_math::nfat` (calendar, 30/360
//! interest, schedules, days late, penalties) and `halo_math::deal` (ledger walks: fundings,
//! redemptions, standings) that the TypeScript port must reproduce exactly.
use anchor_lang::{prelude::Pubkey, AccountSerialize, AnchorSerialize};
use halo_math::deal::{Funding, LedgerError};
use halo_math::nfat::{self as m, TermsError};
use halo_math::MathError;
use halo_nfat::constants::*;
use halo_nfat::state::{Attestation, DealTotals, QueueTotals};
use halo_sdk::nfat::{self as ix, *};
use halo_sdk::pda;
use serde_json::{json, Value};

use super::{hex, ix_json, k};

fn s(p: &Pubkey) -> String {
    p.to_string()
}

const TOKEN: Pubkey = anchor_spl::token::ID;
const TOKEN_2022: Pubkey = anchor_spl::token_2022::ID;
const MILLION: u64 = 1_000_000;
/// 2026-01-15 00:00:00 UTC.
const JAN_15: i64 = 1_768_435_200;
/// 2026-01-31 12:00:00 UTC.
const JAN_31_NOON: i64 = 1_769_860_800;

fn status_json(st: DealStatus) -> Value {
    match st {
        DealStatus::Active => json!({"active": {}}),
        DealStatus::Defaulted => json!({"defaulted": {}}),
        DealStatus::WrittenOff => json!({"writtenOff": {}}),
    }
}

fn book_status_name(st: BookStatus) -> &'static str {
    match st {
        BookStatus::Created => "created",
        BookStatus::Filling => "filling",
        BookStatus::Deploying => "deploying",
        BookStatus::AtRest => "atRest",
        BookStatus::Unwinding => "unwinding",
        BookStatus::Closed => "closed",
    }
}

fn kind_name(kind: AttestationKind) -> &'static str {
    match kind {
        AttestationKind::PreDeployment => "preDeployment",
        AttestationKind::AtRest => "atRest",
    }
}

fn schedule_name(sc: Schedule) -> &'static str {
    match sc {
        Schedule::Bullet => "bullet",
        Schedule::Amortizing => "amortizing",
        Schedule::PeriodicInterest => "periodicInterest",
    }
}

/// The `FacilityRef` inputs and every address `FacilityRef::new` derives, with both route
/// keys.
fn facility_ref_json(f: &FacilityRef) -> Value {
    json!({
        "authority": s(&f.authority), "facilityId": f.facility_id.to_string(),
        "depositMint": s(&f.deposit_mint), "depositTokenProgram": s(&f.deposit_token_program),
        "pau": {"controller": s(&f.pau_controller), "custody": s(&f.pau_custody), "endpoint": s(&f.endpoint)},
        // derived
        "facility": s(&f.facility), "queueVault": s(&f.queue_vault), "redeemVault": s(&f.redeem_vault),
        "pauController": s(&f.pau_controller), "pauProxy": s(&f.pau_proxy),
        "pauCustody": s(&f.pau_custody), "pauIntegration": s(&f.pau_integration),
        "deployRateLimit": s(&f.deploy_rate_limit), "returnRateLimit": s(&f.return_rate_limit),
        "endpoint": s(&f.endpoint),
        "deployRouteKey": hex(&f.deploy_route_key()), "returnRouteKey": hex(&f.return_route_key()),
    })
}

fn deal_ref_json(d: &DealRef) -> Value {
    json!({"dealId": d.deal_id.to_string(), "deal": s(&d.deal), "nftMint": s(&d.nft_mint), "book": s(&d.book)})
}

/// `Buybox` as Anchor's TS coder decodes it (u64 / i64 as decimal strings, bytes as hex).
fn buybox_json(b: &Buybox) -> Value {
    json!({
        "minTenorMonths": b.min_tenor_months, "maxTenorMonths": b.max_tenor_months,
        "minPrincipal": b.min_principal.to_string(), "maxPrincipal": b.max_principal.to_string(),
        "minApyBps": b.min_apy_bps, "maxApyBps": b.max_apy_bps, "schedules": b.schedules,
        "maxPayments": b.max_payments, "latePenaltyBpsPerDay": b.late_penalty_bps_per_day,
        "gracePeriodS": b.grace_period_s.to_string(), "maxStartOffsetS": b.max_start_offset_s.to_string(),
        "assetType": hex(&b.asset_type),
    })
}

fn roles_json(r: &Roles) -> Value {
    json!({"beacon": s(&r.beacon), "attestor": s(&r.attestor), "warden": s(&r.warden)})
}

fn terms_json(t: &Terms) -> Value {
    json!({
        "principal": t.principal.to_string(), "apyBps": t.apy_bps, "startTs": t.start_ts.to_string(),
        "tenorMonths": t.tenor_months, "payments": t.payments,
        "schedule": {schedule_name(t.schedule): {}},
    })
}

fn amounts_json(a: &Amounts) -> Value {
    json!({"principal": a.principal.to_string(), "interest": a.interest.to_string(), "penalty": a.penalty.to_string()})
}

fn ledger_json(l: &Ledger) -> Value {
    json!({
        "principalOutstanding": l.principal_outstanding.to_string(),
        "totalInterest": l.total_interest.to_string(),
        "funded": amounts_json(&l.funded), "claimed": amounts_json(&l.claimed),
        "penaltyOwed": l.penalty_owed.to_string(), "paidThrough": l.paid_through,
        "coveredPrincipal": l.covered_principal.to_string(),
        "coveredInterest": l.covered_interest.to_string(),
        "daysLate": l.days_late, "latePayments": l.late_payments,
    })
}

fn asset_type(label: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[..label.len()].copy_from_slice(label.as_bytes());
    out
}

fn buybox() -> Buybox {
    Buybox {
        min_tenor_months: 3,
        max_tenor_months: 24,
        min_principal: MILLION * MILLION,
        max_principal: 50 * MILLION * MILLION,
        min_apy_bps: 500,
        max_apy_bps: 1_500,
        schedules: SCHEDULE_ALL,
        max_payments: 12,
        late_penalty_bps_per_day: 5,
        grace_period_s: 30 * 86_400,
        max_start_offset_s: 7 * 86_400,
        asset_type: asset_type("private credit"),
    }
}

struct Fixture {
    governance: Pubkey,
    roles: Roles,
    /// An SPL Token deposit facility, and a Token-2022 one of another authority.
    facility: FacilityRef,
    facility_2022: FacilityRef,
}

fn fixture() -> Fixture {
    let governance = k(91);
    let controller = pda::controller(&pda::configurator(), 7);
    let usds = k(95);
    let facility = FacilityRef::new(
        governance,
        4,
        usds,
        TOKEN,
        FacilityPau {
            controller,
            custody: halo_sdk::ata(&pda::proxy(&controller), &usds, &TOKEN),
            endpoint: k(96),
        },
    );
    let usds_2022 = k(97);
    let facility_2022 = FacilityRef::new(
        k(98),
        u64::MAX,
        usds_2022,
        TOKEN_2022,
        FacilityPau {
            controller,
            custody: halo_sdk::ata(&pda::proxy(&controller), &usds_2022, &TOKEN_2022),
            endpoint: k(99),
        },
    );
    Fixture {
        governance,
        roles: Roles {
            beacon: k(92),
            attestor: k(93),
            warden: k(94),
        },
        facility,
        facility_2022,
    }
}

fn bullet() -> Terms {
    Terms {
        principal: 25 * MILLION * MILLION,
        apy_bps: 1_000,
        start_ts: JAN_15,
        tenor_months: 6,
        payments: 1,
        schedule: Schedule::Bullet,
    }
}

fn amortizing() -> Terms {
    Terms {
        principal: 40 * MILLION * MILLION,
        apy_bps: 1_000,
        start_ts: JAN_31_NOON,
        tenor_months: 12,
        payments: 4,
        schedule: Schedule::Amortizing,
    }
}

fn periodic() -> Terms {
    Terms {
        principal: 10 * MILLION * MILLION + 7,
        apy_bps: 850,
        start_ts: JAN_15,
        tenor_months: 12,
        payments: 12,
        schedule: Schedule::PeriodicInterest,
    }
}

fn instructions() -> Vec<Value> {
    let fx = fixture();
    let gov = fx.governance;
    let r = fx.roles;
    let (prime, holder, owner, payer, new_gov) = (k(100), k(101), k(102), k(103), k(104));
    let mut out = Vec::new();
    for (f, name) in [(&fx.facility, "Halo Credit"), (&fx.facility_2022, "H")] {
        let fr = facility_ref_json(f);
        let args = CreateFacilityArgs {
            facility_id: f.facility_id,
            buybox: buybox(),
            roles: r,
            name: name.into(),
            symbol: "HNFAT".into(),
            uri: "https://example.invalid/halo/nfat/facility.json".into(),
        };
        out.push(ix_json(
            "createFacility",
            json!({"facility": fr, "buybox": buybox_json(&args.buybox), "roles": roles_json(&r),
                   "name": args.name, "symbol": args.symbol, "uri": args.uri}),
            &ix::create_facility(f, args.clone()),
        ));
    }
    let f = fx.facility;
    let fr = facility_ref_json(&f);
    let book = f.book(0);
    let deal = f.deal(3, book);
    let deal_last = f.deal(u64::MAX, f.book(u64::MAX));
    let mut tight = buybox();
    tight.schedules = SCHEDULE_BULLET;
    tight.min_tenor_months = 6;
    tight.max_tenor_months = 6;
    tight.asset_type = [0xff; 32];
    tight.grace_period_s = MAX_GRACE_PERIOD_S;
    let prime_token = f.token_of(&prime);
    let holder_token = f.token_of(&holder);
    let payer_token = f.token_of(&payer);
    let holder_nft = ix::nft_account(&holder, &deal.nft_mint);
    out.extend([
        ix_json(
            "proposeGovernance",
            json!({"governance": s(&gov), "facility": fr.clone(), "newGovernance": s(&new_gov)}),
            &ix::propose_governance(&gov, &f, new_gov),
        ),
        ix_json(
            "acceptGovernance",
            json!({"newGovernance": s(&new_gov), "facility": fr.clone()}),
            &ix::accept_governance(&new_gov, &f),
        ),
        ix_json(
            "setBuybox",
            json!({"governance": s(&gov), "facility": fr.clone(), "buybox": buybox_json(&tight)}),
            &ix::set_buybox(&gov, &f, tight),
        ),
        ix_json(
            "setRoles",
            json!({"governance": s(&gov), "facility": fr.clone(), "roles": roles_json(&r)}),
            &ix::set_roles(&gov, &f, r),
        ),
        ix_json(
            "setAllowList",
            json!({"governance": s(&gov), "facility": fr.clone(), "on": true}),
            &ix::set_allow_list(&gov, &f, true),
        ),
        ix_json(
            "setAllowList",
            json!({"governance": s(&gov), "facility": fr.clone(), "on": false}),
            &ix::set_allow_list(&gov, &f, false),
        ),
        ix_json(
            "setRoutes",
            json!({"governance": s(&gov), "facility": fr.clone()}),
            &ix::set_routes(&gov, &f),
        ),
        ix_json(
            "approvePrime",
            json!({"governance": s(&gov), "facility": fr.clone(), "prime": s(&prime)}),
            &ix::approve_prime(&gov, &f, &prime),
        ),
        ix_json(
            "revokePrime",
            json!({"governance": s(&gov), "facility": fr.clone(), "prime": s(&prime)}),
            &ix::revoke_prime(&gov, &f, &prime),
        ),
        ix_json(
            "listHolder",
            json!({"governance": s(&gov), "facility": fr.clone(), "owner": s(&owner)}),
            &ix::list_holder(&gov, &f, &owner),
        ),
        ix_json(
            "delistHolder",
            json!({"governance": s(&gov), "facility": fr.clone(), "owner": s(&owner)}),
            &ix::delist_holder(&gov, &f, &owner),
        ),
        ix_json(
            "writeOff",
            json!({"governance": s(&gov), "facility": fr.clone(), "deal": deal_ref_json(&deal)}),
            &ix::write_off(&gov, &f, &deal),
        ),
        ix_json(
            "setHalted",
            json!({"signer": s(&r.warden), "facility": fr.clone(), "halted": true}),
            &ix::set_halted(&r.warden, &f, true),
        ),
        ix_json(
            "setHalted",
            json!({"signer": s(&gov), "facility": fr.clone(), "halted": false}),
            &ix::set_halted(&gov, &f, false),
        ),
        ix_json(
            "markDefault",
            json!({"signer": s(&r.warden), "facility": fr.clone(), "deal": deal_ref_json(&deal)}),
            &ix::mark_default(&r.warden, &f, &deal),
        ),
        ix_json(
            "createBook",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "bookId": "0"}),
            &ix::create_book(&r.beacon, &f, 0),
        ),
        ix_json(
            "createBook",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "bookId": "18446744073709551615"}),
            &ix::create_book(&r.beacon, &f, u64::MAX),
        ),
    ]);
    for (kind, hash) in [
        (AttestationKind::PreDeployment, [7u8; 32]),
        (AttestationKind::AtRest, [0u8; 32]),
    ] {
        out.push(ix_json(
            "attest",
            json!({"attestor": s(&r.attestor), "facility": fr.clone(), "book": s(&book),
                   "kind": kind_name(kind), "hash": hex(&hash)}),
            &ix::attest(&r.attestor, &f, &book, kind, hash),
        ));
    }
    for (d, t) in [
        (&deal, bullet()),
        (&deal, amortizing()),
        (&deal_last, periodic()),
    ] {
        out.push(ix_json(
            "claim",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "prime": s(&prime),
                   "deal": deal_ref_json(d), "terms": terms_json(&t)}),
            &ix::claim(&r.beacon, &f, &prime, d, t),
        ));
    }
    for to in [
        BookStatus::Filling,
        BookStatus::Deploying,
        BookStatus::AtRest,
        BookStatus::Unwinding,
        BookStatus::Closed,
        BookStatus::Created,
    ] {
        out.push(ix_json(
            "moveBook",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "book": s(&book), "to": book_status_name(to)}),
            &ix::move_book(&r.beacon, &f, &book, to),
        ));
    }
    let add = Amounts {
        principal: 25 * MILLION * MILLION,
        interest: 1_250_000 * MILLION,
        penalty: 0,
    };
    let odd = Amounts {
        principal: 0,
        interest: 1,
        penalty: u64::MAX,
    };
    out.extend([
        ix_json(
            "deploy",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "book": s(&book), "amount": "25000000000000"}),
            &ix::deploy(&r.beacon, &f, &book, 25 * MILLION * MILLION),
        ),
        ix_json(
            "returnFunds",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "book": s(&book), "amount": "26250000000000"}),
            &ix::return_funds(&r.beacon, &f, &book, 26_250_000 * MILLION),
        ),
        ix_json(
            "release",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "book": s(&book), "amount": "1"}),
            &ix::release(&r.beacon, &f, &book, 1),
        ),
        ix_json(
            "fund",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "deal": deal_ref_json(&deal), "add": amounts_json(&add)}),
            &ix::fund(&r.beacon, &f, &deal, add),
        ),
        ix_json(
            "fund",
            json!({"beacon": s(&r.beacon), "facility": fr.clone(), "deal": deal_ref_json(&deal_last), "add": amounts_json(&odd)}),
            &ix::fund(&r.beacon, &f, &deal_last, odd),
        ),
        ix_json(
            "deposit",
            json!({"prime": s(&prime), "facility": fr.clone(), "primeToken": s(&prime_token), "amount": "25000000000000"}),
            &ix::deposit(&prime, &f, &prime_token, 25 * MILLION * MILLION),
        ),
        ix_json(
            "withdraw",
            json!({"prime": s(&prime), "facility": fr.clone(), "primeToken": s(&prime_token), "amount": "18446744073709551615"}),
            &ix::withdraw(&prime, &f, &prime_token, u64::MAX),
        ),
        ix_json(
            "redeem",
            json!({"holder": s(&holder), "facility": fr.clone(), "deal": deal_ref_json(&deal),
                   "holderNftAccount": s(&holder_nft), "holderToken": s(&holder_token), "max": "18446744073709551615"}),
            &ix::redeem(&holder, &f, &deal, &holder_nft, &holder_token, u64::MAX),
        ),
        ix_json(
            "redeem",
            json!({"holder": s(&holder), "facility": fr.clone(), "deal": deal_ref_json(&deal),
                   "holderNftAccount": s(&k(105)), "holderToken": s(&holder_token), "max": "1"}),
            &ix::redeem(&holder, &f, &deal, &k(105), &holder_token, 1),
        ),
        ix_json(
            "pay",
            json!({"payer": s(&payer), "facility": fr.clone(), "deal": deal_ref_json(&deal),
                   "payerToken": s(&payer_token), "add": amounts_json(&add)}),
            &ix::pay(&payer, &f, &deal, &payer_token, add),
        ),
        ix_json(
            "deliverNft",
            json!({"facility": fr.clone(), "deal": deal_ref_json(&deal), "depositor": s(&prime)}),
            &ix::deliver_nft(&f, &deal, &prime),
        ),
        ix_json(
            "dealView",
            json!({"facility": fr.clone(), "deal": deal_ref_json(&deal)}),
            &ix::deal_view(&f, &deal),
        ),
    ]);
    // a Token-2022 deposit mint: every deposit-mint leg follows the facility
    let f2 = fx.facility_2022;
    let fr2 = facility_ref_json(&f2);
    let d2 = f2.deal(0, f2.book(0));
    let t2 = f2.token_of(&prime);
    out.extend([
        ix_json(
            "deposit",
            json!({"prime": s(&prime), "facility": fr2.clone(), "primeToken": s(&t2), "amount": "1"}),
            &ix::deposit(&prime, &f2, &t2, 1),
        ),
        ix_json(
            "claim",
            json!({"beacon": s(&r.beacon), "facility": fr2.clone(), "prime": s(&prime),
                   "deal": deal_ref_json(&d2), "terms": terms_json(&bullet())}),
            &ix::claim(&r.beacon, &f2, &prime, &d2, bullet()),
        ),
        ix_json(
            "deploy",
            json!({"beacon": s(&r.beacon), "facility": fr2, "book": s(&d2.book), "amount": "0"}),
            &ix::deploy(&r.beacon, &f2, &d2.book, 0),
        ),
    ]);
    out
}

fn ixs_json(ixs: &[halo_sdk::Instruction]) -> Vec<Value> {
    ixs.iter().map(|i| ix_json("", json!({}), i)).collect()
}

/// Transactions the client assembles: the strike (compute budget, claim, the Prime's NFT
/// account, delivery), a wallet transfer of a deal NFT, the NFT account's creation.
fn transactions() -> Vec<Value> {
    let fx = fixture();
    let f = fx.facility;
    let r = fx.roles;
    let (prime, holder, owner) = (k(100), k(101), k(102));
    let deal = f.deal(3, f.book(0));
    vec![
        json!({
            "name": "strike", "computeUnits": CLAIM_COMPUTE_UNITS,
            "inputs": {"beacon": s(&r.beacon), "facility": facility_ref_json(&f), "prime": s(&prime),
                       "deal": deal_ref_json(&deal), "terms": terms_json(&amortizing())},
            "instructions": ixs_json(&ix::claim_transaction(&r.beacon, &f, &prime, &deal, amortizing())),
        }),
        json!({
            "name": "transferNft",
            "inputs": {"owner": s(&holder), "facility": facility_ref_json(&f), "nftMint": s(&deal.nft_mint), "toOwner": s(&owner)},
            "instructions": ixs_json(&[ix::transfer_nft(&holder, &f, &deal.nft_mint, &owner)]),
        }),
        json!({
            "name": "createNftAccount",
            "inputs": {"payer": s(&r.beacon), "owner": s(&owner), "nftMint": s(&deal.nft_mint)},
            "instructions": ixs_json(&[ix::create_nft_account(&r.beacon, &owner, &deal.nft_mint)]),
        }),
    ]
}

fn pdas() -> Vec<Value> {
    let find = |seeds: &[&[u8]], program: &Pubkey| Pubkey::find_program_address(seeds, program);
    let p = |name: &str, inputs: Value, sdk: Pubkey, seeds: &[&[u8]], program: &Pubkey| {
        let (addr, bump) = find(seeds, program);
        assert_eq!(addr, sdk, "{name}");
        json!({"name": name, "inputs": inputs, "address": s(&addr), "bump": bump})
    };
    let n = &halo_nfat::ID;
    let fx = fixture();
    let gov = fx.governance;
    let facility = fx.facility.facility;
    let (prime, owner) = (k(100), k(102));
    let mut out = Vec::new();
    for id in [4u64, 0, u64::MAX] {
        out.push(p(
            "nfatFacility",
            json!({"authority": s(&gov), "facilityId": id.to_string()}),
            pda::nfat_facility(&gov, id),
            &[SEED_FACILITY, gov.as_ref(), &id.to_le_bytes()],
            n,
        ));
    }
    out.extend([
        p(
            "nfatPrime",
            json!({"facility": s(&facility), "prime": s(&prime)}),
            pda::nfat_prime(&facility, &prime),
            &[SEED_PRIME, facility.as_ref(), prime.as_ref()],
            n,
        ),
        p(
            "nfatDeposit",
            json!({"facility": s(&facility), "prime": s(&prime)}),
            pda::nfat_deposit(&facility, &prime),
            &[SEED_DEPOSIT, facility.as_ref(), prime.as_ref()],
            n,
        ),
        p(
            "nfatQueueVault",
            json!({"facility": s(&facility)}),
            pda::nfat_queue_vault(&facility),
            &[SEED_QUEUE_VAULT, facility.as_ref()],
            n,
        ),
        p(
            "nfatRedeemVault",
            json!({"facility": s(&facility)}),
            pda::nfat_redeem_vault(&facility),
            &[SEED_REDEEM_VAULT, facility.as_ref()],
            n,
        ),
        p(
            "nfatHolder",
            json!({"facility": s(&facility), "owner": s(&owner)}),
            pda::nfat_holder(&facility, &owner),
            &[SEED_HOLDER, facility.as_ref(), owner.as_ref()],
            n,
        ),
    ]);
    for id in [0u64, 9, u64::MAX] {
        let book = pda::nfat_book(&facility, id);
        out.push(p(
            "nfatBook",
            json!({"facility": s(&facility), "bookId": id.to_string()}),
            book,
            &[SEED_BOOK, facility.as_ref(), &id.to_le_bytes()],
            n,
        ));
        let mint = fx.facility.deposit_mint;
        out.push(p(
            "nfatBookVault",
            json!({"book": s(&book), "mint": s(&mint)}),
            pda::nfat_book_vault(&book, &mint),
            &[SEED_BOOK_VAULT, book.as_ref(), mint.as_ref()],
            n,
        ));
        let deal = pda::nfat_deal(&facility, id);
        out.push(p(
            "nfatDeal",
            json!({"facility": s(&facility), "dealId": id.to_string()}),
            deal,
            &[SEED_DEAL, facility.as_ref(), &id.to_le_bytes()],
            n,
        ));
        let nft = pda::nfat_nft(&deal);
        out.push(p(
            "nfatNft",
            json!({"deal": s(&deal)}),
            nft,
            &[SEED_NFT, deal.as_ref()],
            n,
        ));
        out.push(p(
            "nfatExtraAccountMetas",
            json!({"mint": s(&nft)}),
            pda::nfat_extra_account_metas(&nft),
            &[
                halo_nfat_hook::constants::SEED_EXTRA_ACCOUNT_METAS,
                nft.as_ref(),
            ],
            &halo_nfat_hook::ID,
        ));
    }
    out
}

fn account<T: AccountSerialize>(ty: &str, addr: Pubkey, acc: &T, fields: Value) -> Value {
    let mut data = Vec::new();
    acc.try_serialize(&mut data).unwrap();
    json!({"type": ty, "address": s(&addr), "data": hex(&data), "fields": fields})
}

fn facility_account(f: &FacilityRef, a: &Facility) -> Value {
    account(
        "facility",
        f.facility,
        a,
        json!({
            "version": a.version, "bump": a.bump, "allowList": a.allow_list, "halted": a.halted,
            "authority": s(&a.authority), "facilityId": a.facility_id.to_string(),
            "governance": s(&a.governance), "pendingGovernance": s(&a.pending_governance),
            "beacon": s(&a.beacon), "attestor": s(&a.attestor), "warden": s(&a.warden),
            "depositMint": s(&a.deposit_mint), "depositTokenProgram": s(&a.deposit_token_program),
            "depositDecimals": a.deposit_decimals, "queueVault": s(&a.queue_vault),
            "redeemVault": s(&a.redeem_vault), "pauController": s(&a.pau_controller),
            "deployRateLimit": s(&a.deploy_rate_limit), "returnRateLimit": s(&a.return_rate_limit),
            "buybox": buybox_json(&a.buybox),
            "queue": {"totalShares": a.queue.total_shares.to_string(), "totalUnderlying": a.queue.total_underlying.to_string()},
            "deals": {"open": a.deals.open.to_string(), "defaulted": a.deals.defaulted.to_string(),
                      "principalOutstanding": a.deals.principal_outstanding.to_string(),
                      "redeemLiability": a.deals.redeem_liability.to_string()},
            "nextDealId": a.next_deal_id.to_string(), "nextBookId": a.next_book_id.to_string(),
            "name": a.name, "symbol": a.symbol, "uri": a.uri, "reserved": hex(&a.reserved),
        }),
    )
}

fn book_account(addr: Pubkey, b: &Book) -> Value {
    let attestation = b.attestation.map(|a| {
        json!({"kind": {kind_name(a.kind): {}}, "hash": hex(&a.hash), "seq": a.seq.to_string(), "at": a.at.to_string()})
    });
    account(
        "book",
        addr,
        b,
        json!({
            "version": b.version, "bump": b.bump, "facility": s(&b.facility), "bookId": b.book_id.to_string(),
            "status": {book_status_name(b.status): {}}, "vault": s(&b.vault), "seq": b.seq.to_string(),
            "statusSeq": b.status_seq.to_string(), "statusChangedAt": b.status_changed_at.to_string(),
            "attestation": attestation, "claimedIn": b.claimed_in.to_string(),
            "deployed": b.deployed.to_string(), "returned": b.returned.to_string(),
            "released": b.released.to_string(), "allocated": b.allocated.to_string(),
            "deals": b.deals, "principal": b.principal.to_string(), "reserved": hex(&b.reserved),
        }),
    )
}

fn deal_account(d: &Deal) -> Value {
    account(
        "deal",
        pda::nfat_deal(&d.facility, d.deal_id),
        d,
        json!({
            "version": d.version, "bump": d.bump, "facility": s(&d.facility), "dealId": d.deal_id.to_string(),
            "book": s(&d.book), "nftMint": s(&d.nft_mint), "depositor": s(&d.depositor),
            "terms": terms_json(&d.terms), "termsHash": hex(&d.terms_hash),
            "maturityTs": d.maturity_ts.to_string(), "status": status_json(d.status),
            "ledger": ledger_json(&d.ledger), "struckAt": d.struck_at.to_string(),
            "defaultedAt": d.defaulted_at.to_string(), "lastFundedAt": d.last_funded_at.to_string(),
            "recovered": d.recovered.to_string(), "nftDeliveredAt": d.nft_delivered_at.to_string(),
            "reserved": hex(&d.reserved),
        }),
    )
}

/// A deal of facility `f`: `terms` struck at their start, then `walk` applied to its
/// ledger.
fn deal_state(
    f: &FacilityRef,
    deal_id: u64,
    terms: Terms,
    status: DealStatus,
    walk: impl Fn(&mut Ledger),
) -> Deal {
    let d = f.deal(deal_id, f.book(0));
    let mut ledger = Ledger::new(&terms).unwrap();
    walk(&mut ledger);
    Deal {
        version: 1,
        bump: 255,
        facility: f.facility,
        deal_id,
        book: d.book,
        nft_mint: d.nft_mint,
        depositor: k(100),
        terms,
        terms_hash: terms_hash(&f.facility, deal_id, &terms).unwrap(),
        maturity_ts: terms.maturity_ts().unwrap(),
        status,
        ledger,
        struck_at: terms.start_ts,
        defaulted_at: 0,
        last_funded_at: 0,
        recovered: 0,
        nft_delivered_at: terms.start_ts,
        reserved: [0; 56],
    }
}

/// Every account type, from fixed state; the deals' ledgers walked by real fundings and
/// redemptions. Returns the accounts and the deals (for the quotes' checks).
fn accounts() -> Vec<Value> {
    let fx = fixture();
    let f = fx.facility;
    let mut reserved = [0u8; 64];
    reserved[0] = 0xaa;
    let facility = Facility {
        version: 1,
        bump: 254,
        allow_list: true,
        halted: false,
        authority: fx.governance,
        facility_id: 4,
        governance: fx.governance,
        pending_governance: k(104),
        beacon: fx.roles.beacon,
        attestor: fx.roles.attestor,
        warden: fx.roles.warden,
        deposit_mint: f.deposit_mint,
        deposit_token_program: f.deposit_token_program,
        deposit_decimals: 6,
        queue_vault: f.queue_vault,
        redeem_vault: f.redeem_vault,
        pau_controller: f.pau_controller,
        deploy_rate_limit: f.deploy_rate_limit,
        return_rate_limit: f.return_rate_limit,
        buybox: buybox(),
        queue: QueueTotals {
            total_shares: 49_999_999_999_999,
            total_underlying: 50 * MILLION * MILLION,
        },
        deals: DealTotals {
            open: 3,
            defaulted: 1,
            principal_outstanding: 75 * MILLION * MILLION,
            redeem_liability: 1_250_000 * MILLION,
        },
        next_deal_id: 4,
        next_book_id: 2,
        name: "Halo Credit".into(),
        symbol: "HNFAT".into(),
        uri: "https://example.invalid/halo/nfat/facility.json".into(),
        reserved,
    };
    let f2 = fx.facility_2022;
    let edge = Facility {
        version: 1,
        bump: 0,
        allow_list: false,
        halted: true,
        authority: f2.authority,
        facility_id: u64::MAX,
        governance: f2.authority,
        pending_governance: Pubkey::default(),
        beacon: Pubkey::default(),
        attestor: Pubkey::default(),
        warden: Pubkey::default(),
        deposit_mint: f2.deposit_mint,
        deposit_token_program: TOKEN_2022,
        deposit_decimals: 0,
        queue_vault: f2.queue_vault,
        redeem_vault: f2.redeem_vault,
        pau_controller: f2.pau_controller,
        deploy_rate_limit: Pubkey::default(),
        return_rate_limit: Pubkey::default(),
        buybox: Buybox {
            asset_type: [0xff; 32],
            min_principal: u64::MAX,
            max_principal: u64::MAX,
            grace_period_s: i64::MAX,
            max_start_offset_s: i64::MIN,
            ..buybox()
        },
        queue: QueueTotals {
            total_shares: u64::MAX,
            total_underlying: u64::MAX,
        },
        deals: DealTotals {
            open: u64::MAX,
            defaulted: 0,
            principal_outstanding: u64::MAX,
            redeem_liability: 0,
        },
        next_deal_id: u64::MAX,
        next_book_id: 0,
        name: String::new(),
        symbol: "X".into(),
        uri: String::new(),
        reserved: [0; 64],
    };
    let book0 = f.book(0);
    let filling = Book {
        version: 1,
        bump: 253,
        facility: f.facility,
        book_id: 0,
        status: BookStatus::AtRest,
        vault: f.book_vault(0),
        seq: 5,
        status_seq: 4,
        status_changed_at: JAN_15 + 86_400,
        attestation: Some(Attestation {
            kind: AttestationKind::AtRest,
            hash: [0x5a; 32],
            seq: 5,
            at: JAN_15 + 2 * 86_400,
        }),
        claimed_in: 65 * MILLION * MILLION,
        deployed: 65 * MILLION * MILLION,
        returned: 26_250_000 * MILLION,
        released: 0,
        allocated: 26_250_000 * MILLION,
        deals: 2,
        principal: 65 * MILLION * MILLION,
        reserved: [0; 32],
    };
    let created = Book {
        version: 1,
        bump: 252,
        facility: f.facility,
        book_id: 1,
        status: BookStatus::Created,
        vault: f.book_vault(1),
        seq: 0,
        status_seq: 0,
        status_changed_at: 0,
        attestation: None,
        claimed_in: 0,
        deployed: 0,
        returned: 0,
        released: 0,
        allocated: 0,
        deals: 0,
        principal: 0,
        reserved: [0; 32],
    };
    let bps = facility.buybox.late_penalty_bps_per_day;
    // the bullet: funded whole 10 days late (its penalty recorded), half redeemed
    let bullet_deal = deal_state(&f, 0, bullet(), DealStatus::Active, |l| {
        let t = bullet();
        let due = t.payment(0).unwrap();
        let total = t.total().unwrap();
        let add = Amounts {
            principal: total.principal,
            interest: total.interest,
            penalty: 0,
        };
        l.fund(&t, due.due_ts + 10 * 86_400, add, bps).unwrap();
        l.redeem(13 * MILLION * MILLION).unwrap();
    });
    // the amortizing deal: two payments covered on time, the third in part
    let amort_deal = deal_state(&f, 1, amortizing(), DealStatus::Active, |l| {
        let t = amortizing();
        let (p0, p1) = (t.payment(0).unwrap(), t.payment(1).unwrap());
        let add = |p: &m::Payment| Amounts {
            principal: p.principal,
            interest: p.interest,
            penalty: 0,
        };
        l.fund(&t, p0.due_ts, add(&p0), bps).unwrap();
        l.fund(&t, p1.due_ts - 1, add(&p1), bps).unwrap();
        l.fund(
            &t,
            p1.due_ts,
            Amounts {
                principal: 1,
                interest: 0,
                penalty: 0,
            },
            bps,
        )
        .unwrap();
        l.redeem(u64::MAX).unwrap();
    });
    // a defaulted periodic deal with a recovery funded and unclaimed
    let mut defaulted = deal_state(&f, 2, periodic(), DealStatus::Defaulted, |l| {
        let t = periodic();
        l.fund(
            &t,
            t.maturity_ts().unwrap() + 40 * 86_400,
            Amounts {
                principal: 3 * MILLION * MILLION,
                interest: 0,
                penalty: 0,
            },
            bps,
        )
        .unwrap();
    });
    defaulted.defaulted_at = defaulted.maturity_ts + 31 * 86_400;
    defaulted.last_funded_at = defaulted.maturity_ts + 40 * 86_400;
    defaulted.recovered = 3 * MILLION * MILLION;
    defaulted.nft_delivered_at = 0;
    defaulted.reserved[55] = 1;
    let written_off = deal_state(&f, 3, bullet(), DealStatus::WrittenOff, |_| {});
    let prime = k(100);
    let deposit = QueueDeposit {
        version: 1,
        bump: 251,
        facility: f.facility,
        prime,
        shares: 10 * MILLION * MILLION - 1,
        deposited_at: JAN_15 - 86_400,
        deposited_total: 75 * MILLION * MILLION,
        withdrawn_total: 1,
        claimed_total: 65 * MILLION * MILLION,
        reserved: [0; 32],
    };
    let approved = ApprovedPrime {
        version: 1,
        bump: 250,
        facility: f.facility,
        prime,
        approved_at: JAN_15 - 2 * 86_400,
        reserved: [0; 16],
    };
    let owner = k(102);
    let entry = HolderEntry {
        version: 1,
        bump: 249,
        facility: f.facility,
        owner,
        added_at: i64::MAX,
        reserved: [0; 16],
    };
    vec![
        facility_account(&f, &facility),
        facility_account(&f2, &edge),
        book_account(book0, &filling),
        book_account(f.book(1), &created),
        deal_account(&bullet_deal),
        deal_account(&amort_deal),
        deal_account(&defaulted),
        deal_account(&written_off),
        account(
            "queueDeposit",
            f.deposit_of(&prime),
            &deposit,
            json!({
                "version": deposit.version, "bump": deposit.bump, "facility": s(&deposit.facility),
                "prime": s(&deposit.prime), "shares": deposit.shares.to_string(),
                "depositedAt": deposit.deposited_at.to_string(),
                "depositedTotal": deposit.deposited_total.to_string(),
                "withdrawnTotal": deposit.withdrawn_total.to_string(),
                "claimedTotal": deposit.claimed_total.to_string(), "reserved": hex(&deposit.reserved),
            }),
        ),
        account(
            "approvedPrime",
            f.approval_of(&prime),
            &approved,
            json!({
                "version": approved.version, "bump": approved.bump, "facility": s(&approved.facility),
                "prime": s(&approved.prime), "approvedAt": approved.approved_at.to_string(),
                "reserved": hex(&approved.reserved),
            }),
        ),
        account(
            "holderEntry",
            f.holder_entry(&owner),
            &entry,
            json!({
                "version": entry.version, "bump": entry.bump, "facility": s(&entry.facility),
                "owner": s(&entry.owner), "addedAt": entry.added_at.to_string(),
                "reserved": hex(&entry.reserved),
            }),
        ),
    ]
}

// ---- deal_view's return data -------------------------------------------------------------

fn trimmed(full: &[u8]) -> Vec<u8> {
    let end = full.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    full[..end].to_vec()
}

fn views() -> Vec<Value> {
    let a = |p: u64, i: u64, pen: u64| Amounts {
        principal: p,
        interest: i,
        penalty: pen,
    };
    let cases = [
        DealView {
            status: DealStatus::Active,
            principal_outstanding: 25 * MILLION * MILLION,
            redeemable: a(0, 0, 0),
            unfunded: a(25 * MILLION * MILLION, 1_250_000 * MILLION, 0),
            overdue: a(25 * MILLION * MILLION, 1_250_000 * MILLION, 0),
            penalty_accruing: 131_250_000_000,
            days_overdue: 10,
            paid_through: 0,
            payments: 1,
            maturity_ts: 1_784_073_600,
            defaultable: false,
        },
        DealView {
            status: DealStatus::Defaulted,
            principal_outstanding: u64::MAX,
            redeemable: a(u64::MAX, 1, u64::MAX),
            unfunded: a(1, u64::MAX, 0),
            overdue: a(0, 0, 7),
            penalty_accruing: u64::MAX,
            days_overdue: u64::MAX,
            paid_through: u32::MAX,
            payments: u32::MAX,
            maturity_ts: i64::MAX,
            defaultable: true,
        },
        DealView {
            status: DealStatus::WrittenOff,
            principal_outstanding: 1,
            redeemable: a(0, 0, 0),
            unfunded: a(0, 0, 0),
            overdue: a(0, 0, 0),
            penalty_accruing: 0,
            days_overdue: 0,
            paid_through: 4,
            payments: 4,
            maturity_ts: -1,
            defaultable: false,
        },
        DealView {
            status: DealStatus::Active,
            principal_outstanding: 0,
            redeemable: a(0, 0, 0),
            unfunded: a(0, 0, 0),
            overdue: a(0, 0, 0),
            penalty_accruing: 0,
            days_overdue: 0,
            paid_through: 0,
            payments: 0,
            maturity_ts: 0,
            defaultable: false,
        },
    ];
    cases
        .iter()
        .map(|v| {
            let mut full = Vec::new();
            v.serialize(&mut full).unwrap();
            let back = trimmed(&full);
            let decoded: DealView = halo_sdk::decode::return_data(&back).unwrap();
            assert_eq!(decoded, *v);
            json!({
                "type": "dealView", "serialized": hex(&full), "returnData": hex(&back),
                "fields": {
                    "status": status_json(v.status), "principalOutstanding": v.principal_outstanding.to_string(),
                    "redeemable": amounts_json(&v.redeemable), "unfunded": amounts_json(&v.unfunded),
                    "overdue": amounts_json(&v.overdue), "penaltyAccruing": v.penalty_accruing.to_string(),
                    "daysOverdue": v.days_overdue.to_string(), "paidThrough": v.paid_through,
                    "payments": v.payments, "maturityTs": v.maturity_ts.to_string(), "defaultable": v.defaultable,
                },
            })
        })
        .collect()
}

fn terms_hashes() -> Vec<Value> {
    let fx = fixture();
    [
        (fx.facility.facility, 0u64, bullet()),
        (fx.facility.facility, 1, amortizing()),
        (fx.facility_2022.facility, u64::MAX, periodic()),
    ]
    .iter()
    .map(|(f, id, t)| {
        json!({"facility": s(f), "dealId": id.to_string(), "terms": terms_json(t),
               "hash": hex(&terms_hash(f, *id, t).unwrap())})
    })
    .collect()
}

// ---- halo_math::nfat and halo_math::deal -------------------------------------------------

fn math_name(e: MathError) -> String {
    format!("{e:?}")
}

fn terms_err(e: TermsError) -> Value {
    match e {
        TermsError::Math(m) => json!({"error": math_name(m)}),
        other => json!({"error": format!("{other:?}")}),
    }
}

fn ledger_err(e: LedgerError) -> Value {
    match e {
        LedgerError::Terms(t) => terms_err(t),
        other => json!({"error": format!("{other:?}")}),
    }
}

fn or_terms<T>(r: Result<T, TermsError>, ok: impl Fn(T) -> Value) -> Value {
    r.map_or_else(terms_err, ok)
}

/// Timestamps the calendar table walks: the epoch, month ends, a leap day, a second before
/// midnight, the far future, and the invalid (negative, beyond the calendar).
const TIMES: [i64; 10] = [
    0,
    JAN_15,
    JAN_31_NOON,
    1_709_164_800,   // 2024-02-29
    1_798_761_599,   // 2026-12-31 23:59:59
    1_767_139_200,   // 2025-12-31
    253_402_300_799, // 9999-12-31 23:59:59
    -1,
    i64::MAX,
    i64::MAX / 86_400 * 86_400 - 86_400 * 400 * 366,
];

fn calendar() -> Value {
    let dates: Vec<Value> = TIMES
        .iter()
        .map(|t| {
            json!({"ts": t.to_string(), "result": or_terms(m::date_of(*t), |(d, secs)| json!({
                "year": d.year.to_string(), "month": d.month, "day": d.day, "secs": secs.to_string(),
            }))})
        })
        .collect();
    let mut add_months = Vec::new();
    for t in TIMES {
        for months in [0u32, 1, 2, 11, 12, 13, 25, 1_199, u32::MAX] {
            add_months.push(json!({
                "ts": t.to_string(), "months": months,
                "result": or_terms(m::add_months(t, months), |v| json!(v.to_string())),
            }));
        }
    }
    let mut days = Vec::new();
    for from in TIMES {
        for to in TIMES {
            days.push(json!({
                "from": from.to_string(), "to": to.to_string(),
                "result": or_terms(m::days_360(from, to), |v| json!(v.to_string())),
            }));
        }
    }
    let mut interest = Vec::new();
    for principal in [0u64, 1, 25 * MILLION * MILLION, u64::MAX] {
        for apy in [0u32, 1, 1_000, 50_000, u32::MAX] {
            for d in [0u64, 1, 30, 180, 360, 3_600_000, u64::MAX] {
                interest.push(json!({
                    "principal": principal.to_string(), "apyBps": apy, "days": d.to_string(),
                    "result": m::interest(principal, apy, d).map_or_else(|e| json!({"error": math_name(e)}), |v| json!(v.to_string())),
                }));
            }
        }
    }
    json!({"dateOf": dates, "addMonths": add_months, "days360": days, "interest": interest})
}

fn all_terms() -> Vec<Terms> {
    let mut bad_bullet = bullet();
    bad_bullet.payments = 2;
    let mut uneven = amortizing();
    uneven.payments = 5;
    let mut zero = bullet();
    zero.principal = 0;
    let mut negative = periodic();
    negative.start_ts = -1;
    let mut long = amortizing();
    long.tenor_months = 1_200;
    long.payments = 1_200;
    long.principal = u64::MAX;
    long.apy_bps = u32::MAX;
    let mut too_long = bullet();
    too_long.tenor_months = 1_201;
    let mut far = bullet();
    far.start_ts = 253_402_300_799;
    far.tenor_months = 12;
    vec![
        bullet(),
        amortizing(),
        periodic(),
        Terms {
            principal: 7,
            apy_bps: 1,
            start_ts: 1_709_164_800,
            tenor_months: 12,
            payments: 3,
            schedule: Schedule::Amortizing,
        },
        bad_bullet,
        uneven,
        zero,
        negative,
        long,
        too_long,
        far,
    ]
}

fn payment_json(p: &m::Payment) -> Value {
    json!({"dueTs": p.due_ts.to_string(), "principal": p.principal.to_string(), "interest": p.interest.to_string()})
}

fn due_json(d: &m::Due) -> Value {
    json!({"principal": d.principal.to_string(), "interest": d.interest.to_string()})
}

fn schedules() -> Vec<Value> {
    all_terms()
        .iter()
        .map(|t| {
            let n = t.payments.min(13);
            let payments: Vec<Value> = (0..=n)
                .map(|i| json!({"i": i, "result": or_terms(t.payment(i), |p| payment_json(&p))}))
                .collect();
            let maturity = t.maturity_ts().unwrap_or(t.start_ts);
            let nows = [
                t.start_ts,
                t.start_ts.saturating_add(90 * 86_400),
                maturity.saturating_sub(1),
                maturity,
                maturity.saturating_add(86_400),
            ];
            let due: Vec<Value> = nows
                .iter()
                .map(|now| json!({"now": now.to_string(), "result": or_terms(t.due_by(*now), |d| due_json(&d))}))
                .collect();
            json!({
                "terms": terms_json(t),
                "check": or_terms(t.check(), |_| json!({"ok": true})),
                "periodMonths": t.period_months(),
                "maturityTs": or_terms(t.maturity_ts(), |v| json!(v.to_string())),
                "payments": payments, "dueBy": due,
                "total": or_terms(t.total(), |d| due_json(&d)),
            })
        })
        .collect()
}

fn lates() -> Value {
    let mut days = Vec::new();
    for (due, paid) in [
        (JAN_15, JAN_15),
        (JAN_15, JAN_15 - 1),
        (JAN_15, JAN_15 + 1),
        (JAN_15, JAN_15 + 86_400),
        (JAN_15, JAN_15 + 86_401),
        (0, i64::MAX),
        (i64::MIN, i64::MAX),
        (i64::MAX, i64::MIN),
    ] {
        days.push(json!({"dueTs": due.to_string(), "paidTs": paid.to_string(), "days": m::days_late(due, paid).to_string()}));
    }
    let mut penalties = Vec::new();
    for overdue in [0u64, 1, 26_250_000 * MILLION, u64::MAX] {
        for d in [0u64, 1, 10, 365, u64::MAX] {
            for bps in [0u32, 1, 5, 1_000, u32::MAX] {
                penalties.push(json!({
                    "overdue": overdue.to_string(), "days": d.to_string(), "bpsPerDay": bps,
                    "result": m::late_penalty(overdue, d, bps).map_or_else(|e| json!({"error": math_name(e)}), |v| json!(v.to_string())),
                }));
            }
        }
    }
    json!({"daysLate": days, "latePenalty": penalties})
}

fn funding_json(f: &Funding) -> Value {
    json!({"newlyCovered": f.newly_covered, "penaltyRecorded": f.penalty_recorded.to_string(), "daysLate": f.days_late})
}

fn standing_json(st: &Standing) -> Value {
    json!({
        "redeemable": amounts_json(&st.redeemable), "unfunded": amounts_json(&st.unfunded),
        "overdue": amounts_json(&st.overdue), "penaltyAccruing": st.penalty_accruing.to_string(),
        "daysOverdue": st.days_overdue.to_string(),
    })
}

enum Step {
    Fund(i64, Amounts),
    Redeem(u64),
    Standing(i64),
}

fn amt(principal: u64, interest: u64, penalty: u64) -> Amounts {
    Amounts {
        principal,
        interest,
        penalty,
    }
}

/// A ledger walk: from `Ledger::new(terms)`, each step's result (the ledger after it, or
/// the refusal with the ledger unchanged), with `settled` / `fully_funded` / `check` after
/// each.
fn walk(terms: Terms, bps: u32, steps: &[Step]) -> Value {
    let mut l = Ledger::new(&terms).unwrap();
    let start = ledger_json(&l);
    let mut out = Vec::new();
    for st in steps {
        let before = l;
        let (op, result) = match st {
            Step::Fund(now, add) => {
                let r = match l.fund(&terms, *now, *add, bps) {
                    Ok(f) => json!({"funding": funding_json(&f), "ledger": ledger_json(&l)}),
                    Err(e) => {
                        assert_eq!(l, before);
                        ledger_err(e)
                    }
                };
                (
                    json!({"op": "fund", "now": now.to_string(), "add": amounts_json(add)}),
                    r,
                )
            }
            Step::Redeem(max) => {
                let r = match l.redeem(*max) {
                    Ok(p) => json!({"paid": amounts_json(&p), "ledger": ledger_json(&l)}),
                    Err(e) => json!({"error": math_name(e)}),
                };
                (json!({"op": "redeem", "max": max.to_string()}), r)
            }
            Step::Standing(now) => {
                let r = l
                    .standing(&terms, *now, bps)
                    .map_or_else(ledger_err, |s| standing_json(&s));
                (json!({"op": "standing", "now": now.to_string()}), r)
            }
        };
        out.push(json!({
            "step": op, "result": result, "settled": l.settled(&terms),
            "fullyFunded": l.fully_funded(&terms), "check": l.check(&terms),
        }));
    }
    json!({"terms": terms_json(&terms), "bpsPerDay": bps, "start": start, "steps": out})
}

fn ledgers() -> Vec<Value> {
    use Step::*;
    let b = bullet();
    let bd = b.payment(0).unwrap();
    let bt = b.total().unwrap();
    let a = amortizing();
    let ap: Vec<m::Payment> = (0..4).map(|i| a.payment(i).unwrap()).collect();
    let at = a.total().unwrap();
    let p = periodic();
    let pp: Vec<m::Payment> = (0..12).map(|i| p.payment(i).unwrap()).collect();
    let pm = p.maturity_ts().unwrap();
    vec![
        // the bullet: paid 10 days late, its penalty funded, redeemed in parts
        walk(
            b,
            5,
            &[
                Standing(b.start_ts),
                Standing(bd.due_ts + 10 * 86_400),
                Fund(bd.due_ts + 10 * 86_400, amt(0, 0, 0)),
                Fund(bd.due_ts + 10 * 86_400, amt(bt.principal + 1, 0, 0)),
                Fund(bd.due_ts + 10 * 86_400, amt(0, bt.interest + 1, 0)),
                Fund(bd.due_ts + 10 * 86_400, amt(0, 0, 1)),
                Fund(
                    bd.due_ts + 10 * 86_400,
                    amt(bt.principal, bt.interest - 1, 0),
                ),
                Fund(bd.due_ts + 10 * 86_400, amt(0, 1, 0)),
                Standing(bd.due_ts + 11 * 86_400),
                Fund(bd.due_ts + 12 * 86_400, amt(0, 0, u64::MAX)),
                Redeem(1),
                Redeem(1_000 * MILLION),
                Fund(bd.due_ts + 12 * 86_400, amt(0, 0, 131_250 * MILLION)),
                Redeem(u64::MAX),
                Redeem(u64::MAX),
                Standing(bd.due_ts + 100 * 86_400),
            ],
        ),
        // the amortizing deal: on time, early, a part, then all the rest at once late
        walk(
            a,
            5,
            &[
                Fund(ap[0].due_ts, amt(ap[0].principal, ap[0].interest, 0)),
                Fund(ap[0].due_ts + 1, amt(ap[1].principal, ap[1].interest, 0)),
                Standing(ap[2].due_ts + 3 * 86_400),
                Fund(ap[2].due_ts + 3 * 86_400, amt(1, 0, 0)),
                Redeem(7),
                Fund(
                    ap[3].due_ts + 86_401,
                    amt(
                        at.principal - ap[0].principal - ap[1].principal - 1,
                        at.interest - ap[0].interest - ap[1].interest,
                        0,
                    ),
                ),
                Standing(ap[3].due_ts + 86_401),
                Redeem(u64::MAX),
                Standing(ap[3].due_ts + 86_401),
            ],
        ),
        // the periodic deal: interest months paid, principal short, a recovery after maturity
        walk(
            p,
            1_000,
            &[
                Fund(pp[0].due_ts - 86_400, amt(0, pp[0].interest, 0)),
                Fund(pp[2].due_ts, amt(0, pp[1].interest + pp[2].interest, 0)),
                Standing(pm + 31 * 86_400),
                Fund(pm + 40 * 86_400, amt(3 * MILLION * MILLION, 0, 0)),
                Redeem(2 * MILLION * MILLION),
                Standing(pm + 41 * 86_400),
            ],
        ),
        // a deal whose schedule overflows: the maths refuses
        walk(
            Terms {
                principal: u64::MAX,
                apy_bps: 1,
                start_ts: JAN_15,
                tenor_months: 12,
                payments: 12,
                schedule: Schedule::PeriodicInterest,
            },
            u32::MAX,
            &[
                Fund(pm + 400 * 86_400, amt(0, 1, 0)),
                Fund(pm + 400 * 86_400, amt(u64::MAX, 0, 0)),
                Standing(pm + 400 * 86_400),
                Redeem(u64::MAX),
                Redeem(u64::MAX),
            ],
        ),
    ]
}

pub fn golden() -> Value {
    json!({
        "programId": halo_nfat::ID.to_string(),
        "hookProgramId": halo_nfat_hook::ID.to_string(),
        "pauProgramId": halo_pau::ID.to_string(),
        "constants": {
            "scheduleBullet": SCHEDULE_BULLET, "scheduleAmortizing": SCHEDULE_AMORTIZING,
            "schedulePeriodicInterest": SCHEDULE_PERIODIC_INTEREST, "scheduleAll": SCHEDULE_ALL,
            "tagNfatDeploy": String::from_utf8(TAG_NFAT_DEPLOY.to_vec()).unwrap(),
            "tagNfatReturn": String::from_utf8(TAG_NFAT_RETURN.to_vec()).unwrap(),
            "claimComputeUnits": CLAIM_COMPUTE_UNITS,
            "maxTenorMonths": m::MAX_TENOR_MONTHS,
        },
        "facilities": [facility_ref_json(&fixture().facility), facility_ref_json(&fixture().facility_2022)],
        "instructions": instructions(),
        "transactions": transactions(),
        "pdas": pdas(),
        "accounts": accounts(),
        "views": views(),
        "termsHashes": terms_hashes(),
        "errors": halo_sdk::errors::NFAT_ERRORS.iter().map(|e| json!({"code": u32::from(*e), "name": e.name(), "msg": e.to_string()})).collect::<Vec<_>>(),
        "hookErrors": halo_sdk::errors::HOOK_ERRORS.iter().map(|e| json!({"code": u32::from(*e), "name": e.name(), "msg": e.to_string()})).collect::<Vec<_>>(),
        "math": {
            "calendar": calendar(),
            "schedules": schedules(),
            "lates": lates(),
            "ledgers": ledgers(),
        },
    })
}
