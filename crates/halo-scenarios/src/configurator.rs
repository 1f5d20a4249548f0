//! Seed 001 ("Capital Allocation Infrastructure"): a PAU governed by the configurator.
//! Register a PAU through the timelock, approve a route, grant GovOps, set limits; the
//! relayer moves USDS until the rate limit refuses; time refills it; a SORL-bounded
//! increase, a refused second increase; the freezer halts everything.
use anchor_lang::prelude::Pubkey;
use halo_pau::{constants::*, state::*};
use halo_sdk::ledger::{Keypair, Ledger, MintKind, Refusal, Signer};
use halo_sdk::{keys, pau as ix, pau::Route, pda};

use crate::report::{amount, duration, Report};

const DECIMALS: u8 = 6;
const USDS: u64 = 1_000_000;
/// Route size: 1,000,000 USDS, refilling fully in one day.
const MAX: u64 = 1_000_000 * USDS;
const SLOPE: u64 = MAX / 86_400;

/// What the scenario observed, for the tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub moved_before_refusal: u64,
    pub available_at_refusal: u64,
    pub available_after_refill: u64,
    pub max_after_sorl_increase: u64,
    pub refusals: Vec<String>,
    pub custody_end: u64,
    pub counterparty_end: u64,
}

fn fmt(v: u64) -> String {
    format!("{} USDS", amount(v, DECIMALS))
}

async fn show_limit<L: Ledger>(chain: &mut L, r: &mut Report, route: &Route) -> RateLimit {
    let now = chain.now().await;
    let rl: RateLimit = chain
        .account(&pda::rate_limit(&route.controller, &route.key))
        .await;
    let avail = halo_math::RateLimitState {
        max_amount: rl.limit.max_amount,
        slope: rl.limit.slope,
        last_amount: rl.limit.last_amount,
        last_updated: rl.limit.last_updated,
    }
    .available(now);
    r.detail(format!(
        "rate limit: max {} | slope {}/s | available now {}",
        fmt(rl.limit.max_amount),
        amount(rl.limit.slope, DECIMALS),
        fmt(avail)
    ));
    rl
}

fn refused(r: &mut Report, o: &mut Outcome, what: &str, f: Refusal) {
    let reason = f.reason();
    r.detail(format!("REFUSED ({what}): {reason}"));
    o.refusals.push(reason);
}

