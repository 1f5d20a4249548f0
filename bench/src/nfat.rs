//! Compute units of the Structuring Halo (halo_nfat and its transfer hook) on the SBF
//! build, and its O(1) table: claim, fund and redeem with 1, 100 and 10,000 deals in the
//! facility.
use halo_bench::SbfLedger;
use halo_harness::nfat::{default_buybox, terms, NfatEnv, NfatOptions, MILLION, UNIT};
use halo_sdk::ledger::{Keypair, Ledger, Receipt, Signer};
use halo_sdk::nfat::{
    self as tx, Amounts, AttestationKind, BookStatus, DealRef, Roles, Schedule, Terms,
};
use halo_sdk::{Instruction, Pubkey};

use crate::Bench;

async fn run(b: &mut Bench, l: &mut SbfLedger, name: &str, i: Instruction, s: &[&Keypair]) {
    b.run_as(l, "halo_nfat", name, i, s).await;
}

fn amounts(principal: u64, interest: u64, penalty: u64) -> Amounts {
    Amounts {
        principal,
        interest,
        penalty,
    }
}

/// Every halo_nfat instruction, each alone in its own transaction, and a wallet
/// transfer of a deal NFT through the hook.
pub async fn bench(b: &mut Bench) {
    let mut l = SbfLedger::new();
    let env = NfatEnv::bootstrap(&mut l, NfatOptions::default()).await;
    let f = env.facility;
    let g = env.governance.pubkey();
    let bk = env.beacon.pubkey();

    // governance
    let r = Roles {
        beacon: bk,
        attestor: env.attestor.pubkey(),
        warden: env.warden.pubkey(),
    };
    run(
        b,
        &mut l,
        "set_roles",
        tx::set_roles(&g, &f, r),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "set_buybox",
        tx::set_buybox(&g, &f, default_buybox()),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "set_routes",
        tx::set_routes(&g, &f),
        &[&env.governance],
    )
    .await;
    let p = env.wallet(&mut l, 200 * MILLION).await;
    run(
        b,
        &mut l,
        "approve_prime",
        tx::approve_prime(&g, &f, &p.pubkey()),
        &[&env.governance],
    )
    .await;
    let listed = env.wallet(&mut l, 0).await;
    run(
        b,
        &mut l,
        "list_holder",
        tx::list_holder(&g, &f, &listed.pubkey()),
        &[&env.governance],
    )
    .await;
    let next = l.funded_keypair(1_000_000_000).await;
    run(
        b,
        &mut l,
        "propose_governance",
        tx::propose_governance(&g, &f, next.pubkey()),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "propose_governance (withdraw)",
        tx::propose_governance(&g, &f, Default::default()),
        &[&env.governance],
    )
    .await;

    // the queue
    run(
        b,
        &mut l,
        "deposit (first: creates the deposit)",
        tx::deposit(&p.pubkey(), &f, &p.token, 100 * MILLION),
        &[&p.key],
    )
    .await;
    run(
        b,
        &mut l,
        "deposit (again)",
        tx::deposit(&p.pubkey(), &f, &p.token, 100 * MILLION),
        &[&p.key],
    )
    .await;
    run(
        b,
        &mut l,
        "withdraw",
        tx::withdraw(&p.pubkey(), &f, &p.token, 10 * MILLION),
        &[&p.key],
    )
    .await;

    // the beacon: a book, a strike, the gate, the PAU
    let book = f.book(0);
    run(
        b,
        &mut l,
        "create_book (and its vault)",
        tx::create_book(&bk, &f, 0),
        &[&env.beacon],
    )
    .await;
    let now = l.now().await;
    let bullet = terms(25 * MILLION, 1_000, 6, 1, Schedule::Bullet, now);
    let amort = terms(40 * MILLION, 1_000, 12, 4, Schedule::Amortizing, now);
    let d0 = f.deal(0, book);
    let [claim, ata, deliver] = strike_in_parts(&mut l, &env, &p.pubkey(), &d0, bullet).await;
    for (name, r) in [
        (
            "claim (deal, NFT mint + metadata + hook accounts; with its compute budget)",
            claim,
        ),
        (
            "deliver_nft (mint the one token to the Prime, drop the mint authority)",
            deliver,
        ),
    ] {
        b.rows.push(crate::Row {
            program: "halo_nfat",
            instruction: name.into(),
            cu: r.compute_units,
            size: r.size,
        });
    }
    b.rows.push(crate::Row {
        program: "spl_associated_token",
        instruction: "create the Prime's NFT account (Token-2022, transfer-hook mint)".into(),
        cu: ata.compute_units,
        size: ata.size,
    });
    let d1 = f.deal(1, book);
    let strike = l
        .must(
            &tx::claim_transaction(&bk, &f, &p.pubkey(), &d1, amort),
            &[&env.beacon],
        )
        .await;
    b.rows.push(crate::Row {
        program: "halo_nfat",
        instruction: "strike transaction (compute budget + claim + Prime's NFT account + deliver_nft)".into(),
        cu: strike.compute_units,
        size: strike.size,
    });
    let hash = [9u8; 32];
    run(
        b,
        &mut l,
        "attest",
        tx::attest(
            &env.attestor.pubkey(),
            &f,
            &book,
            AttestationKind::PreDeployment,
            hash,
        ),
        &[&env.attestor],
    )
    .await;
    run(
        b,
        &mut l,
        "move_book (Filling → Deploying)",
        tx::move_book(&bk, &f, &book, BookStatus::Deploying),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "deploy (book → custody → endpoint, PAU draw)",
        tx::deploy(&bk, &f, &book, 60 * MILLION),
        &[&env.beacon],
    )
    .await;
    l.must(
        &[tx::attest(
            &env.attestor.pubkey(),
            &f,
            &book,
            AttestationKind::AtRest,
            hash,
        )],
        &[&env.attestor],
    )
    .await;
    l.must(
        &[tx::move_book(&bk, &f, &book, BookStatus::AtRest)],
        &[&env.beacon],
    )
    .await;
    env.rwa_repays(&mut l, 70 * MILLION).await;
    run(
        b,
        &mut l,
        "return_funds (custody → redeem vault, PAU draw)",
        tx::return_funds(&bk, &f, &book, 60 * MILLION),
        &[&env.beacon],
    )
    .await;
    l.must(
        &[tx::move_book(&bk, &f, &book, BookStatus::Unwinding)],
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "release (undeployed capital)",
        tx::release(&bk, &f, &book, 5 * MILLION),
        &[&env.beacon],
    )
    .await;

    // redemption
    let q1 = amort.payment(0).unwrap();
    l.set_time(q1.due_ts + 3 * 86_400).await;
    run(
        b,
        &mut l,
        "fund (late: records days and penalty)",
        tx::fund(&bk, &f, &d1, amounts(q1.principal, q1.interest, 0)),
        &[&env.beacon],
    )
    .await;
    run(
        b,
        &mut l,
        "deal_view (return data)",
        tx::deal_view(&f, &d1),
        &[],
    )
    .await;
    let nft1 = tx::nft_account(&p.pubkey(), &d1.nft_mint);
    run(
        b,
        &mut l,
        "redeem (part)",
        tx::redeem(&p.pubkey(), &f, &d1, &nft1, &p.token, 2 * MILLION),
        &[&p.key],
    )
    .await;
    run(
        b,
        &mut l,
        "redeem (the rest funded)",
        tx::redeem(&p.pubkey(), &f, &d1, &nft1, &p.token, u64::MAX),
        &[&p.key],
    )
    .await;
    let payer = env.wallet(&mut l, 10 * MILLION).await;
    let penalty = env
        .deal_state(&mut l, &d1)
        .await
        .unwrap()
        .ledger
        .penalty_owed;
    run(
        b,
        &mut l,
        "pay (anyone, direct)",
        tx::pay(
            &payer.pubkey(),
            &f,
            &d1,
            &payer.token,
            amounts(0, 0, penalty),
        ),
        &[&payer.key],
    )
    .await;
    l.must(
        &[tx::redeem(&p.pubkey(), &f, &d1, &nft1, &p.token, u64::MAX)],
        &[&p.key],
    )
    .await;
    // the bullet: funded in full, then a wallet transfer through the hook, then the final redeem
    l.set_time(bullet.maturity_ts().unwrap()).await;
    l.must(
        &[tx::fund(
            &bk,
            &f,
            &d0,
            amounts(25 * MILLION, 1_250_000 * UNIT, 0),
        )],
        &[&env.beacon],
    )
    .await;
    l.must(
        &[tx::create_nft_account(
            &p.pubkey(),
            &listed.pubkey(),
            &d0.nft_mint,
        )],
        &[&p.key],
    )
    .await;
    b.run_as(
        &mut l,
        "halo_nfat_hook",
        "wallet transfer of a deal NFT (Token-2022 + hook execute)",
        tx::transfer_nft(&p.pubkey(), &f, &d0.nft_mint, &listed.pubkey()),
        &[&p.key],
    )
    .await;
    let nft0 = tx::nft_account(&listed.pubkey(), &d0.nft_mint);
    run(
        b,
        &mut l,
        "redeem (final: burn, close NFT account, mint and deal)",
        tx::redeem(&listed.pubkey(), &f, &d0, &nft0, &listed.token, u64::MAX),
        &[&listed.key],
    )
    .await;

    // default, write-off, halt, the allow-list
    let deadline = amort.maturity_ts().unwrap() + default_buybox().grace_period_s;
    l.set_time(deadline).await;
    run(
        b,
        &mut l,
        "mark_default",
        tx::mark_default(&env.warden.pubkey(), &f, &d1),
        &[&env.warden],
    )
    .await;
    run(
        b,
        &mut l,
        "write_off",
        tx::write_off(&g, &f, &d1),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "set_allow_list",
        tx::set_allow_list(&g, &f, true),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "delist_holder",
        tx::delist_holder(&g, &f, &listed.pubkey()),
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "set_halted (warden)",
        tx::set_halted(&env.warden.pubkey(), &f, true),
        &[&env.warden],
    )
    .await;
    run(
        b,
        &mut l,
        "revoke_prime",
        tx::revoke_prime(&g, &f, &p.pubkey()),
        &[&env.governance],
    )
    .await;
    l.must(
        &[tx::propose_governance(&g, &f, next.pubkey())],
        &[&env.governance],
    )
    .await;
    run(
        b,
        &mut l,
        "accept_governance",
        tx::accept_governance(&next.pubkey(), &f),
        &[&next],
    )
    .await;
    let other = halo_sdk::nfat::FacilityRef::new(
        next.pubkey(),
        9,
        f.deposit_mint,
        f.deposit_token_program,
        tx::FacilityPau {
            controller: f.pau_controller,
            custody: f.pau_custody,
            endpoint: f.endpoint,
        },
    );
    let args = tx::CreateFacilityArgs {
        facility_id: 9,
        buybox: default_buybox(),
        roles: r,
        name: "Mezzanine 9".into(),
        symbol: "NFAT".into(),
        uri: "https://example.invalid/halo/nfat/deal.json".into(),
    };
    run(
        b,
        &mut l,
        "create_facility (and its two vaults)",
        tx::create_facility(&other, args),
        &[&next],
    )
    .await;
}

