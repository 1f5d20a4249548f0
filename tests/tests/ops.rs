//! `halo status` and `halo check` (crates/halo-ops) on the embedded chain: every seed
//! scenario's end state passes every rule and reads as the scenario left it; a corrupted
//! account, a drained vault and a rewritten finalized generation are each flagged with the
//! accounts involved, and nothing else is.
use anchor_lang::{AccountDeserialize, AccountSerialize};
use halo_harness::{Chain, Ledger};
use halo_ops::check::{self, Baseline, CheckReport};
use halo_ops::snapshot::Snapshot;
use halo_ops::status::{self, Status};
use halo_scenarios::{configurator, passthrough, report::Report, structuring, trading};
use halo_sdk::ledger::RawAccount;
use halo_sdk::Pubkey;

async fn checked(chain: &mut Chain) -> (Snapshot, CheckReport) {
    let s = Snapshot::take(chain).await.expect("snapshot");
    let r = check::run(&s, None);
    (s, r)
}

fn broken_ids(r: &CheckReport) -> Vec<&'static str> {
    let mut ids: Vec<_> = r.breaks.iter().map(|b| b.id).collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Rewrites an Anchor account of type `T` in place through `f`.
async fn rewrite<T: AccountDeserialize + AccountSerialize>(
    chain: &mut Chain,
    address: &Pubkey,
    f: impl FnOnce(&mut T),
) {
    let raw = chain.raw_account(address).await.expect("account");
    let mut state = T::try_deserialize(&mut &raw.data[..]).expect("decode");
    f(&mut state);
    let mut data = Vec::with_capacity(raw.data.len());
    state.try_serialize(&mut data).expect("encode");
    data.resize(raw.data.len(), 0);
    chain.set_account(address, RawAccount { data, ..raw }).await;
}

/// Sets a token account's amount (bytes 64..72 of the SPL layout, both token programs).
async fn set_token_amount(chain: &mut Chain, address: &Pubkey, amount: u64) {
    let mut raw = chain.raw_account(address).await.expect("token account");
    raw.data[64..72].copy_from_slice(&amount.to_le_bytes());
    chain.set_account(address, raw).await;
}

#[tokio::test]
async fn the_configurator_story_ends_with_every_rule_holding_and_its_custody_in_status() {
    let mut chain = Chain::new().await;
    let o = configurator::run(&mut chain, &mut Report::quiet())
        .await
        .expect("scenario");
    let (s, r) = checked(&mut chain).await;
    assert!(r.breaks.is_empty(), "{}", check::render(&r));
    assert!(r
        .rules
        .iter()
        .any(|x| x.id == "pau.rate_limit_within_max" && x.evaluated > 0));
    let st = Status::of(&s);
    assert_eq!(st.paus.len(), 1);
    let custody: u64 = st.paus[0].custody.iter().map(|c| c.balance).sum();
    assert_eq!(custody, o.custody_end);
    let route = &st.paus[0].routes[0];
    assert!(route.available_now <= route.max_amount);
    let text = status::render(&st);
    assert!(text.contains("time to full"), "{text}");
}

#[tokio::test]
async fn the_trading_halo_ends_with_every_rule_holding_and_its_pools_in_status() {
    let mut chain = Chain::new().await;
    let o = trading::run(&mut chain, &mut Report::quiet())
        .await
        .expect("scenario");
    let (s, r) = checked(&mut chain).await;
    assert!(r.breaks.is_empty(), "{}", check::render(&r));
    for id in [
        "trading.quote_vault_covers_books",
        "trading.shares_held",
        "trading.quote_flow",
        "trading.asset_flow",
        "trading.pending_asset",
    ] {
        assert!(
            r.rules.iter().any(|x| x.id == id && x.evaluated > 0),
            "{id} not evaluated"
        );
    }
    let st = Status::of(&s);
    assert!(!st.pools.is_empty());
    // the t-bill pool realised the scenario's P&L on its redemption
    assert!(
        st.pools
            .iter()
            .any(|p| p.realised_pnl == o.tbill_realised_pnl),
        "{:?}",
        st.pools.iter().map(|p| p.realised_pnl).collect::<Vec<_>>()
    );
    for p in &st.pools {
        assert!(p.quote_vault_balance.is_some());
        if p.total_shares > 0 {
            assert!(p.share_price_wad.is_some());
        }
    }
}