/// Runs the scenario. Errors are unexpected outcomes (a step that should pass failed, or a
/// refusal that should happen did not).
/// `chain` must have `halo_pau` and the SPL programs loaded and no configurator yet.
pub async fn run<L: Ledger>(chain: &mut L, r: &mut Report) -> Result<Outcome, String> {
    let mut o = Outcome::default();
    let mut n = 0u32;
    r.heading("Configurator and PAU (seed 001: Capital Allocation Infrastructure)");

    let council = chain.funded_keypair(10_000_000_000).await;
    let govops = chain.funded_keypair(10_000_000_000).await;
    let relayer = chain.funded_keypair(1_000_000_000).await;
    let freezer = chain.funded_keypair(1_000_000_000).await;
    let payer = chain.payer_key();
    let c_key = council.pubkey();

    // the deployer (payer) is the program's upgrade authority and must sign
    halo_harness::pau::install_program_data(chain, &halo_pau::ID, &payer).await;
    chain
        .must(
            &[ix::initialize_configurator(
                &payer,
                &payer,
                ix::InitializeConfiguratorArgs {
                    admin: c_key,
                    timelock_delay_s: DEFAULT_TIMELOCK_DELAY_S,
                    sorl_hop_s: DEFAULT_SORL_HOP_S,
                    sorl_max_change_bps: DEFAULT_SORL_MAX_CHANGE_BPS,
                },
            )],
            &[],
        )
        .await;
    r.step(&mut n, "Configurator initialised; admin = Core Council");
    r.detail(format!(
        "timelock {} | SORL hop {} | SORL max change +{}%",
        duration(DEFAULT_TIMELOCK_DELAY_S),
        duration(DEFAULT_SORL_HOP_S),
        DEFAULT_SORL_MAX_CHANGE_BPS / 100
    ));

    // USDS, the PAU's controller and custody
    let usds = chain.create_mint(MintKind::SplToken, DECIMALS).await;
    let token_program = MintKind::SplToken.token_program();
    let configurator = pda::configurator();
    let controller = pda::controller(&configurator, 1);
    let proxy = pda::proxy(&controller);
    chain
        .must(&[ix::initialize_controller(&c_key, 1)], &[&council])
        .await;
    let custody = chain.create_ata(&proxy, &usds, &token_program).await;
    chain
        .mint_to(&usds, &token_program, &custody, 5_000_000 * USDS)
        .await;
    r.step(
        &mut n,
        "PAU #1 created (inert until registered); its ALM proxy holds custody",
    );
    r.detail(format!("controller {controller}"));
    r.detail(format!(
        "ALM proxy  {proxy}, custody {}",
        fmt(chain.balance(&custody).await)
    ));

    // additions through the timelock
    let counterparty_owner = Keypair::new().pubkey();
    let counterparty = chain
        .create_ata(&counterparty_owner, &usds, &token_program)
        .await;
    let key = keys::rate_limit_key(keys::tags::TRANSFER, &usds, &counterparty);
    let route = Route {
        controller,
        key,
        mint: usds,
        token_program,
        custody,
        counterparty,
    };
    let actions = [
        TimelockAction::RegisterPau { controller },
        TimelockAction::GrantGovOps {
            controller,
            member: govops.pubkey(),
        },
        TimelockAction::AddInitRateLimit {
            key,
            pau: Pubkey::default(),
            max_amount: MAX,
            slope: SLOPE,
        },
    ];
    let scheduled_at = chain.now().await;
    let mut ids = Vec::new();
    for (id, a) in actions.iter().enumerate() {
        chain
            .must(&[ix::schedule_op(&c_key, id as u64, *a)], &[&council])
            .await;
        ids.push(id as u64);
    }
    r.step(
        &mut n,
        "Council schedules: register PAU #1, grant GovOps, approve the USDS transfer route",
    );
    r.detail(format!(
        "route init: max {} | slope {}/s (refills in 1d) | key {}",
        fmt(MAX),
        amount(SLOPE, DECIMALS),
        hex(&key)
    ));
    match chain
        .send(
            &[ix::execute_register_pau(&payer, ids[0], &controller)],
            &[],
        )
        .await
    {
        Err(f) => refused(r, &mut o, "execute before the timelock", f),
        Ok(_) => return Err("registration executed before the timelock".into()),
    }
    chain
        .set_time(scheduled_at + DEFAULT_TIMELOCK_DELAY_S)
        .await;
    chain
        .must(
            &[
                ix::execute_register_pau(&payer, ids[0], &controller),
                ix::execute_grant_govops(&payer, ids[1], &controller, govops.pubkey()),
                ix::execute_add_init_rate_limit(&payer, ids[2], key, Pubkey::default()),
            ],
            &[],
        )
        .await;
    r.step(
        &mut n,
        "14 days later: anyone executes the three operations",
    );

    let g = govops.pubkey();
    chain
        .must(
            &[
                ix::set_relayer(&g, &controller, relayer.pubkey()),
                ix::set_freezer(&g, &controller, freezer.pubkey()),
                ix::create_rate_limit(
                    &g,
                    &controller,
                    &usds,
                    ix::CreateRateLimitArgs {
                        key,
                        tag: keys::tags::TRANSFER.to_vec(),
                        counterparty,
                        max_amount: MAX,
                        slope: SLOPE,
                    },
                ),
            ],
            &[&govops],
        )
        .await;
    r.step(
        &mut n,
        "GovOps sets relayer and freezer, opens the route at the init's bounds",
    );
    let opened_at = chain.now().await;
    show_limit(chain, r, &route).await;

    // relayer moves until refused
    for _ in 0..2 {
        chain
            .must(
                &[ix::transfer(&relayer.pubkey(), &route, 400_000 * USDS)],
                &[&relayer],
            )
            .await;
        o.moved_before_refusal += 400_000 * USDS;
        r.step(&mut n, format!("Relayer transfers {}", fmt(400_000 * USDS)));
        show_limit(chain, r, &route).await;
    }
    r.step(&mut n, format!("Relayer tries {}", fmt(400_000 * USDS)));
    match chain
        .send(
            &[ix::transfer(&relayer.pubkey(), &route, 400_000 * USDS)],
            &[&relayer],
        )
        .await
    {
        Err(f) => refused(r, &mut o, "beyond the limit", f),
        Ok(_) => return Err("transfer beyond the rate limit succeeded".into()),
    }
    let rl = show_limit(chain, r, &route).await;
    o.available_at_refusal = rl.limit.last_amount;

    chain.set_time(opened_at + 12 * 3_600).await;
    r.step(&mut n, "12 hours pass: the limit refills at the slope");
    let now = chain.now().await;
    let rl = show_limit(chain, r, &route).await;
    o.available_after_refill = halo_math::RateLimitState {
        max_amount: rl.limit.max_amount,
        slope: rl.limit.slope,
        last_amount: rl.limit.last_amount,
        last_updated: rl.limit.last_updated,
    }
    .available(now);
    chain
        .must(
            &[ix::transfer(&relayer.pubkey(), &route, 300_000 * USDS)],
            &[&relayer],
        )
        .await;
    r.step(&mut n, format!("Relayer transfers {}", fmt(300_000 * USDS)));
    show_limit(chain, r, &route).await;

    // SORL
    let raise = |max: u64| ix::set_rate_limit(&g, &controller, &key, max, SLOPE);
    r.step(
        &mut n,
        "GovOps asks for +25% only 12h after opening the route",
    );
    match chain.send(&[raise(MAX / 4 * 5)], &[&govops]).await {
        Err(f) => refused(r, &mut o, "inside the SORL hop", f),
        Ok(_) => return Err("increase inside the hop succeeded".into()),
    }
    chain.set_time(opened_at + DEFAULT_SORL_HOP_S).await;
    r.step(
        &mut n,
        "18h after opening, GovOps asks for +25% and 1 base unit",
    );
    match chain.send(&[raise(MAX / 4 * 5 + 1)], &[&govops]).await {
        Err(f) => refused(r, &mut o, "above +25%", f),
        Ok(_) => return Err("increase above 25% succeeded".into()),
    }
    chain.must(&[raise(MAX / 4 * 5)], &[&govops]).await;
    r.step(
        &mut n,
        "GovOps raises max by exactly +25%: accepted (the consumed gap is kept)",
    );
    let rl = show_limit(chain, r, &route).await;
    o.max_after_sorl_increase = rl.limit.max_amount;
    r.step(
        &mut n,
        "GovOps tries a second small increase in the same hop",
    );
    match chain.send(&[raise(MAX / 4 * 5 + 1)], &[&govops]).await {
        Err(f) => refused(r, &mut o, "second increase inside one hop", f),
        Ok(_) => return Err("second increase inside one hop succeeded".into()),
    }

    // freezer
    let f = freezer.pubkey();
    chain
        .must(
            &[
                ix::freeze(&f, &controller),
                ix::remove_relayer(&f, &controller),
                ix::cut_rate_limit(&f, &controller, &key, 0, 0),
            ],
            &[&freezer],
        )
        .await;
    r.step(
        &mut n,
        "Freezer: freeze PAU #1, remove the relayer, cut the route to zero (one transaction)",
    );
    show_limit(chain, r, &route).await;
    match chain
        .send(
            &[ix::transfer(&relayer.pubkey(), &route, USDS)],
            &[&relayer],
        )
        .await
    {
        Err(fl) => refused(r, &mut o, "relayer after the freeze", fl),
        Ok(_) => return Err("transfer after the freeze succeeded".into()),
    }
    o.custody_end = chain.balance(&custody).await;
    o.counterparty_end = chain.balance(&counterparty).await;
    r.line("");
    r.line(format!(
        "custody {} | counterparty {} | moved {}",
        fmt(o.custody_end),
        fmt(o.counterparty_end),
        fmt(5_000_000 * USDS - o.custody_end)
    ));
    Ok(o)
}

