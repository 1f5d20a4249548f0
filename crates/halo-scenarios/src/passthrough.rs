//! Seed 001's Passthrough Halo (LCTS), end to end with the lpha-lcts beacon across warped
//! daily epochs, on its own chain:
//! 1. four Primes subscribe 10M USDS; the strategy takes 2M a day: every Prime is filled
//!    pro rata each epoch (one generation, no race);
//! 2. a Prime redeems shares while subscriptions wait: the beacon nets them inside the
//!    unit (no PAU movement), then uses the day's capacity;
//! 3. a Prime exits early with its rewards (shares) plus its unconverted USDS;
//! 4. the generation fills and finalizes, the queue goes dormant, a keeper pays the
//!    finalized positions, and a new subscription restarts it (generation 1);
//! 5. the beacon locks and stops: after the lock bound a Prime unlocks and exits.
//!
//! Per epoch the report prints the backlog, the capacity used (netted and through the
//! PAU) and, when the generation fills, its time to fill (seed 002's queue metrics).
use halo_beacons::lcts::{Action, External, LctsBeacon, Note};
use halo_harness::lcts::{LctsEnv, LctsOptions, Prime, UNIT};
use halo_harness::{PauEnv, PauOptions};
use halo_sdk::lcts::{self as tx, QueueSide, QueueStatus, WAD};
use halo_sdk::ledger::{Ledger, Signer};

use crate::report::{amount, duration, Report};

const DAY: i64 = 24 * 3600;
/// What the strategy absorbs per day (USDS).
pub const DAILY_CAPACITY: u64 = 2_000_000 * UNIT;
/// The four Primes' subscriptions (USDS).
pub const SUBSCRIPTIONS: [u64; 4] = [
    4_000_000 * UNIT,
    3_000_000 * UNIT,
    2_000_000 * UNIT,
    1_000_000 * UNIT,
];
/// Shares Prime A redeems on day 2.
pub const REDEMPTION: u64 = 500_000 * UNIT;

fn usds(v: u64) -> String {
    amount(v, 6)
}

/// One epoch of the subscribe queue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochRow {
    pub day: u32,
    /// USDS waiting when the epoch's settlement started.
    pub backlog_before: u64,
    /// Converted by netting against redemptions.
    pub netted: u64,
    /// Converted through the PAU's deploy route.
    pub external: u64,
    pub backlog_after: u64,
    pub finalized: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PassthroughOutcome {
    pub epochs: Vec<EpochRow>,
    /// Shares each Prime holds after every position settled (A, B, C, D).
    pub shares: [u64; 4],
    /// USDS each Prime got back (D's early exit; A's redemption).
    pub usds_back: [u64; 4],
    /// Prime D's exit: unconverted USDS and shares earned.
    pub early_exit: (u64, u64),
    /// Days from the first subscription to the generation finalizing.
    pub time_to_fill_days: u64,
    /// The strategy's USDS (everything deployed through the PAU).
    pub deployed: u64,
    pub queue_dormant_after_fill: bool,
    pub restarted_generation: u64,
    pub unlock_refused_before_bound: bool,
    pub stuck_prime_recovered: u64,
    /// The day-3 NAV input of 1.02 was clamped to the 1 % bound.
    pub rate_clamped_to: u128,
    pub books_checked: u32,
}

