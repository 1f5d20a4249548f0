//! Seed 003's Structuring Halo (NFATS), end to end with lpha-nfat and lpha-attest, on its
//! own chain:
//! 1. two Primes queue (Spark 40M, Grove 60M); lpha-nfat strikes the agreed deals inside
//!    the buybox: a 25M bullet for Spark and a 40M amortizing loan for Grove (both 10 %,
//!    one book), and reports a 20 % APY deal as outside it (a direct claim is refused
//!    with `ApyAboveBuybox`); Spark withdraws the 15M left in its queue;
//! 2. lpha-attest vouches before deployment and at rest; lpha-nfat deploys the book to the
//!    RWA endpoint through the PAU;
//! 3. Spark sells its NFT to Keel by a plain wallet transfer; at maturity the RWA repays,
//!    lpha-nfat returns and funds, and Keel redeems the bullet's 26.25M;
//! 4. Grove's second quarter comes 5 days late: its penalty is recorded, the RWA pays it,
//!    and Grove redeems it; the four quarters are paid in their parts and the NFT burns;
//! 5. a 10M deal in a second book is never repaid: after maturity plus the grace period
//!    the warden marks it defaulted, a guarantor's 6M recovery is redeemed by its holder,
//!    governance writes it off and the holder burns the NFT.
//!
//! The report adds the operator's view: deals by status, late deals, funded vs owed.
use anchor_lang::prelude::Pubkey;
use halo_beacons::nfat::{Action, Agreed, AttestBeacon, External, NfatBeacon, Note};
use halo_harness::nfat::{terms, NfatEnv, NfatOptions, Wallet, MILLION, UNIT};
use halo_harness::{PauEnv, PauOptions};
use halo_math::deal::Amounts;
use halo_sdk::ledger::{Ledger, Signer};
use halo_sdk::nfat::{self as tx, AttestationKind, DealRef, DealStatus, Schedule};

use crate::report::Report;

const DAY: i64 = 24 * 3600;