fn hex(b: &[u8]) -> String {
    let s: String = b.iter().take(6).map(|x| format!("{x:02x}")).collect();
    format!("{s}…")
}

/// The numbers the seed story must produce, on every ledger.
pub fn verify(o: &Outcome) -> Result<(), String> {
    fn check<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
        if got == want {
            Ok(())
        } else {
            Err(format!("{what}: got {got:?}, expected {want:?}"))
        }
    }
    check(
        "moved before the refusal",
        o.moved_before_refusal,
        800_000 * USDS,
    )?;
    check(
        "available at the refusal",
        o.available_at_refusal,
        200_000 * USDS,
    )?;
    // 12 h at floor(1,000,000 USDS / 86,400 s) = 11,574,074 base units per second
    check(
        "available after 12 h",
        o.available_after_refill,
        200_000 * USDS + 43_200 * SLOPE,
    )?;
    check(
        "max after the SORL increase",
        o.max_after_sorl_increase,
        1_250_000 * USDS,
    )?;
    let codes: Vec<&str> = o
        .refusals
        .iter()
        .map(|s| s.split(':').next().unwrap_or(""))
        .collect();
    check(
        "refusals",
        codes,
        vec![
            "TimelockNotElapsed",
            "RateLimitExceeded",
            "SorlHopNotElapsed",
            "SorlMaxAmountIncreaseTooLarge",
            "SorlHopNotElapsed",
            "NotRelayer",
        ],
    )?;
    check(
        "counterparty at the end",
        o.counterparty_end,
        1_100_000 * USDS,
    )?;
    check("custody at the end", o.custody_end, 3_900_000 * USDS)?;
    Ok(())
}