/// `halo report` on the Trading scenario's end state and history: the settlement success
/// rate is the one the scenario's own operator report counted, its refusals are in the
/// history by reason, the events add up to every pool's lifetime counters, and each KPI
/// outside its range carries the seed's action.
#[tokio::test]
async fn the_kpi_report_reads_the_trading_halo_as_its_scenario_counted_it() {
    let mut chain = Chain::new().await;
    let o = trading::run(&mut chain, &mut Report::quiet())
        .await
        .expect("scenario");
    let (s, h) = halo_ops::history::with_snapshot(&mut chain, usize::MAX)
        .await
        .expect("snapshot and history");
    let r = halo_ops::report::run(&s, Some(&h));
    // every pool's events, summed, are its lifetime counters
    let matched: Vec<_> = r
        .kpis
        .iter()
        .filter(|k| k.id == "events_match_state")
        .collect();
    assert_eq!(matched.len(), s.pools.len());
    for k in &matched {
        assert_eq!(k.within, Some(true), "{}: {}", k.name, k.value);
    }
    for p in &s.pools {
        let f = &h.pools[&p.address.to_string()];
        assert!(f.whole_life && f.swaps == p.state.swaps && f.swaps > 0);
    }
    // each refusal the scenario counted landed, and is in the history under its reason
    assert!(!o.refusals.is_empty());
    for (name, n) in &o.refusals {
        let landed: u64 = h
            .refusals
            .iter()
            .filter(|(reason, _)| reason.starts_with(&format!("{name}:")))
            .map(|(_, c)| *c)
            .sum();
        assert_eq!(landed, u64::from(*n), "{name}: in the history / counted");
    }
    let refusals = r.kpis.iter().find(|k| k.id == "refusals").unwrap();
    assert!(refusals
        .name
        .contains(&format!("({} of {}", h.failed, h.transactions)));
    // the RFQ quote the scenario filled
    let fills: u64 = h.pools.values().map(|f| f.rfq_fills).sum();
    assert_eq!(fills, 1);
    // turnover over the time-averaged inventory, where the pool held any
    assert!(r
        .kpis
        .iter()
        .any(|k| k.id == "inventory_turnover" && k.name.contains("time-averaged inventory")));
    // no LP asked to withdraw in this scenario (the history's unit tests cover that queue)
    assert!(h.withdrawals.is_empty());
    // the charts the history gives: every kind this scenario has, as SVG and PNG
    let drawn = halo_ops::chart::history_charts("t", &h, &Status::of(&s));
    let stems: Vec<&str> = drawn.iter().map(|(s, _)| s.as_str()).collect();
    for want in [
        "t-pool-usds-vs-inventory",
        "t-pool-spread",
        "t-pool-redemption-pnl",
        "t-refusals",
    ] {
        assert!(stems.contains(&want), "{stems:?}");
    }
    let dir = std::env::temp_dir().join(format!("halo-history-charts-{}", std::process::id()));
    let files = halo_ops::chart::write(&dir, &drawn).expect("charts written");
    assert_eq!(files.len(), 2 * drawn.len());
    for f in &files {
        assert!(
            std::fs::metadata(f).unwrap().len() > 1_000,
            "{}",
            f.display()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    let settlement = r
        .kpis
        .iter()
        .find(|k| k.id == "settlement_success")
        .unwrap();
    let (ok, failed) = o.settlement_success;
    assert!(
        settlement
            .name
            .contains(&format!("({ok} settled, {failed} failed)")),
        "{}",
        settlement.name
    );
    assert_eq!(settlement.bps, Some(ok * 10_000 / (ok + failed)));
    // the stress run's issuer never paid: below 99.5 %, with the seed's action
    assert_eq!(settlement.within, Some(false));
    assert!(settlement.action.unwrap().contains("seed 002"));
    let pools = s.pools.len();
    for id in [
        "position_concentration",
        "net_position",
        "inventory_turnover",
        "pnl",
        "capital_turns",
    ] {
        assert_eq!(r.kpis.iter().filter(|k| k.id == id).count(), pools, "{id}");
    }
    for k in &r.kpis {
        assert_eq!(k.within == Some(false), k.action.is_some(), "{k:?}");
    }
    // the t-bill pool's realised P&L, as the scenario read it
    let tbill = halo_sdk::fmt::signed_amount(o.tbill_realised_pnl, 6);
    assert!(
        r.kpis.iter().any(|k| k.id == "pnl" && k.value == tbill),
        "{tbill}"
    );
    let text = halo_ops::report::render(&r);
    assert!(
        text.contains("OUT settlement success rate") && text.contains("not from chain state"),
        "{text}"
    );
}

#[tokio::test]
async fn the_passthrough_halo_ends_with_every_rule_holding_and_its_queues_in_status() {
    let mut chain = Chain::new().await;
    let o = passthrough::run(&mut chain, &mut Report::quiet())
        .await
        .expect("scenario");
    let (s, r) = checked(&mut chain).await;
    assert!(r.breaks.is_empty(), "{}", check::render(&r));
    assert!(!s.finalized.is_empty());
    let st = Status::of(&s);
    let subscribe = st.units[0]
        .queues
        .iter()
        .find(|q| q.side == "subscribe")
        .expect("the subscribe queue");
    assert_eq!(subscribe.generation, o.restarted_generation);
    assert!(subscribe.finalized_generations >= 1);
    // the history: every finalized generation's time to fill, and the backlog charted
    let (s, h) = halo_ops::history::with_snapshot(&mut chain, usize::MAX)
        .await
        .expect("history");
    let filled: Vec<_> = h
        .generations
        .iter()
        .filter(|g| g.seconds.is_some())
        .collect();
    assert_eq!(filled.len(), s.finalized.len(), "{:?}", h.generations);
    assert!(filled.iter().any(|g| g.seconds.unwrap() > 0), "{filled:?}");
    let r = halo_ops::report::run(&s, Some(&h));
    assert!(r.kpis.iter().any(|k| k.id == "lcts_time_to_fill"));
    let drawn = halo_ops::chart::history_charts("p", &h, &Status::of(&s));
    let backlog = drawn
        .iter()
        .find(|(stem, _)| stem == "p-queue-backlog")
        .expect("the backlog chart");
    // its lines are named by the queue's side, as halo status names it
    assert!(backlog
        .1
        .series
        .iter()
        .any(|l| l.name.starts_with("subscribe ")));
}

#[tokio::test]
async fn the_structuring_halo_ends_with_every_rule_holding_and_its_deals_in_status() {
    let mut chain = Chain::new().await;
    let o = structuring::run(&mut chain, &mut Report::quiet())
        .await
        .expect("scenario");
    let (s, r) = checked(&mut chain).await;
    assert!(r.breaks.is_empty(), "{}", check::render(&r));
    let st = Status::of(&s);
    let f = &st.facilities[0];
    assert_eq!(f.redeem_liability, o.redeem_liability_left);
    assert_eq!(o.open_deals_left, 0);
    // the three deals (two struck in the first cycle, the amortizing loan later) all
    // ended with their NFT burned: redeemed in full, recovered, or written off and burned
    assert!(o.amortizing_nft_burned && o.written_off_nft_burned);
    assert!(f.deals.is_empty(), "{:?}", f.deals);
    assert_eq!(f.deals_closed, 3);
    assert!(f.late.is_empty() && f.defaulted.is_empty(), "{f:?}");
    assert_eq!(f.books.get("AtRest"), Some(&2));
    let text = status::render(&st);
    assert!(text.contains("closed 3;"), "{text}");
    // the history: deals owed vs funded and the PAU route the books draw through, charted
    let (s, h) = halo_ops::history::with_snapshot(&mut chain, usize::MAX)
        .await
        .expect("history");
    let (owed, funded) = h.facilities[&s.facilities[0].address.to_string()];
    assert!(owed > 0 && funded > 0 && funded <= owed, "{owed} {funded}");
    let drawn = halo_ops::chart::history_charts("s", &h, &Status::of(&s));
    let stems: Vec<&str> = drawn.iter().map(|(s, _)| s.as_str()).collect();
    assert!(
        stems.contains(&"s-deals-owed-vs-funded") && stems.contains(&"s-rate-limits"),
        "{stems:?}"
    );
}

#[tokio::test]
async fn a_corrupted_pool_and_a_drained_vault_are_each_flagged_with_their_accounts() {
    let mut chain = Chain::new().await;
    trading::run(&mut chain, &mut Report::quiet())
        .await
        .expect("scenario");
    let (s, r) = checked(&mut chain).await;
    assert!(r.breaks.is_empty());
    let pool = s
        .pools
        .iter()
        .find(|p| p.state.quote_liquidity > 0)
        .expect("a pool with USDS")
        .clone();

    // the books claim one more USDS unit than deposits and trades explain
    rewrite::<halo_trading::state::Pool>(&mut chain, &pool.address, |p| p.quote_liquidity += 1)
        .await;
    let (_, r) = checked(&mut chain).await;
    // the vault held exactly what the books said: it no longer covers them either
    assert_eq!(
        broken_ids(&r),
        vec!["trading.quote_flow", "trading.quote_vault_covers_books"],
        "{}",
        check::render(&r)
    );
    let flow = r
        .breaks
        .iter()
        .find(|b| b.id == "trading.quote_flow")
        .unwrap();
    assert_eq!(flow.accounts, vec![pool.address.to_string()]);
    assert!(
        flow.detail.contains(&format!(
            "recorded {}",
            pool.state.quote_liquidity + pool.state.claims_reserved + 1
        )),
        "{}",
        flow.detail
    );
    rewrite::<halo_trading::state::Pool>(&mut chain, &pool.address, |p| p.quote_liquidity -= 1)
        .await;
    assert!(checked(&mut chain).await.1.breaks.is_empty());

    // the quote vault loses a unit the books still count
    let vault = pool.state.quote_vault;
    let booked = pool.state.quote_liquidity + pool.state.claims_reserved;
    set_token_amount(&mut chain, &vault, booked - 1).await;
    let (_, r) = checked(&mut chain).await;
    assert_eq!(
        broken_ids(&r),
        vec!["trading.quote_vault_covers_books"],
        "{}",
        check::render(&r)
    );
    let b = r
        .breaks
        .iter()
        .find(|b| b.id == "trading.quote_vault_covers_books")
        .expect("the vault rule is broken");
    assert_eq!(
        b.accounts,
        vec![pool.address.to_string(), vault.to_string()]
    );
    assert!(
        b.detail.contains(&format!("vault holds {}", booked - 1)),
        "{}",
        b.detail
    );
    let text = check::render(&r);
    assert!(text.contains("BROKEN"), "{text}");
}

#[tokio::test]
async fn a_finalized_generation_rewritten_since_the_baseline_is_flagged() {
    let mut chain = Chain::new().await;
    passthrough::run(&mut chain, &mut Report::quiet())
        .await
        .expect("scenario");
    let (s, r) = checked(&mut chain).await;
    assert!(r.breaks.is_empty());
    // the baseline is the JSON report, read back as `halo check --baseline` reads it
    let json = serde_json::to_string(&r).expect("json");
    let baseline: Baseline = serde_json::from_str(&json).expect("baseline");
    assert_eq!(baseline.finalized.len(), s.finalized.len());
    assert!(check::run(&s, Some(&baseline)).breaks.is_empty());

    let generation = s.finalized[0].address;
    rewrite::<halo_lcts::state::FinalizedGeneration>(&mut chain, &generation, |g| {
        g.finalized_at += 1
    })
    .await;
    let s = Snapshot::take(&mut chain).await.expect("snapshot");
    let r = check::run(&s, Some(&baseline));
    assert_eq!(
        broken_ids(&r),
        vec!["lcts.finalized_unchanged"],
        "{}",
        check::render(&r)
    );
    assert_eq!(r.breaks[0].accounts, vec![generation.to_string()]);
}

#[tokio::test]
async fn an_account_no_halo_type_decodes_is_flagged() {
    let mut chain = Chain::new().await;
    configurator::run(&mut chain, &mut Report::quiet())
        .await
        .expect("scenario");
    let stray = Pubkey::new_unique();
    chain
        .set_account(
            &stray,
            RawAccount {
                lamports: 1_000_000,
                owner: halo_pau::ID,
                data: vec![7; 40],
            },
        )
        .await;
    let (_, r) = checked(&mut chain).await;
    assert_eq!(broken_ids(&r), vec!["decodes"]);
    assert_eq!(r.breaks[0].accounts, vec![stray.to_string()]);
}

/// `halo demo --charts`: the Passthrough scenario recorded through `Recorder` draws the
/// seed's queue (10M waiting, filled day by day to nothing) and the charts are SVG.
#[tokio::test]
async fn the_passthrough_queue_backlog_is_charted_as_it_fills() {
    use halo_ops::chart::{charts, Recorder};
    let mut chain = Chain::new().await;
    let mut rec = Recorder::new(&mut chain, true);
    passthrough::run(&mut rec, &mut Report::quiet())
        .await
        .expect("scenario");
    rec.sample().await;
    let samples = std::mem::take(&mut rec.samples);
    assert!(samples.len() > 10, "{}", samples.len());
    assert!(samples.windows(2).all(|w| w[0].t <= w[1].t));
    let out = charts("passthrough", &samples);
    let (_, backlog) = out
        .iter()
        .find(|(stem, _)| stem == "passthrough-queue-backlog")
        .expect("a backlog chart");
    let subscribe = backlog
        .series
        .iter()
        .find(|s| s.name.starts_with("subscribe"))
        .expect("the subscribe queue");
    let most = subscribe.points.iter().map(|p| p.1).fold(0.0, f64::max);
    assert_eq!(most, 10_000_000.0);
    assert_eq!(subscribe.points.last().unwrap().1, 0.0);
    // it steps down, never up, once it is full: the queue only fills
    let from_full = subscribe.points.iter().position(|p| p.1 == most).unwrap();
    assert!(subscribe.points[from_full..]
        .windows(2)
        .all(|w| w[1].1 <= w[0].1));
    for (_, chart) in &out {
        let svg = chart.to_svg();
        assert!(
            svg.starts_with("<svg") && svg.contains("<polyline"),
            "{}",
            chart.title
        );
    }
    // off, it records nothing
    let mut chain = Chain::new().await;
    let mut rec = Recorder::new(&mut chain, false);
    configurator::run(&mut rec, &mut Report::quiet())
        .await
        .expect("scenario");
    rec.sample().await;
    assert!(rec.samples.is_empty());
}