fn m(v: u64) -> String {
    crate::report::amount(v, 6)
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StructuringOutcome {
    pub deals_struck: u64,
    pub outside_buybox_reported: bool,
    pub outside_buybox_code: Option<u32>,
    pub spark_withdrawn: u64,
    pub deployed: u64,
    pub keel_redeemed: u64,
    pub spark_after_sale: u64,
    pub late_days: u32,
    pub penalty_recorded: u64,
    pub grove_redeemed: u64,
    pub amortizing_nft_burned: bool,
    pub defaulted: bool,
    pub recovery_redeemed: u64,
    pub written_off_nft_burned: bool,
    pub open_deals_left: u64,
    pub redeem_liability_left: u64,
    pub books_checked: u32,
}

fn plan_words(v: &[Action]) -> String {
    if v.is_empty() {
        return "nothing to do".into();
    }
    v.iter()
        .map(|a| match a {
            Action::CreateBook { book_id } => format!("create book {book_id}"),
            Action::Claim { deal, terms, .. } => {
                format!("claim deal {} ({})", deal.deal_id, m(terms.principal))
            }
            Action::MoveBook { to, .. } => format!("book → {to:?}"),
            Action::Deploy { amount, .. } => format!("deploy {}", m(*amount)),
            Action::ReturnFunds { amount, .. } => format!("return {}", m(*amount)),
            Action::DeliverNft { deal, .. } => format!("deliver deal {}'s NFT", deal.deal_id),
            Action::Fund { deal, add } => format!(
                "fund deal {} ({} principal, {} interest, {} penalty)",
                deal.deal_id,
                m(add.principal),
                m(add.interest),
                m(add.penalty)
            ),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

async fn books<L: Ledger>(
    chain: &mut L,
    env: &NfatEnv,
    o: &mut StructuringOutcome,
    books: &[Pubkey],
) {
    env.check_books(chain, books).await;
    o.books_checked += 1;
}

/// The operator's report: deals by status, late deals, funded vs owed.
async fn operator_report<L: Ledger>(
    chain: &mut L,
    env: &NfatEnv,
    deals: &[DealRef],
    r: &mut Report,
) {
    let now = chain.now().await;
    let f = env.state(chain).await;
    let (mut active, mut defaulted, mut written_off, mut closed) = (0, 0, 0, 0);
    let (mut funded, mut owed) = (0u64, 0u64);
    let mut late = Vec::new();
    for d in deals {
        match env.deal_state(chain, d).await {
            None => closed += 1,
            Some(s) => {
                match s.status {
                    DealStatus::Active => active += 1,
                    DealStatus::Defaulted => defaulted += 1,
                    DealStatus::WrittenOff => written_off += 1,
                }
                let l = &s.ledger;
                funded += l.funded.total().unwrap_or(0);
                owed += s.terms.principal + l.total_interest + l.penalty_owed;
                if let Some(st) = tx::standing(&f, &s, now) {
                    if st.days_overdue > 0 && st.overdue.principal + st.overdue.interest > 0 {
                        late.push(format!(
                            "deal {} {} days late ({} overdue)",
                            d.deal_id,
                            st.days_overdue,
                            m(st.overdue.principal + st.overdue.interest)
                        ));
                    }
                }
            }
        }
    }
    r.detail(format!(
        "operator report: deals active {active}, defaulted {defaulted}, written off {written_off}, closed {closed}; open deals funded {} of {} owed; late: {}",
        m(funded),
        m(owed),
        if late.is_empty() { "none".into() } else { late.join(", ") }
    ));
}

/// Runs the Structuring Halo use cases. `chain` must have the Halo and SPL programs and
/// no configurator yet.
pub async fn run<L: Ledger>(chain: &mut L, r: &mut Report) -> Result<StructuringOutcome, String> {
    let mut o = StructuringOutcome::default();
    let mut n = 0u32;
    r.heading(
        "Structuring Halo (seed 003): buybox-checked deals, one NFT each, attested deployment",
    );
    let pau = PauEnv::bootstrap(
        chain,
        PauOptions {
            custody_funding: 0,
            ..PauOptions::default()
        },
    )
    .await;
    let env = NfatEnv::try_bootstrap_on(chain, pau, NfatOptions::default())
        .await
        .map_err(|e| e.reason())?;
    let nfat = NfatBeacon {
        key: env.beacon.insecure_clone(),
        facility: env.facility,
    };
    let attest = AttestBeacon {
        key: env.attestor.insecure_clone(),
        facility: env.facility,
    };
    r.step(&mut n, "a facility on a PAU (buybox 6–24 months, 5M–100M, 8–15 %): deploy route to the RWA endpoint, return route to the redeem vault, the facility PDA their integration (through the timelock)");

    // 1. the queue and the strikes
    let spark = env.prime(chain, 40 * MILLION).await;
    let grove = env.prime(chain, 60 * MILLION).await;
    env.deposit(chain, &spark, 40 * MILLION)
        .await
        .map_err(|e| e.reason())?;
    env.deposit(chain, &grove, 60 * MILLION)
        .await
        .map_err(|e| e.reason())?;
    r.detail("Spark queues 40M, Grove 60M");
    let start = chain.now().await;
    let bullet = terms(25 * MILLION, 1_000, 6, 1, Schedule::Bullet, start);
    // the loan starts 20 days later: its quarters fall between the bullet's dates
    let amort = terms(
        40 * MILLION,
        1_000,
        12,
        4,
        Schedule::Amortizing,
        start + 20 * DAY,
    );
    let greedy = terms(20 * MILLION, 2_000, 6, 1, Schedule::Bullet, start);
    let primes = [spark.pubkey(), grove.pubkey()];
    let mut ext = External {
        agreed: vec![
            Agreed {
                prime: spark.pubkey(),
                terms: bullet,
            },
            Agreed {
                prime: grove.pubkey(),
                terms: amort,
            },
            Agreed {
                prime: grove.pubkey(),
                terms: greedy,
            },
        ],
        repaid: vec![],
    };
    let c = nfat.cycle(chain, &primes, &ext).await;
    if let Some((a, e)) = c.failed.first() {
        return Err(format!("{a:?}: {}", e.reason()));
    }
    o.deals_struck = c
        .sent
        .iter()
        .filter(|a| matches!(a, Action::Claim { .. }))
        .count() as u64;
    o.outside_buybox_reported = c
        .plan
        .notes
        .iter()
        .any(|x| matches!(x, Note::OutsideBuybox { .. }));
    r.step(&mut n, format!("lpha-nfat: {}", plan_words(&c.sent)));
    let book0 = env.facility.book(0);
    let d_bullet = env.facility.deal(0, book0);
    let d_amort = env.facility.deal(1, book0);
    let (ix, _) = env.claim_ix(chain, &grove.pubkey(), book0, greedy).await;
    o.outside_buybox_code = chain
        .send(&ix, &[&env.beacon])
        .await
        .err()
        .and_then(|e| e.custom_code());
    r.detail(format!(
        "a 20 % APY deal is outside the buybox: reported by lpha-nfat, and a direct claim is refused ({})",
        o.outside_buybox_code.map_or("accepted?!".into(), halo_sdk::errors::describe)
    ));
    o.spark_withdrawn = env.queued(chain, &spark.pubkey()).await;
    env.withdraw(chain, &spark, o.spark_withdrawn)
        .await
        .map_err(|e| e.reason())?;
    r.detail(format!(
        "Spark withdraws the {} left in its queue",
        m(o.spark_withdrawn)
    ));
    books(chain, &env, &mut o, &[book0]).await;

    // 2. the attested deployment
    let report = vec![
        (book0, AttestationKind::PreDeployment, [1u8; 32]),
        (book0, AttestationKind::AtRest, [2u8; 32]),
    ];
    let endpoint_before = chain.balance(&env.facility.endpoint).await;
    let c = nfat.cycle(chain, &primes, &ext).await;
    r.step(
        &mut n,
        format!(
            "before any attestation lpha-nfat waits: {}",
            if c.plan
                .notes
                .iter()
                .any(|x| matches!(x, Note::AwaitingAttestation { .. }))
            {
                "awaiting the pre-deployment attestation"
            } else {
                "?"
            }
        ),
    );
    attest.cycle(chain, &report).await.map_err(|e| e.reason())?;
    let c = nfat.cycle(chain, &primes, &ext).await;
    r.detail(format!(
        "lpha-attest vouches; lpha-nfat: {}",
        plan_words(&c.sent)
    ));
    attest.cycle(chain, &report).await.map_err(|e| e.reason())?;
    let c = nfat.cycle(chain, &primes, &ext).await;
    r.detail(format!(
        "at-rest attestation; lpha-nfat: {}",
        plan_words(&c.sent)
    ));
    o.deployed = chain.balance(&env.facility.endpoint).await - endpoint_before;

    // a third deal in a second book, which will default
    let d_default = {
        ext.agreed.push(Agreed {
            prime: grove.pubkey(),
            terms: terms(10 * MILLION, 900, 6, 1, Schedule::Bullet, start),
        });
        let c = nfat.cycle(chain, &primes, &ext).await;
        r.detail(format!(
            "a 10M deal for Grove in a new book: {}",
            plan_words(&c.sent)
        ));
        let book1 = env.facility.book(1);
        let report1 = vec![
            (book1, AttestationKind::PreDeployment, [3u8; 32]),
            (book1, AttestationKind::AtRest, [4u8; 32]),
        ];
        for _ in 0..2 {
            attest
                .cycle(chain, &report1)
                .await
                .map_err(|e| e.reason())?;
            nfat.cycle(chain, &primes, &ext).await;
        }
        o.deployed = chain.balance(&env.facility.endpoint).await - endpoint_before;
        env.facility.deal(2, book1)
    };
    r.step(
        &mut n,
        format!(
            "{} deployed to the RWA endpoint through the PAU",
            m(o.deployed)
        ),
    );

    // 3. the sale and the bullet
    let keel = env.wallet(chain, 0).await;
    env.transfer_nft(chain, &spark, &d_bullet, &keel.pubkey())
        .await
        .map_err(|e| e.reason())?;
    r.step(
        &mut n,
        "Spark sells its bullet NFT to Keel (a plain wallet transfer through the hook)",
    );
    let rwa_pays = |ext: &mut External, amount: u64| {
        let e = ext.repaid.iter_mut().find(|(b, _)| *b == book0);
        match e {
            Some((_, v)) => *v += amount,
            None => ext.repaid.push((book0, amount)),
        }
    };
    let q = |i: u32| amort.payment(i).expect("payment");
    // quarter 1 on time
    chain.set_time(q(0).due_ts).await;
    env.rwa_repays(chain, 11 * MILLION).await;
    rwa_pays(&mut ext, 11 * MILLION);
    let c = nfat.cycle(chain, &primes, &ext).await;
    r.detail(format!("quarter 1: {}", plan_words(&c.sent)));
    env.redeem(chain, &grove, &d_amort, u64::MAX)
        .await
        .map_err(|e| e.reason())?;
    // maturity of the bullet and quarter 2, which comes 5 days late
    chain.set_time(bullet.maturity_ts().unwrap()).await;
    env.rwa_repays(chain, 26_250_000 * UNIT).await;
    rwa_pays(&mut ext, 26_250_000 * UNIT);
    let c = nfat.cycle(chain, &primes, &ext).await;
    r.step(
        &mut n,
        format!("the bullet matures: {}", plan_words(&c.sent)),
    );
    let before = chain.balance(&keel.token).await;
    env.redeem(chain, &keel, &d_bullet, u64::MAX)
        .await
        .map_err(|e| e.reason())?;
    o.keel_redeemed = chain.balance(&keel.token).await - before;
    o.spark_after_sale = chain.balance(&spark.token).await - o.spark_withdrawn;
    r.detail(format!(
        "Keel redeems {}; its NFT burns",
        m(o.keel_redeemed)
    ));
    books(chain, &env, &mut o, &[book0]).await;
    chain.set_time(q(1).due_ts + 5 * DAY).await;
    let late = nfat.cycle(chain, &primes, &ext).await;
    if let Some(Note::Late { days, .. }) = late
        .plan
        .notes
        .iter()
        .find(|x| matches!(x, Note::Late { .. }))
    {
        r.step(
            &mut n,
            format!("quarter 2 is {days} days late (reported by lpha-nfat)"),
        );
    }
    env.rwa_repays(chain, 11 * MILLION).await;
    rwa_pays(&mut ext, 11 * MILLION);
    let c = nfat.cycle(chain, &primes, &ext).await;
    let d = env
        .deal_state(chain, &d_amort)
        .await
        .ok_or("amortizing deal")?;
    o.late_days = d.ledger.days_late;
    o.penalty_recorded = d.ledger.penalty_owed;
    r.detail(format!(
        "{}; {} days late, penalty recorded {}",
        plan_words(&c.sent),
        o.late_days,
        m(o.penalty_recorded)
    ));
    env.rwa_repays(chain, o.penalty_recorded).await;
    rwa_pays(&mut ext, o.penalty_recorded);
    let c = nfat.cycle(chain, &primes, &ext).await;
    r.detail(format!("the RWA pays the penalty: {}", plan_words(&c.sent)));
    env.redeem(chain, &grove, &d_amort, u64::MAX)
        .await
        .map_err(|e| e.reason())?;
    operator_report(chain, &env, &[d_bullet, d_amort, d_default], r).await;
    // quarters 3 and 4
    for i in 2..4 {
        chain.set_time(q(i).due_ts).await;
        env.rwa_repays(chain, 11 * MILLION).await;
        rwa_pays(&mut ext, 11 * MILLION);
        let c = nfat.cycle(chain, &primes, &ext).await;
        r.detail(format!("quarter {}: {}", i + 1, plan_words(&c.sent)));
        env.redeem(chain, &grove, &d_amort, u64::MAX)
            .await
            .map_err(|e| e.reason())?;
    }
    o.amortizing_nft_burned = env.deal_state(chain, &d_amort).await.is_none()
        && chain.raw_account(&d_amort.nft_mint).await.is_none();
    r.step(
        &mut n,
        format!(
            "the amortizing loan is paid in its four parts; its NFT burned: {}",
            o.amortizing_nft_burned
        ),
    );
    books(chain, &env, &mut o, &[book0]).await;

    // 5. the default and the recovery
    let d = env
        .deal_state(chain, &d_default)
        .await
        .ok_or("the third deal")?;
    let now = chain.now().await;
    chain.set_time(now.max(d.maturity_ts + 30 * DAY)).await;
    let c = nfat.cycle(chain, &primes, &ext).await;
    let reported = c
        .plan
        .notes
        .iter()
        .any(|x| matches!(x, Note::Defaultable { deal } if *deal == d_default.deal));
    chain
        .send(
            &[tx::mark_default(
                &env.warden.pubkey(),
                &env.facility,
                &d_default,
            )],
            &[&env.warden],
        )
        .await
        .map_err(|e| e.reason())?;
    o.defaulted =
        env.deal_state(chain, &d_default).await.map(|d| d.status) == Some(DealStatus::Defaulted);
    r.step(&mut n, format!("the 10M deal is unpaid 30 days after maturity (reported: {reported}); the warden marks it defaulted"));
    let guarantor: Wallet = env.wallet(chain, 6 * MILLION).await;
    env.pay(
        chain,
        &guarantor,
        &d_default,
        Amounts {
            principal: 6 * MILLION,
            interest: 0,
            penalty: 0,
        },
    )
    .await
    .map_err(|e| e.reason())?;
    let before = chain.balance(&grove.token).await;
    env.redeem(chain, &grove, &d_default, u64::MAX)
        .await
        .map_err(|e| e.reason())?;
    o.recovery_redeemed = chain.balance(&grove.token).await - before;
    o.grove_redeemed = before;
    r.detail(format!(
        "a guarantor pays a {} recovery; Grove redeems it",
        m(o.recovery_redeemed)
    ));
    operator_report(chain, &env, &[d_bullet, d_amort, d_default], r).await;
    chain
        .send(
            &[tx::write_off(
                &env.governance.pubkey(),
                &env.facility,
                &d_default,
            )],
            &[&env.governance],
        )
        .await
        .map_err(|e| e.reason())?;
    env.redeem(chain, &grove, &d_default, u64::MAX)
        .await
        .map_err(|e| e.reason())?;
    o.written_off_nft_burned = chain.raw_account(&d_default.nft_mint).await.is_none();
    r.detail(format!(
        "governance writes the rest off; Grove burns the NFT: {}",
        o.written_off_nft_burned
    ));
    let f = env.state(chain).await;
    o.open_deals_left = f.deals.open;
    o.redeem_liability_left = f.deals.redeem_liability;
    books(chain, &env, &mut o, &[book0, env.facility.book(1)]).await;
    operator_report(chain, &env, &[d_bullet, d_amort, d_default], r).await;
    Ok(o)
}

/// Every number of the Structuring scenario, against the seed's.
pub fn verify(o: &StructuringOutcome) -> Result<(), String> {
    fn check<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
        if got == want {
            Ok(())
        } else {
            Err(format!("{what}: got {got:?}, expected {want:?}"))
        }
    }
    check("deals struck in the first cycle", o.deals_struck, 2)?;
    check(
        "the 20 % deal reported outside the buybox",
        o.outside_buybox_reported,
        true,
    )?;
    check(
        "the 20 % deal refused (ApyAboveBuybox)",
        o.outside_buybox_code,
        Some(6400 + 37),
    )?;
    check(
        "Spark's queue left after its 25M deal",
        o.spark_withdrawn,
        15 * MILLION,
    )?;
    check(
        "deployed through the PAU (25M + 40M + 10M)",
        o.deployed,
        75 * MILLION,
    )?;
    check(
        "Keel redeems the bullet (25M at 10 % for 6 months)",
        o.keel_redeemed,
        26_250_000 * UNIT,
    )?;
    check(
        "Spark gets nothing more after the sale",
        o.spark_after_sale,
        0,
    )?;
    check("quarter 2 days late", o.late_days, 5)?;
    check(
        "penalty: 11M × 5 bps × 5 days",
        o.penalty_recorded,
        11 * MILLION * 25 / 10_000,
    )?;
    check(
        "Grove redeemed before the recovery (40M + 4M interest + the penalty)",
        o.grove_redeemed,
        44 * MILLION + 27_500 * UNIT,
    )?;
    check("the amortizing NFT burned", o.amortizing_nft_burned, true)?;
    check("the 10M deal defaulted", o.defaulted, true)?;
    check("recovery redeemed", o.recovery_redeemed, 6 * MILLION)?;
    check("the written-off NFT burned", o.written_off_nft_burned, true)?;
    check("open deals at the end", o.open_deals_left, 0)?;
    check(
        "redeem vault owes nothing at the end",
        o.redeem_liability_left,
        0,
    )?;
    check("books checked", o.books_checked, 4)?;
    Ok(())
}
