//! Seed 000 (Trading Halo), end to end with the lpha-amm beacon across warped days:
//! 1. instant t-bill settlement: 100K sold at 5 bps, the issuer pays at T+1;
//! 2. capital efficiency at T+1 / T+3 / T+7 from simulated flows;
//! 3. JAAA two-sided market making with inventory skew;
//! 4. stress: a Prime rebalancing, the PAU route cut to zero, a stale oracle, a deviating
//!    NAV (automatic pause), an overdue issuer redemption.
use std::collections::BTreeMap;

use halo_beacons::amm::{Action, AmmBeacon, AmmRules, External, Note};
use halo_harness::trading::{TradingEnv, TradingOptions, UNIT};
use halo_harness::{PauEnv, PauOptions};
use halo_sdk::ledger::{Ledger, Refusal, Signer};
use halo_sdk::trading::{self as tx, Side};

use crate::report::{amount, Report};

const DAY: i64 = 24 * 3600;
/// Trading days a year (the seed's convention).
const TRADING_DAYS: u64 = 250;
/// Simulated trading days for the efficiency table: divisible by 1, 3 and 7.
const SIM_DAYS: u64 = 42;

fn usds(v: u64) -> String {
    amount(v, 6)
}

fn signed_usds(v: i128) -> String {
    let sign = if v < 0 { "-" } else { "" };
    format!(
        "{sign}{}",
        usds(u64::try_from(v.unsigned_abs()).unwrap_or(u64::MAX))
    )
}

/// One row of the capital-efficiency table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EfficiencyRow {
    pub settlement_days: u64,
    pub pool_usds: u64,
    pub volume_usds: u64,
    pub spread_usds: u64,
    /// Annualised turns ×100 (volume / pool × 250 / simulated days).
    pub turns_x100: u64,
    /// Annualised effective yield in bps (spread / pool × 250 / simulated days).
    pub yield_bps: u64,
    pub seed_turns: u64,
    pub seed_yield_bps: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TradingOutcome {
    pub tbill_user_received: u64,
    pub tbill_issuer_paid: u64,
    pub tbill_realised_pnl: i128,
    pub efficiency: Vec<EfficiencyRow>,
    pub jaaa_bought_by_users: u64,
    pub jaaa_sold_by_users: u64,
    pub jaaa_volume: u64,
    pub jaaa_spread: u64,
    pub jaaa_widest_bid_bps: u32,
    pub stress_prime_received: u64,
    /// USDS the RFQ buyer paid for 100K JAAA.
    pub rfq_quote_paid: u64,
    /// Refusals by reason (the report's last table).
    pub refusals: BTreeMap<String, u32>,
    pub settlement_success: (u64, u64),
    /// Every step's books balanced (vaults vs accounting).
    pub books_checked: u32,
}

fn reason(f: &Refusal) -> String {
    use halo_sdk::errors::{oracle_error, pau_error, trading_error};
    match f.code {
        Some(c) => trading_error(c)
            .map(|e| format!("{e:?}"))
            .or_else(|| pau_error(c).map(|e| format!("{e:?}")))
            .or_else(|| oracle_error(c).map(|e| format!("{e:?}")))
            .unwrap_or_else(|| format!("code {c}")),
        None => f.error.clone(),
    }
}