/// The strike's transaction sent in its three parts, each measured alone: the compute
/// budget with `claim`, the Prime's NFT account, `deliver_nft`.
async fn strike_in_parts(
    l: &mut SbfLedger,
    env: &NfatEnv,
    prime: &Pubkey,
    d: &DealRef,
    t: Terms,
) -> [Receipt; 3] {
    let bk = env.beacon.pubkey();
    let ixs = tx::claim_transaction(&bk, &env.facility, prime, d, t);
    let claim = l.must(&ixs[..2], &[&env.beacon]).await;
    let ata = l.must(&ixs[2..3], &[&env.beacon]).await;
    let deliver = l.must(&ixs[3..], &[]).await;
    [claim, ata, deliver]
}

/// (claim, fund, redeem) CU with `n` deals already struck in the facility (all by real
/// claims, in one book). The measured deal has the same terms at every `n`, so every
/// amount computed is the same; what differs is the number of deals (and the deal id, so
/// the PDA bump searches of the deal and its mint).
pub async fn with_deals(n: u64) -> [u64; 3] {
    let mut l = SbfLedger::new();
    let env = NfatEnv::bootstrap(
        &mut l,
        NfatOptions {
            route_max: u64::MAX / 4,
            ..NfatOptions::default()
        },
    )
    .await;
    let f = env.facility;
    let bk = env.beacon.pubkey();
    // every strike pays the deal's, the mint's, the hook's and the NFT account's rent
    l.svm
        .airdrop(&bk, (n + 1) * 20_000_000)
        .expect("airdrop to the beacon");
    let total = (n + 1) * 5 * MILLION;
    let p = env.prime(&mut l, total).await;
    l.must(&[tx::deposit(&p.pubkey(), &f, &p.token, total)], &[&p.key])
        .await;
    l.must(&[tx::create_book(&bk, &f, 0)], &[&env.beacon]).await;
    let book = f.book(0);
    let now = l.now().await;
    let t = terms(5 * MILLION, 1_000, 6, 1, Schedule::Bullet, now);
    for i in 0..n {
        l.must(
            &tx::claim_transaction(&bk, &f, &p.pubkey(), &f.deal(i, book), t),
            &[&env.beacon],
        )
        .await;
    }
    let d = f.deal(n, book);
    let claim = strike_in_parts(&mut l, &env, &p.pubkey(), &d, t).await[0].compute_units;
    env.deploy_book(&mut l, &book).await;
    env.rwa_repays(&mut l, 6 * MILLION).await;
    l.must(
        &[tx::return_funds(&bk, &f, &book, 6 * MILLION)],
        &[&env.beacon],
    )
    .await;
    l.set_time(t.maturity_ts().unwrap()).await;
    let fund = l
        .must(
            &[tx::fund(&bk, &f, &d, amounts(MILLION, 0, 0))],
            &[&env.beacon],
        )
        .await
        .compute_units;
    let nft = tx::nft_account(&p.pubkey(), &d.nft_mint);
    let redeem = l
        .must(
            &[tx::redeem(&p.pubkey(), &f, &d, &nft, &p.token, u64::MAX)],
            &[&p.key],
        )
        .await
        .compute_units;
    [claim, fund, redeem]
}