fn plan_words(v: &[Action]) -> String {
    if v.is_empty() {
        return "nothing to do".into();
    }
    v.iter()
        .map(|a| match a {
            Action::UpdateRate { rate_wad } => format!("rate → {}", rate(*rate_wad)),
            Action::Lock { side } => format!("lock {side:?}"),
            Action::SettlePair {
                subscribe, redeem, ..
            } => {
                format!(
                    "settle_pair (net, then {} USDS / {} shares)",
                    usds(*subscribe),
                    usds(*redeem)
                )
            }
            Action::Settle { side, capacity, .. } => {
                format!("settle {side:?} ({})", usds(*capacity))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn rate(wad: u128) -> String {
    format!("{}.{:06}", wad / WAD, (wad % WAD) / 1_000_000_000_000)
}

async fn books<L: Ledger>(chain: &mut L, env: &LctsEnv, o: &mut PassthroughOutcome) {
    env.check_books(chain).await;
    o.books_checked += 1;
}

/// Runs the Passthrough Halo use cases. `chain` must have the Halo and SPL programs and
/// no configurator yet.
pub async fn run<L: Ledger>(chain: &mut L, r: &mut Report) -> Result<PassthroughOutcome, String> {
    let mut o = PassthroughOutcome::default();
    let mut n = 0u32;
    r.heading("Passthrough Halo (seed 001): LCTS generations, netting, bounded lock");
    let pau = PauEnv::bootstrap(
        chain,
        PauOptions {
            custody_funding: 20_000_000 * UNIT,
            ..PauOptions::default()
        },
    )
    .await;
    let env = LctsEnv::bootstrap_on(chain, pau, LctsOptions::default(), 0).await;
    let beacon = LctsBeacon {
        key: env.beacon.insecure_clone(),
        unit: env.unit,
    };
    r.step(&mut n, "a unit on a PAU: deploy route to the strategy, return route to the redeem queue, the unit PDA their integration (through the timelock)");
    let mut primes: Vec<Prime> = Vec::new();
    for (i, amount_in) in SUBSCRIPTIONS.iter().enumerate() {
        let p = env.prime(chain, *amount_in).await;
        env.enter(chain, &p, QueueSide::Subscribe, *amount_in)
            .await
            .map_err(|e| e.reason())?;
        r.detail(format!(
            "Prime {} subscribes {}",
            ["A", "B", "C", "D"][i],
            usds(*amount_in)
        ));
        primes.push(p);
    }
    books(chain, &env, &mut o).await;
    let started = chain.now().await;
    let mut nav = WAD;
    let mut day = 0u32;
    loop {
        day += 1;
        chain.advance(DAY).await;
        // day 2: Prime A redeems some of the shares it received on day 1
        if day == 2 {
            let a = &primes[0];
            chain
                .must(&[env.claim_ix(a, QueueSide::Subscribe)], &[&a.key])
                .await;
            env.enter(chain, a, QueueSide::Redeem, REDEMPTION)
                .await
                .map_err(|e| e.reason())?;
            r.detail(format!(
                "Prime A claims its day-1 shares and asks to redeem {} shares",
                usds(REDEMPTION)
            ));
        }
        // day 3: Prime D leaves before the lock with what it has
        if day == 3 {
            let d = &primes[3];
            let (u0, s0) = (chain.balance(&d.usds).await, chain.balance(&d.shares).await);
            chain
                .must(&[env.exit_ix(d, QueueSide::Subscribe)], &[&d.key])
                .await;
            let got = (
                chain.balance(&d.usds).await - u0,
                chain.balance(&d.shares).await - s0,
            );
            o.early_exit = got;
            r.detail(format!(
                "Prime D exits early: {} USDS unconverted back, {} shares earned",
                usds(got.0),
                usds(got.1)
            ));
            // the strategy reports 1.02: more than one update may move
            nav = 102 * WAD / 100;
        }
        let before = env.queue(chain, QueueSide::Subscribe).await;
        let ext = External {
            nav_rate_wad: Some(nav),
            subscribe_capacity: DAILY_CAPACITY,
            redeem_capacity: DAILY_CAPACITY,
        };
        let c = beacon.cycle(chain, &ext).await;
        if let Some((a, f)) = c.failed.first() {
            return Err(format!("day {day}: {a:?} refused: {}", f.reason()));
        }
        for note in &c.plan.notes {
            if let Note::RateClamped { applied, .. } = note {
                o.rate_clamped_to = *applied;
                r.detail(format!(
                    "NAV input 1.020000 clamped to the 1 % bound: {}",
                    rate(*applied)
                ));
            }
        }
        nav = env.unit_state(chain).await.rate_wad;
        let after = env.queue(chain, QueueSide::Subscribe).await;
        let red = env.queue(chain, QueueSide::Redeem).await;
        let converted = before.total_underlying
            - if after.gen_id > before.gen_id {
                0
            } else {
                after.total_underlying
            };
        let netted = if day == 2 {
            usds_for(REDEMPTION, nav)
        } else {
            0
        };
        let row = EpochRow {
            day,
            backlog_before: before.total_underlying,
            netted,
            external: converted - netted,
            backlog_after: if after.gen_id > before.gen_id {
                0
            } else {
                after.total_underlying
            },
            finalized: after.gen_id > before.gen_id,
        };
        r.step(
            &mut n,
            format!(
                "day {day}: {} | backlog {} → {} (netted {}, via PAU {}){}",
                plan_words(&c.sent),
                usds(row.backlog_before),
                usds(row.backlog_after),
                usds(row.netted),
                usds(row.external),
                if red.gen_id > 0 && day == 2 {
                    "; redemption filled by netting"
                } else {
                    ""
                }
            ),
        );
        books(chain, &env, &mut o).await;
        let done = row.finalized;
        o.epochs.push(row);
        if done {
            o.time_to_fill_days = u64::try_from((chain.now().await - started) / DAY).unwrap_or(0);
            r.detail(format!(
                "generation 0 filled in {}",
                duration(chain.now().await - started)
            ));
            break;
        }
        if day > 10 {
            return Err("the generation did not fill in 10 days".into());
        }
    }
    let q = env.queue(chain, QueueSide::Subscribe).await;
    o.queue_dormant_after_fill = q.status == QueueStatus::Dormant;

    // keeper: settle every finalized position to its owner
    let keeper = chain.funded_keypair(1_000_000_000).await;
    for (i, p) in primes.iter().enumerate() {
        let k = p.key.pubkey();
        if env
            .position(chain, QueueSide::Subscribe, &k)
            .await
            .is_some()
        {
            let ix = env
                .settle_finalized_ix(chain, &keeper.pubkey(), QueueSide::Subscribe, &k, &p.shares)
                .await;
            chain.must(&[ix], &[&keeper]).await;
        }
        if env.position(chain, QueueSide::Redeem, &k).await.is_some() {
            let ix = env
                .settle_finalized_ix(chain, &keeper.pubkey(), QueueSide::Redeem, &k, &p.usds)
                .await;
            chain.must(&[ix], &[&keeper]).await;
        }
        o.shares[i] = chain.balance(&p.shares).await;
        o.usds_back[i] = chain.balance(&p.usds).await;
    }
    r.step(
        &mut n,
        "a keeper settles every finalized position to its owner (rent back to the owner)",
    );
    for (i, p) in ["A", "B", "C", "D"].iter().enumerate() {
        r.detail(format!(
            "Prime {p}: {} shares, {} USDS",
            usds(o.shares[i]),
            usds(o.usds_back[i])
        ));
    }
    o.deployed = chain.balance(&env.unit.deploy_endpoint).await;
    books(chain, &env, &mut o).await;

    // restart, then the beacon stops after locking
    let f = env.prime(chain, 50_000 * UNIT).await;
    env.enter(chain, &f, QueueSide::Subscribe, 50_000 * UNIT)
        .await
        .map_err(|e| e.reason())?;
    o.restarted_generation = env.queue(chain, QueueSide::Subscribe).await.gen_id;
    r.step(
        &mut n,
        format!(
            "Prime F subscribes 50,000.00: the queue restarts with generation {}",
            o.restarted_generation
        ),
    );
    chain.advance(DAY).await;
    env.refresh_rate(chain).await;
    chain
        .must(&[env.lock_ix(QueueSide::Subscribe)], &[&env.beacon])
        .await;
    r.step(&mut n, "the beacon locks the queue, then stops");
    let unlock = tx::unlock(&f.key.pubkey(), &env.unit, QueueSide::Subscribe);
    o.unlock_refused_before_bound = chain
        .send(std::slice::from_ref(&unlock), &[&f.key])
        .await
        .is_err();
    chain.advance(3 * 3_600 + 1).await;
    chain.must(&[unlock], &[&f.key]).await;
    chain
        .must(&[env.exit_ix(&f, QueueSide::Subscribe)], &[&f.key])
        .await;
    o.stuck_prime_recovered = chain.balance(&f.usds).await;
    r.detail(format!(
        "Prime F: unlock refused before the 3h bound; after it, unlocks and exits with {}",
        usds(o.stuck_prime_recovered)
    ));
    books(chain, &env, &mut o).await;
    Ok(o)
}

fn usds_for(shares: u64, rate_wad: u128) -> u64 {
    halo_math::lcts::usds_for_shares(shares, rate_wad).unwrap_or(0)
}

/// The seed's numbers, checked.
pub fn verify(o: &PassthroughOutcome) -> Result<(), String> {
    fn check<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
        if got == want {
            Ok(())
        } else {
            Err(format!("{what}: got {got:?}, expected {want:?}"))
        }
    }
    // each epoch uses the whole daily capacity through the PAU until the queue runs dry,
    // and the backlog falls by exactly what was converted
    for (i, e) in o.epochs.iter().enumerate() {
        let last = i + 1 == o.epochs.len();
        if !last {
            check(
                &format!("day {} via PAU", e.day),
                e.external,
                DAILY_CAPACITY,
            )?;
        }
        check(
            &format!("day {} backlog", e.day),
            e.backlog_after,
            e.backlog_before - e.netted - e.external,
        )?;
    }
    check(
        "day 2 netted (500K shares at 1.0)",
        o.epochs[1].netted,
        REDEMPTION,
    )?;
    // day 1 filled 20 % of everyone: D exits on day 3 before the lock with 80 % of its
    // USDS minus what day 2 converted of its share (D: 1M of 10M, day 2: 2.5M of 8M)
    let d_waiting_day2 = 800_000 * UNIT;
    let d_converted_day2 = d_waiting_day2 * 25 / 80;
    check(
        "D's unconverted USDS",
        o.early_exit.0,
        d_waiting_day2 - d_converted_day2,
    )?;
    check(
        "D's shares",
        o.early_exit.1,
        200_000 * UNIT + d_converted_day2,
    )?;
    check(
        "time to fill (days)",
        o.time_to_fill_days,
        u64::try_from(o.epochs.len()).unwrap_or(0),
    )?;
    check(
        "queue dormant after the fill",
        o.queue_dormant_after_fill,
        true,
    )?;
    check("restarted generation", o.restarted_generation, 1)?;
    check(
        "unlock refused before the bound",
        o.unlock_refused_before_bound,
        true,
    )?;
    check(
        "F recovered its USDS",
        o.stuck_prime_recovered,
        50_000 * UNIT,
    )?;
    check("rate clamped to +1 %", o.rate_clamped_to, WAD + WAD / 100)?;
    // conservation: what the four Primes put in went to the strategy (minus the netted
    // part, which paid A's redemption) or came back to D
    let put_in: u64 = SUBSCRIPTIONS.iter().sum();
    check(
        "deployed + netted + D's refund",
        o.deployed + REDEMPTION + o.early_exit.0,
        put_in,
    )?;
    check("A's redemption paid", o.usds_back[0], REDEMPTION)?;
    if o.books_checked < 5 {
        return Err("books were not checked after every step".into());
    }
    Ok(())
}