/// A cycle's actions in words, amounts with their decimals.
fn actions(v: &[Action]) -> String {
    if v.is_empty() {
        return "nothing to do".into();
    }
    v.iter()
        .map(|a| match a {
            Action::Poke => "poke (pause on deviation)".to_string(),
            Action::StartRedemption { id, amount } => {
                format!("start redemption #{id} of {}", usds(*amount))
            }
            Action::SettleRedemption { id, received } => {
                format!("settle redemption #{id} ({} received)", usds(*received))
            }
            Action::FailRedemption { id } => format!("fail redemption #{id}"),
            Action::RollWithdrawals { open_gen } => {
                format!("roll withdrawal generation {open_gen}")
            }
            Action::SettleWithdrawals { gen, max_quote } => {
                format!(
                    "settle withdrawal generation {gen} (up to {})",
                    usds(*max_quote)
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn refused(r: &mut Report, o: &mut TradingOutcome, what: &str, f: Refusal) {
    let why = reason(&f);
    r.detail(format!("REFUSED {what}: {why}"));
    *o.refusals.entry(why).or_default() += 1;
}

async fn books<L: Ledger>(chain: &mut L, env: &TradingEnv, o: &mut TradingOutcome) {
    env.check_books(chain).await;
    o.books_checked += 1;
}

fn beacon_of(env: &TradingEnv) -> AmmBeacon {
    AmmBeacon {
        key: env.beacon.insecure_clone(),
        pool: env.pool,
        redemption_account: env.issuer_account,
        rules: AmmRules::default(),
    }
}

/// A further PAU + class + pool on the same configurator.
async fn another<L: Ledger>(
    chain: &mut L,
    first: &TradingEnv,
    id: u64,
    opts: TradingOptions,
) -> TradingEnv {
    let pau = PauEnv::bootstrap_pau(
        chain,
        first.pau.admin.insecure_clone(),
        PauOptions {
            pau_id: id,
            custody_funding: 100_000_000 * UNIT,
            ..PauOptions::default()
        },
    )
    .await;
    TradingEnv::bootstrap_on(chain, pau, opts, id).await
}

/// Runs every Trading Halo use case. `chain` must have the Halo and SPL programs and no
/// configurator yet.
pub async fn run<L: Ledger>(chain: &mut L, r: &mut Report) -> Result<TradingOutcome, String> {
    let mut o = TradingOutcome::default();
    r.heading("Trading Halo (seed 000): instant t-bill settlement");
    let env = TradingEnv::bootstrap(chain, TradingOptions::default()).await;
    tbill(chain, r, &env, &mut o).await?;

    r.heading("Trading Halo (seed 000): capital efficiency at 5 bps");
    for (i, t) in [1u64, 3, 7].into_iter().enumerate() {
        let mut opts = TradingOptions::default();
        opts.params.settlement_period_s = (t * DAY as u64) as u32;
        let e = another(chain, &env, 10 + i as u64, opts).await;
        let row = efficiency(chain, &e, t, &mut o).await?;
        o.efficiency.push(row);
    }
    r.line(format!(
        "     {:<6} {:>12} {:>16} {:>12} {:>9} {:>8} {:>11} {:>10}",
        "T+", "pool USDS", "volume USDS", "spread", "turns/yr", "seed", "yield", "seed"
    ));
    for row in &o.efficiency {
        r.line(format!(
            "     T+{:<4} {:>12} {:>16} {:>12} {:>9} {:>8} {:>10}% {:>9}%",
            row.settlement_days,
            usds(row.pool_usds),
            usds(row.volume_usds),
            usds(row.spread_usds),
            format!("{}.{:02}", row.turns_x100 / 100, row.turns_x100 % 100),
            format!("~{}", row.seed_turns),
            format!("{}.{:02}", row.yield_bps / 100, row.yield_bps % 100),
            format!(
                "~{}.{}",
                row.seed_yield_bps / 100,
                row.seed_yield_bps % 100 / 10
            ),
        ));
    }
    r.detail(format!(
        "simulated {SIM_DAYS} trading days per row, annualised over {TRADING_DAYS}; each day a \
         seller takes all free USDS, lpha-amm redeems the inventory at once, the issuer pays at T+N"
    ));

    r.heading("Trading Halo (seed 000): JAAA two-sided market making");
    let mut jopts = TradingOptions::default();
    jopts.params.position_limit = 1_000_000 * UNIT;
    let jaaa = another(chain, &env, 20, jopts).await;
    market_making(chain, r, &jaaa, &mut o).await?;

    r.heading("Trading Halo (seed 000): Prime rebalancing under stress");
    let sopts = TradingOptions {
        pau_funding: 2_000_000 * UNIT,
        ..TradingOptions::default()
    };
    let s = another(chain, &env, 30, sopts).await;
    stress(chain, r, &s, &mut o).await?;

    r.heading("Trading Halo: operator report (seed 002 metrics)");
    let (ok, failed) = o.settlement_success;
    r.detail(format!(
        "settlement success rate: {ok} settled / {} closed = {}%",
        ok + failed,
        (ok * 100).checked_div(ok + failed).unwrap_or(100)
    ));
    r.detail(format!(
        "books balanced after {} checked steps",
        o.books_checked
    ));
    r.detail("refusals by reason:");
    for (k, v) in &o.refusals {
        r.detail(format!("  {v:>3} × {k}"));
    }
    Ok(o)
}

async fn tbill<L: Ledger>(
    chain: &mut L,
    r: &mut Report,
    env: &TradingEnv,
    o: &mut TradingOutcome,
) -> Result<(), String> {
    let mut n = 0;
    let beacon = beacon_of(env);
    let p = env.state(chain).await;
    r.step(
        &mut n,
        format!(
            "pool USDS/T-BILL funded from the class's PAU (halo_pau::draw by CPI): {} USDS",
            usds(p.quote_liquidity)
        ),
    );
    let user = env.trader(chain, 100_000 * UNIT, 0).await;
    env.swap(chain, &user, Side::SellAsset, true, 100_000 * UNIT)
        .await
        .map_err(|e| format!("sale: {}", e.reason()))?;
    o.tbill_user_received = chain.balance(&user.quote).await;
    r.step(
        &mut n,
        format!(
            "user sells 100,000 t-bills at NAV 1.00 − 5 bps: receives {} USDS instantly",
            usds(o.tbill_user_received)
        ),
    );
    books(chain, env, o).await;
    let c = beacon.cycle(chain, &External::default()).await;
    r.step(&mut n, format!("lpha-amm cycle: {}", actions(&c.sent)));
    chain.advance(DAY).await;
    env.refresh_price(chain).await;
    let red: tx::Redemption = chain
        .account(&halo_sdk::pda::redemption(&env.pool.pool, 0))
        .await;
    env.issuer_pays(chain, red.expected_quote).await;
    o.tbill_issuer_paid = red.expected_quote;
    r.step(
        &mut n,
        format!(
            "T+1: the issuer pays {} USDS into the pool's book",
            usds(red.expected_quote)
        ),
    );
    let c = beacon
        .cycle(
            chain,
            &External {
                issuer_settlements: vec![(0, red.expected_quote)],
            },
        )
        .await;
    let p = env.state(chain).await;
    o.tbill_realised_pnl = p.realised_pnl;
    o.settlement_success.0 += u64::from(
        c.sent
            .iter()
            .any(|a| matches!(a, Action::SettleRedemption { .. })),
    );
    r.step(
        &mut n,
        format!(
            "lpha-amm settles it: realised P&L {} USDS; pool now {} USDS (LP share value up)",
            signed_usds(p.realised_pnl),
            usds(p.quote_liquidity)
        ),
    );
    books(chain, env, o).await;
    Ok(())
}

async fn efficiency<L: Ledger>(
    chain: &mut L,
    env: &TradingEnv,
    t: u64,
    o: &mut TradingOutcome,
) -> Result<EfficiencyRow, String> {
    let beacon = beacon_of(env);
    let pool_usds = env.state(chain).await.quote_liquidity;
    let seller = env.trader(chain, 10_000_000_000 * UNIT, 0).await;
    for day in 0..SIM_DAYS {
        env.refresh_price(chain).await;
        // the issuer pays every redemption sent T days ago
        let now = chain.now().await;
        let p = env.state(chain).await;
        let mut paid = Vec::new();
        for id in 0..p.next_redemption_id {
            let rd: tx::Redemption = chain
                .account(&halo_sdk::pda::redemption(&env.pool.pool, id))
                .await;
            if rd.status == tx::RedemptionStatus::Pending && rd.sent_at + (t as i64) * DAY <= now {
                env.issuer_pays(chain, rd.expected_quote).await;
                paid.push((id, rd.expected_quote));
            }
        }
        let c = beacon
            .cycle(
                chain,
                &External {
                    issuer_settlements: paid,
                },
            )
            .await;
        if !c.failed.is_empty() {
            return Err(format!(
                "T+{t} day {day}: beacon refused {:?}",
                c.failed[0].1.reason()
            ));
        }
        o.settlement_success.0 += c
            .sent
            .iter()
            .filter(|a| matches!(a, Action::SettleRedemption { .. }))
            .count() as u64;
        // a seller takes all the free USDS
        let free = env.state(chain).await.quote_liquidity;
        if free >= UNIT {
            env.swap(chain, &seller, Side::SellAsset, false, free)
                .await
                .map_err(|e| format!("T+{t} day {day}: sale {}", e.reason()))?;
            beacon.cycle(chain, &External::default()).await; // redeem at once
        }
        books(chain, env, o).await;
        chain.advance(DAY).await;
    }
    let p = env.state(chain).await;
    let volume = u64::try_from(p.bought_quote).map_err(|e| e.to_string())?;
    let spread = u64::try_from(p.spread_earned).map_err(|e| e.to_string())?;
    let annual = |v: u64, scale: u64| {
        (u128::from(v) * u128::from(scale) * u128::from(TRADING_DAYS)
            / (u128::from(pool_usds) * u128::from(SIM_DAYS))) as u64
    };
    Ok(EfficiencyRow {
        settlement_days: t,
        pool_usds,
        volume_usds: volume,
        spread_usds: spread,
        turns_x100: annual(volume, 100),
        yield_bps: annual(spread, 10_000),
        seed_turns: match t {
            1 => 250,
            3 => 83,
            _ => 36,
        },
        seed_yield_bps: match t {
            1 => 1_250,
            3 => 420,
            _ => 180,
        },
    })
}

async fn market_making<L: Ledger>(
    chain: &mut L,
    r: &mut Report,
    env: &TradingEnv,
    o: &mut TradingOutcome,
) -> Result<(), String> {
    let mut n = 0;
    // seed inventory: a Prime sells 900K JAAA into the pool (outside the measured cycle)
    let seed = env.trader(chain, 900_000 * UNIT, 0).await;
    env.swap(chain, &seed, Side::SellAsset, true, 900_000 * UNIT)
        .await
        .map_err(|e| format!("seed inventory: {}", e.reason()))?;
    let before = env.state(chain).await;
    r.step(
        &mut n,
        format!(
            "pool seeded: {} JAAA inventory, {} USDS; position limit {}, skew from 50 % to +20 bps",
            usds(before.inventory),
            usds(before.quote_liquidity),
            usds(before.params.position_limit)
        ),
    );
    let buyer = env.trader(chain, 0, 600_000 * UNIT).await;
    for _ in 0..5 {
        env.swap(chain, &buyer, Side::BuyAsset, false, 100_000 * UNIT)
            .await
            .map_err(|e| format!("buy: {}", e.reason()))?;
    }
    o.jaaa_bought_by_users = chain.balance(&buyer.asset).await;
    r.step(
        &mut n,
        format!(
            "buyers take {} JAAA at NAV + 5 bps, paying {} USDS",
            usds(o.jaaa_bought_by_users),
            usds(600_000 * UNIT - chain.balance(&buyer.quote).await)
        ),
    );
    let seller = env.trader(chain, 300_000 * UNIT, 0).await;
    let mut bids = Vec::new();
    for _ in 0..6 {
        let p = env.state(chain).await;
        let bps = halo_math::pricing::skewed_spread_bps(
            u32::from(p.params.bid_spread_bps),
            u32::from(p.params.skew_start_bps),
            u32::from(p.params.skew_max_bps),
            p.inventory,
            p.params.position_limit,
        )
        .map_err(|e| format!("{e:?}"))?;
        bids.push(bps);
        env.swap(chain, &seller, Side::SellAsset, true, 50_000 * UNIT)
            .await
            .map_err(|e| format!("sell: {}", e.reason()))?;
    }
    o.jaaa_sold_by_users = 300_000 * UNIT - chain.balance(&seller.asset).await;
    o.jaaa_widest_bid_bps = bids.iter().copied().max().unwrap_or(0);
    r.step(
        &mut n,
        format!(
            "sellers hand {} JAAA back; the bid widens with inventory: {:?} bps",
            usds(o.jaaa_sold_by_users),
            bids
        ),
    );
    let after = env.state(chain).await;
    o.jaaa_volume = u64::try_from(
        (after.sold_asset - before.sold_asset) + (after.bought_asset - before.bought_asset),
    )
    .map_err(|e| e.to_string())?;
    o.jaaa_spread =
        u64::try_from(after.spread_earned - before.spread_earned).map_err(|e| e.to_string())?;
    r.step(
        &mut n,
        format!(
            "net sold {} JAAA; spread earned {} USDS on {} volume ({} bps average)",
            usds(o.jaaa_bought_by_users - o.jaaa_sold_by_users),
            usds(o.jaaa_spread),
            usds(o.jaaa_volume),
            o.jaaa_spread * 10_000 / o.jaaa_volume.max(1)
        ),
    );
    books(chain, env, o).await;

    // RFQ: the beacon quotes a large buyer tighter than the AMM (2 bps instead of 5),
    // within governance's bound; the signed quote fills once
    let whale = env.trader(chain, 0, 200_100 * UNIT).await;
    let p = env.state(chain).await;
    let expiry = chain.now().await + 60;
    let q = halo_beacons::amm::price_quote(
        env.pool.pool,
        &p,
        p.last_price_wad,
        whale.key.pubkey(),
        Side::BuyAsset,
        100_000 * UNIT,
        2,
        expiry,
        1,
    )
    .ok_or("RFQ pricing")?;
    let beacon = beacon_of(env);
    let class: halo_sdk::trading::TradingClass = chain.account(&env.pool.class).await;
    let ixs = beacon.sign_quote(
        &class.rfq_domain,
        &whale.key.pubkey(),
        &whale.asset,
        &whale.quote,
        q,
    );
    chain
        .send(&ixs, &[&whale.key])
        .await
        .map_err(|e| format!("RFQ fill: {}", e.reason()))?;
    o.rfq_quote_paid = q.quote_amount;
    r.step(
        &mut n,
        format!(
            "RFQ: lpha-amm signs a quote for 100,000 JAAA at NAV + 2 bps; the buyer pays {} USDS \
             (the AMM would charge 100,050.00)",
            usds(q.quote_amount)
        ),
    );
    match chain.send(&ixs, &[&whale.key]).await {
        Ok(_) => return Err("a quote filled twice".into()),
        Err(f) => refused(r, o, "the same signed quote, sent again", f),
    }
    books(chain, env, o).await;
    Ok(())
}

async fn stress<L: Ledger>(
    chain: &mut L,
    r: &mut Report,
    env: &TradingEnv,
    o: &mut TradingOutcome,
) -> Result<(), String> {
    let mut n = 0;
    let beacon = beacon_of(env);
    let prime = env.trader(chain, 3_000_000 * UNIT, 0).await;
    // the Prime exits 3M of RWA; the pool holds 2M of USDS
    let res = env
        .swap(chain, &prime, Side::SellAsset, true, 3_000_000 * UNIT)
        .await;
    match res {
        Ok(_) => return Err("3M sale against 2M of liquidity went through".into()),
        Err(f) => refused(r, o, "Prime sells 3M against 2M of USDS", f),
    }
    let free = env.state(chain).await.quote_liquidity;
    env.swap(chain, &prime, Side::SellAsset, false, free)
        .await
        .map_err(|e| format!("rebalance: {}", e.reason()))?;
    o.stress_prime_received = chain.balance(&prime.quote).await;
    r.step(
        &mut n,
        format!(
            "the Prime takes all free liquidity instead: {} USDS now, the rest stays with it",
            usds(o.stress_prime_received)
        ),
    );
    // GovOps' emergency lever: the PAU route cut to zero, no SORL on decreases
    chain
        .must(
            &[halo_sdk::pau::cut_rate_limit(
                &env.pau.freezer.pubkey(),
                &env.pau.controller,
                &env.link.route_key,
                0,
                0,
            )],
            &[&env.pau.freezer],
        )
        .await;
    r.step(
        &mut n,
        "PAU freezer cuts the amm_fund route to zero (instant)",
    );
    if let Err(f) = env.fund(chain, UNIT).await {
        refused(r, o, "lpha-amm draws more USDS from the PAU", f);
    } else {
        return Err("funding went through a closed route".into());
    }
    let c = beacon.cycle(chain, &External::default()).await;
    r.step(
        &mut n,
        format!(
            "lpha-amm sends the inventory to the issuer: {}",
            actions(&c.sent)
        ),
    );
    // the oracle goes quiet for a day and more
    chain.advance(27 * 3600).await;
    let small = env.trader(chain, 10 * UNIT, 0).await;
    match env
        .swap(chain, &small, Side::SellAsset, true, 10 * UNIT)
        .await
    {
        Ok(_) => return Err("swap on a stale price went through".into()),
        Err(f) => refused(r, o, "a swap 27 h after the last NAV", f),
    }
    let c = beacon.cycle(chain, &External::default()).await;
    for note in &c.plan.notes {
        if let Note::StalePrice { age_s } = note {
            r.detail(format!(
                "lpha-amm reports: stale price, {} old",
                crate::report::duration(*age_s)
            ));
        }
    }
    // the NAV comes back 3 % off the pool's reference: refused, then paused by poke
    let nav = env.nav(chain).await;
    env.governance_publish(chain, nav + nav * 3 / 100).await;
    match env
        .swap(chain, &small, Side::SellAsset, true, 10 * UNIT)
        .await
    {
        Ok(_) => return Err("swap on a deviating price went through".into()),
        Err(f) => refused(r, o, "a swap at a NAV 3 % off the reference", f),
    }
    let c = beacon.cycle(chain, &External::default()).await;
    let p = env.state(chain).await;
    r.step(
        &mut n,
        format!(
            "lpha-amm: {}; pool paused = {} (reason {:?})",
            actions(&c.sent),
            p.paused,
            p.pause_reason
        ),
    );
    // the issuer never pays: overdue beyond the grace → failed, buys paused
    chain.advance(2 * DAY).await;
    env.refresh_price(chain).await;
    let c = beacon.cycle(chain, &External::default()).await;
    o.settlement_success.1 += c
        .sent
        .iter()
        .filter(|a| matches!(a, Action::FailRedemption { .. }))
        .count() as u64;
    let p = env.state(chain).await;
    r.step(
        &mut n,
        format!(
            "issuer misses T+1 plus grace: lpha-amm fails the redemption; buys paused = {}, \
             realised P&L {} USDS",
            p.redemption_failed,
            signed_usds(p.realised_pnl)
        ),
    );
    // governance reviews: resumes the pool at the new NAV; buys stay paused
    chain
        .must(
            &[tx::resume_pool(&env.governance.pubkey(), &env.pool)],
            &[&env.governance],
        )
        .await;
    match env
        .swap(chain, &small, Side::SellAsset, true, 10 * UNIT)
        .await
    {
        Ok(_) => return Err("buy after a failed redemption went through".into()),
        Err(f) => refused(r, o, "a sale to the pool after the failed redemption", f),
    }
    r.step(
        &mut n,
        "governance resumes the pool; buys stay paused until the failure is cleared",
    );
    books(chain, env, o).await;
    Ok(())
}

/// The seed's numbers, checked.
pub fn verify(o: &TradingOutcome) -> Result<(), String> {
    fn check<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
        if got == want {
            Ok(())
        } else {
            Err(format!("{what}: got {got:?}, want {want:?}"))
        }
    }
    check("t-bill user receives", o.tbill_user_received, 99_950 * UNIT)?;
    check("t-bill issuer pays", o.tbill_issuer_paid, 100_000 * UNIT)?;
    check(
        "t-bill pool books",
        o.tbill_realised_pnl,
        i128::from(50 * UNIT),
    )?;
    check("efficiency rows", o.efficiency.len(), 3)?;
    for row in &o.efficiency {
        // within 2 % of the seed's rounded figures
        let seed_x100 = row.seed_turns * 100;
        if row.turns_x100.abs_diff(seed_x100) * 50 > seed_x100 {
            return Err(format!(
                "T+{}: {}.{:02} turns vs ~{}",
                row.settlement_days,
                row.turns_x100 / 100,
                row.turns_x100 % 100,
                row.seed_turns
            ));
        }
        if row.yield_bps.abs_diff(row.seed_yield_bps) * 20 > row.seed_yield_bps {
            return Err(format!(
                "T+{}: {} bps vs ~{}",
                row.settlement_days, row.yield_bps, row.seed_yield_bps
            ));
        }
    }
    check(
        "JAAA bought by users",
        o.jaaa_bought_by_users,
        500_000 * UNIT,
    )?;
    check("JAAA sold by users", o.jaaa_sold_by_users, 300_000 * UNIT)?;
    check("JAAA volume", o.jaaa_volume, 800_000 * UNIT)?;
    if o.jaaa_spread < 400 * UNIT {
        return Err(format!("JAAA spread {} below 5 bps of 800K", o.jaaa_spread));
    }
    check(
        "RFQ buyer pays (NAV + 2 bps)",
        o.rfq_quote_paid,
        100_020 * UNIT,
    )?;
    if o.jaaa_widest_bid_bps <= 5 {
        return Err("the skew never widened the bid".into());
    }
    for want in [
        "InsufficientLiquidity",
        "RouteClosed",
        "StalePrice",
        "PriceDeviation",
        "BuysPausedRedemptionFailed",
        "QuoteAlreadyUsed",
    ] {
        if !o.refusals.contains_key(want) {
            return Err(format!("missing refusal {want}: {:?}", o.refusals));
        }
    }
    check("settled / failed", o.settlement_success.1, 1)?;
    Ok(())
}
