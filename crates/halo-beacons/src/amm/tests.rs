use super::*;
use anchor_lang::{AccountDeserialize, Space};
use halo_math::WAD;

const U: u64 = 1_000_000;

fn zeroed<T: AccountDeserialize + Space>() -> T {
    T::try_deserialize_unchecked(&mut &vec![0u8; 8 + T::INIT_SPACE][..]).unwrap()
}

fn pool() -> Pool {
    let mut p: Pool = zeroed();
    p.params.max_staleness_s = 3_600;
    p.params.max_deviation_bps = 200;
    p.params.position_limit = 1_000 * U;
    p.params.skew_start_bps = 5_000;
    p.params.skew_max_bps = 20;
    p.last_price_wad = WAD;
    p.redeem_limit.max_amount = u64::MAX;
    p.quote_liquidity = 500 * U;
    // nothing out for redemption (as `create_pool` leaves it)
    p.oldest_pending_due = i64::MAX;
    p
}

fn observed(p: Pool) -> Observed {
    Observed {
        now: 10_000,
        quote_vault_balance: p.quote_liquidity + p.claims_reserved,
        pool: p,
        open_redemptions: vec![],
        open_generation: zeroed(),
        settling_generation: None,
        price: Some((WAD, 10_000)),
    }
}

fn redemption(id: u64, expected_by: i64) -> (u64, Redemption) {
    let mut r: Redemption = zeroed();
    r.id = id;
    r.amount = 100 * U;
    r.expected_quote = 100 * U;
    r.expected_by = expected_by;
    r.status = RedemptionStatus::Pending;
    (id, r)
}

#[test]
fn quiet_pool_plans_nothing() {
    let plan = plan(
        &observed(pool()),
        &External::default(),
        &AmmRules::default(),
    );
    assert_eq!(plan, Plan::default());
}

#[test]
fn inventory_is_sent_for_redemption_within_the_limit() {
    let mut p = pool();
    p.inventory = 300 * U;
    p.next_redemption_id = 4;
    p.redeem_limit.max_amount = 200 * U;
    p.redeem_limit.last_amount = 200 * U;
    p.redeem_limit.last_updated = 10_000;
    let plan = plan(&observed(p), &External::default(), &AmmRules::default());
    assert_eq!(
        plan.actions,
        vec![Action::StartRedemption {
            id: 4,
            amount: 200 * U
        }]
    );
    // below the threshold: nothing
    let mut p = pool();
    p.inventory = 10 * U;
    let rules = AmmRules {
        redeem_threshold: 50 * U,
        ..AmmRules::default()
    };
    assert!(plan_of(p, &rules).actions.is_empty());
}

fn plan_of(p: Pool, rules: &AmmRules) -> Plan {
    plan(&observed(p), &External::default(), rules)
}

#[test]
fn deviation_pokes_once_and_stale_only_reports() {
    let mut o = observed(pool());
    o.price = Some((WAD + WAD / 20, 10_000));
    let pl = plan(&o, &External::default(), &AmmRules::default());
    assert_eq!(pl.actions, vec![Action::Poke]);
    assert!(matches!(pl.notes[0], Note::Deviation { .. }));
    // already paused: no second poke (idempotent), just the report
    o.pool.paused = true;
    let pl = plan(&o, &External::default(), &AmmRules::default());
    assert!(pl.actions.is_empty());
    // stale: no redemption either (the program would refuse it)
    let mut p = pool();
    p.inventory = 100 * U;
    let mut o = observed(p);
    o.price = Some((WAD, 10_000 - 3_601));
    let pl = plan(&o, &External::default(), &AmmRules::default());
    assert!(pl.actions.is_empty());
    assert_eq!(pl.notes, vec![Note::StalePrice { age_s: 3_601 }]);
}

#[test]
fn settles_what_the_vault_shows_and_fails_what_is_overdue() {
    let mut o = observed(pool());
    o.open_redemptions = vec![redemption(0, 5_000), redemption(1, 9_000)];
    o.quote_vault_balance += 100 * U; // the issuer paid redemption 0
    let ext = External {
        issuer_settlements: vec![(0, 100 * U), (1, 100 * U)],
    };
    let pl = plan(&o, &ext, &AmmRules::default());
    assert_eq!(
        pl.actions,
        vec![Action::SettleRedemption {
            id: 0,
            received: 100 * U
        }]
    );
    assert!(matches!(
        pl.notes[0],
        Note::IssuerPaymentMissing { id: 1, .. }
    ));
    // overdue beyond the grace period, nothing reported paid
    let rules = AmmRules {
        fail_grace_s: 1_000,
        ..AmmRules::default()
    };
    let pl = plan(&o, &External::default(), &rules);
    assert_eq!(pl.actions, vec![Action::FailRedemption { id: 0 }]);
}

#[test]
fn withdrawal_queue_rolls_then_settles() {
    let mut o = observed(pool());
    o.open_generation.requested = 10 * U;
    let pl = plan(&o, &External::default(), &AmmRules::default());
    assert_eq!(pl.actions, vec![Action::RollWithdrawals { open_gen: 0 }]);
    // rolled: fill the closed generation with the free USDS, not roll again
    o.pool.queue_open_gen = 1;
    let mut g: WithdrawGeneration = zeroed();
    g.requested = 10 * U;
    g.closed = true;
    o.settling_generation = Some(g);
    o.open_generation.requested = 0;
    let pl = plan(&o, &External::default(), &AmmRules::default());
    assert_eq!(
        pl.actions,
        vec![Action::SettleWithdrawals {
            gen: 0,
            max_quote: 500 * U
        }]
    );
}

#[test]
fn planning_is_deterministic() {
    let mut p = pool();
    p.inventory = 123 * U;
    let o = observed(p);
    let a = plan(&o, &External::default(), &AmmRules::default());
    let b = plan(&o, &External::default(), &AmmRules::default());
    assert_eq!(a, b);
}

#[test]
fn rfq_quotes_never_go_inside_the_governance_bound() {
    let mut p = pool();
    p.asset_decimals = 6;
    p.quote_decimals = 6;
    p.params.rfq_min_spread_bps = 3;
    let k = Pubkey::new_unique();
    let u = Pubkey::new_unique();
    // asked for 1 bps: priced at the 3 bps bound
    let q = price_quote(k, &p, WAD, u, tx::Side::SellAsset, 100_000 * U, 1, 99, 7).unwrap();
    assert_eq!(q.quote_amount, 99_970 * U);
    let q = price_quote(k, &p, WAD, u, tx::Side::BuyAsset, 100_000 * U, 4, 99, 8).unwrap();
    assert_eq!(q.quote_amount, 100_040 * U);
    assert_eq!((q.pool, q.user, q.expiry, q.nonce), (k, u, 99, 8));
}
