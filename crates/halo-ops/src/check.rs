//! `halo check`: the conservation rules the Halo programs promise, recomputed from a
//! [`Snapshot`] alone (seed 003's lpla-checker, independent position verification).
//!
//! Each rule relates accounts to each other or to a token balance: vaults against what
//! pools, queues, books and deals say they hold; shares against the positions that hold
//! them; totals against the accounts they count; rate limits within their bounds. The
//! programs' own single-account `invariant()`s are run as well. A rule marked "at least"
//! is a bound (a donation to a vault is surplus, not a break); the others are exact.
//!
//! A break names the rule, the accounts involved and the numbers on both sides. With a
//! baseline (an earlier report), a finalized LCTS generation that changed or vanished is
//! a break too: a finalized generation never changes.
use std::collections::BTreeMap;

use anchor_lang::prelude::Pubkey;
use serde::{Deserialize, Serialize};

use crate::snapshot::Snapshot;

/// One rule and how it fared.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct RuleOutcome {
    pub id: &'static str,
    pub rule: &'static str,
    /// How many times it was evaluated (once per pool, queue, facility, ...).
    pub evaluated: u64,
    pub broken: u64,
}

/// A broken rule.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Break {
    pub id: &'static str,
    pub rule: &'static str,
    pub accounts: Vec<String>,
    /// Both sides of the rule, in base units.
    pub detail: String,
}

/// What `halo check` prints.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct CheckReport {
    pub now: i64,
    /// Halo accounts read.
    pub accounts: u64,
    pub rules: Vec<RuleOutcome>,
    pub breaks: Vec<Break>,
    /// sha256 (hex) of every finalized LCTS generation: pass this report back as a
    /// baseline to check they are unchanged.
    pub finalized: BTreeMap<String, String>,
}

/// The part of an earlier report a later check compares against.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Baseline {
    pub finalized: BTreeMap<String, String>,
}

impl Baseline {
    /// Reads a `halo check --output json` file.
    pub fn read(path: &std::path::Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("baseline {}: {e}", path.display()))?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| {
            format!(
                "baseline {} is not a `halo check --output json` report: {e}",
                path.display()
            )
        })?;
        if let Some(bad) = b.finalized.keys().find(|k| k.parse::<Pubkey>().is_err()) {
            return Err(format!(
                "baseline {}: {bad} is not an address",
                path.display()
            ));
        }
        Ok(b)
    }
}

struct Checker {
    rules: Vec<RuleOutcome>,
    breaks: Vec<Break>,
}

impl Checker {
    /// Records one evaluation of rule `id`; a break when `holds` is false.
    fn rule(
        &mut self,
        id: &'static str,
        rule: &'static str,
        holds: bool,
        accounts: &[Pubkey],
        detail: impl FnOnce() -> String,
    ) {
        let i = match self.rules.iter().position(|r| r.id == id) {
            Some(i) => i,
            None => {
                self.rules.push(RuleOutcome {
                    id,
                    rule,
                    evaluated: 0,
                    broken: 0,
                });
                self.rules.len() - 1
            }
        };
        self.rules[i].evaluated += 1;
        if !holds {
            self.rules[i].broken += 1;
            self.breaks.push(Break {
                id,
                rule,
                accounts: accounts.iter().map(|a| a.to_string()).collect(),
                detail: detail(),
            });
        }
    }

    /// A program's own `invariant()` on one account.
    fn invariant(
        &mut self,
        id: &'static str,
        rule: &'static str,
        result: anchor_lang::Result<()>,
        account: &Pubkey,
    ) {
        let err = result.err().map(|e| e.to_string());
        let holds = err.is_none();
        self.rule(id, rule, holds, &[*account], || err.unwrap_or_default());
    }

    /// `balance(vault) >= booked`, a missing vault a break.
    fn covers(
        &mut self,
        id: &'static str,
        rule: &'static str,
        balance: Option<u64>,
        booked: u128,
        accounts: &[Pubkey],
    ) {
        let holds = balance.is_some_and(|b| u128::from(b) >= booked);
        self.rule(id, rule, holds, accounts, || match balance {
            Some(b) => format!("vault holds {b}, the books say {booked}"),
            None => format!("the vault token account is missing; the books say {booked}"),
        });
    }

    /// `found == expected`; `None` on either side (amounts whose sum does not fit) is a
    /// break of its own.
    fn equal(
        &mut self,
        id: &'static str,
        rule: &'static str,
        found: Option<i128>,
        expected: Option<i128>,
        accounts: &[Pubkey],
    ) {
        let holds = found.is_some() && found == expected;
        self.rule(id, rule, holds, accounts, || match (found, expected) {
            (Some(f), Some(e)) => format!("recorded {f}, recomputed {e}"),
            _ => "the amounts involved overflow 128 bits: corrupt accounts".into(),
        });
    }
}

/// A signed sum of amounts, `None` if it does not fit an i128.
fn flow<I, T>(terms: I) -> Option<i128>
where
    I: IntoIterator<Item = (i8, T)>,
    T: TryInto<i128>,
{
    terms.into_iter().try_fold(0i128, |acc, (sign, v)| {
        let v: i128 = v.try_into().ok()?;
        if sign < 0 {
            acc.checked_sub(v)
        } else {
            acc.checked_add(v)
        }
    })
}

/// One amount as a flow term.
fn one<T: TryInto<i128>>(v: T) -> Option<i128> {
    v.try_into().ok()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads `ledger` and checks it; when that finds a break, reads and checks it again and
/// keeps only the breaks both reads show (the same rule on the same accounts). On a live
/// cluster the program accounts and the vault balances are separate reads, and a swap or
/// a claim landing between them is not a break.
pub async fn run_confirmed<L: halo_sdk::ledger::Ledger>(
    ledger: &mut L,
    baseline: Option<&Baseline>,
) -> Result<(Snapshot, CheckReport), String> {
    let first = Snapshot::take(ledger).await?;
    let report = run(&first, baseline);
    if report.breaks.is_empty() {
        return Ok((first, report));
    }
    let again = Snapshot::take(ledger).await?;
    let mut second = run(&again, baseline);
    let seen: Vec<(&str, &Vec<String>)> =
        report.breaks.iter().map(|b| (b.id, &b.accounts)).collect();
    second
        .breaks
        .retain(|b| seen.contains(&(b.id, &b.accounts)));
    for r in &mut second.rules {
        r.broken = second.breaks.iter().filter(|b| b.id == r.id).count() as u64;
    }
    Ok((again, second))
}

/// Every rule over `s`; with `baseline`, finalized generations compared with it.
pub fn run(s: &Snapshot, baseline: Option<&Baseline>) -> CheckReport {
    let mut c = Checker {
        rules: Vec::new(),
        breaks: Vec::new(),
    };
    for u in &s.undecodable {
        c.rule(
            "decodes",
            "every account a Halo program owns decodes as one of its types",
            false,
            &[u.address],
            || format!("owned by {}: {}", u.program, u.why),
        );
    }
    pau(s, &mut c);
    trading(s, &mut c);
    lcts(s, &mut c);
    nfat(s, &mut c);
    let finalized: BTreeMap<String, String> = s
        .finalized_hashes
        .iter()
        .map(|(k, h)| (k.to_string(), hex(h)))
        .collect();
    if let Some(b) = baseline {
        for (address, before) in &b.finalized {
            let now = finalized.get(address);
            // Baseline::read refused a baseline with an address that does not parse
            let key: Pubkey = address.parse().unwrap_or_default();
            c.rule(
                "lcts.finalized_unchanged",
                "a finalized generation is unchanged since the baseline",
                now == Some(before),
                &[key],
                || match now {
                    Some(h) => format!("sha256 was {before}, is {h}"),
                    None => format!("sha256 was {before}; the account is gone"),
                },
            );
        }
    }
    let accounts = [
        s.configurators.len(),
        s.controllers.len(),
        s.rate_limits.len(),
        s.integrations.len(),
        s.ops.len(),
        s.feeds.len(),
        s.trading_classes.len(),
        s.pools.len(),
        s.lp_positions.len(),
        s.redemptions.len(),
        s.withdraw_generations.len(),
        s.lcts_classes.len(),
        s.units.len(),
        s.queues.len(),
        s.positions.len(),
        s.finalized.len(),
        s.facilities.len(),
        s.books.len(),
        s.deals.len(),
        s.queue_deposits.len(),
        s.undecodable.len(),
    ]
    .iter()
    .sum::<usize>() as u64
        + s.others.values().sum::<u64>();
    CheckReport {
        now: s.now,
        accounts,
        rules: c.rules,
        breaks: c.breaks,
        finalized,
    }
}

fn pau(s: &Snapshot, c: &mut Checker) {
    for cfg in &s.configurators {
        c.invariant(
            "pau.configurator.invariant",
            "halo_pau Configurator::invariant",
            cfg.state.invariant(),
            &cfg.address,
        );
        let ops = s
            .ops
            .iter()
            .filter(|o| o.state.configurator == cfg.address)
            .count();
        c.equal(
            "pau.ops_counted",
            "a configurator's next_op_id counts its timelock operations (never closed)",
            Some(i128::from(cfg.state.next_op_id)),
            Some(ops as i128),
            &[cfg.address],
        );
    }
    for ctl in &s.controllers {
        c.invariant(
            "pau.controller.invariant",
            "halo_pau Controller::invariant",
            ctl.state.invariant(),
            &ctl.address,
        );
        let known = s
            .configurators
            .iter()
            .any(|x| x.address == ctl.state.configurator);
        c.rule(
            "pau.controller_has_configurator",
            "every PAU belongs to an existing configurator",
            known,
            &[ctl.address, ctl.state.configurator],
            || "its configurator account does not exist".into(),
        );
    }
    for rl in &s.rate_limits {
        let l = &rl.state.limit;
        c.rule(
            "pau.rate_limit_within_max",
            "a route's bucket holds at most its max (unless unlimited)",
            l.is_unlimited() || l.last_amount <= l.max_amount,
            &[rl.address],
            || {
                format!(
                    "last_amount {} > max_amount {}",
                    l.last_amount, l.max_amount
                )
            },
        );
        c.invariant(
            "pau.rate_limit.invariant",
            "halo_pau RateLimit::invariant",
            rl.state.invariant(),
            &rl.address,
        );
        let known = s
            .controllers
            .iter()
            .any(|x| x.address == rl.state.controller);
        c.rule(
            "pau.rate_limit_has_pau",
            "every route belongs to an existing PAU",
            known,
            &[rl.address, rl.state.controller],
            || "its PAU (controller) does not exist".into(),
        );
    }
    for i in &s.integrations {
        c.invariant(
            "pau.integration.invariant",
            "halo_pau Integration::invariant",
            i.state.invariant(),
            &i.address,
        );
    }
    for f in &s.feeds {
        c.invariant(
            "oracle.feed.invariant",
            "halo_oracle Feed::invariant",
            f.state.invariant(),
            &f.address,
        );
    }
}

fn trading(s: &Snapshot, c: &mut Checker) {
    use halo_trading::state::RedemptionStatus;
    for p in &s.pools {
        let st = &p.state;
        let a = p.address;
        c.invariant(
            "trading.pool.invariant",
            "halo_trading Pool::invariant",
            st.invariant(),
            &a,
        );
        c.covers(
            "trading.quote_vault_covers_books",
            "a pool's quote vault holds at least its free USDS plus the USDS reserved for claims",
            s.balance(&st.quote_vault),
            u128::from(st.quote_liquidity) + u128::from(st.claims_reserved),
            &[a, st.quote_vault],
        );
        c.covers(
            "trading.asset_vault_covers_inventory",
            "a pool's asset vault holds at least its booked inventory",
            s.balance(&st.asset_vault),
            u128::from(st.inventory),
            &[a, st.asset_vault],
        );
        let positions: Vec<_> = s
            .lp_positions
            .iter()
            .filter(|x| x.state.pool == a)
            .collect();
        let free: i128 = positions.iter().map(|x| i128::from(x.state.shares)).sum();
        c.equal(
            "trading.shares_held",
            "a pool's shares = the positions' free shares + the queued shares + the dead shares",
            Some(i128::from(st.total_shares)),
            Some(free + i128::from(st.queued_shares) + i128::from(st.dead_shares)),
            &[a],
        );
        let gens: Vec<_> = s
            .withdraw_generations
            .iter()
            .filter(|g| g.state.pool == a)
            .collect();
        let unfilled: i128 = gens
            .iter()
            .map(|g| i128::from(g.state.requested) - i128::from(g.state.filled))
            .sum();
        c.equal(
            "trading.queued_shares",
            "a pool's queued shares = what its withdrawal generations requested and have not filled",
            Some(i128::from(st.queued_shares)),
            Some(unfilled),
            &[a]);
        let reds: Vec<_> = s.redemptions.iter().filter(|r| r.state.pool == a).collect();
        let pending = |f: fn(&halo_trading::state::Redemption) -> u64| -> i128 {
            reds.iter()
                .filter(|r| r.state.status == RedemptionStatus::Pending)
                .map(|r| i128::from(f(&r.state)))
                .sum()
        };
        c.equal(
            "trading.pending_asset",
            "a pool's asset out for redemption = the amounts of its pending redemptions",
            Some(i128::from(st.pending_asset)),
            Some(pending(|r| r.amount)),
            &[a],
        );
        c.equal(
            "trading.pending_expected",
            "a pool's expected USDS = what its pending redemptions expect",
            Some(i128::from(st.pending_expected)),
            Some(pending(|r| r.expected_quote)),
            &[a],
        );
        let sent = reds.iter().map(|r| (-1i8, r.state.amount));
        let inventory = flow(
            [(1i8, st.bought_asset), (-1, st.sold_asset)]
                .into_iter()
                .chain(sent.map(|(k, v)| (k, u128::from(v)))),
        );
        c.equal(
            "trading.asset_flow",
            "a pool's inventory = asset bought - asset sold - asset sent for redemption",
            one(st.inventory),
            inventory,
            &[a],
        );
        let quote = flow(
            positions
                .iter()
                .flat_map(|x| {
                    [
                        (1i8, x.state.total_deposited),
                        (-1, x.state.total_withdrawn),
                    ]
                })
                .chain([(1, st.sold_quote), (-1, st.bought_quote)])
                .chain(reds.iter().map(|r| (1, u128::from(r.state.received)))),
        );
        c.equal(
            "trading.quote_flow",
            "a pool's booked USDS = deposits - withdrawals + USDS from sales - USDS paid for buys + USDS from redemptions",
            flow([(1i8, st.quote_liquidity), (1, st.claims_reserved)]),
            quote,
            &[a],
        );
        for r in &reds {
            c.invariant(
                "trading.redemption.invariant",
                "halo_trading Redemption::invariant",
                r.state.invariant(),
                &r.address,
            );
        }
        for g in &gens {
            c.invariant(
                "trading.withdraw_generation.invariant",
                "halo_trading WithdrawGeneration::invariant",
                g.state.invariant(),
                &g.address,
            );
        }
        for x in &positions {
            c.invariant(
                "trading.lp_position.invariant",
                "halo_trading LpPosition::invariant",
                x.state.invariant(),
                &x.address,
            );
        }
    }
}

fn lcts(s: &Snapshot, c: &mut Checker) {
    use halo_lcts::state::QueueStatus;
    for u in &s.units {
        c.invariant(
            "lcts.unit.invariant",
            "halo_lcts LctsUnit::invariant",
            u.state.invariant(),
            &u.address,
        );
    }
    for q in &s.queues {
        let st = &q.state;
        let a = q.address;
        let under = s.balance(&st.underlying_vault);
        let reward = s.balance(&st.reward_vault);
        c.invariant(
            "lcts.queue.invariant",
            "halo_lcts Queue::invariant (with its vaults' balances)",
            st.invariant(under, reward),
            &a,
        );
        c.covers(
            "lcts.underlying_vault_covers_backlog",
            "a queue's underlying vault holds at least what waits to be converted",
            under,
            u128::from(st.total_underlying),
            &[a, st.underlying_vault],
        );
        c.equal(
            "lcts.underlying_flow",
            "a queue's backlog = underlying in - underlying out - converted",
            Some(i128::from(st.total_underlying)),
            Some(
                i128::from(st.underlying_in)
                    - i128::from(st.underlying_out)
                    - i128::from(st.converted),
            ),
            &[a],
        );
        c.covers(
            "lcts.reward_vault_covers_rewards",
            "a queue's reward vault holds at least the rewards received and not yet paid",
            reward,
            u128::from(st.reward_in.saturating_sub(st.reward_out)),
            &[a, st.reward_vault],
        );
        let current: Vec<_> = s
            .positions
            .iter()
            .filter(|p| p.state.queue == a && p.state.gen_id == st.gen_id)
            .collect();
        let shares = current
            .iter()
            .try_fold(0u128, |acc, p| acc.checked_add(p.state.shares));
        c.rule(
            "lcts.generation_shares",
            "a queue's current shares = the shares of the positions in its current generation",
            shares == Some(st.total_shares),
            &[a],
            || match shares {
                Some(held) => format!("queue says {}, positions hold {held}", st.total_shares),
                None => "the positions' shares overflow 128 bits: corrupt accounts".into(),
            },
        );
        c.equal(
            "lcts.generation_positions",
            "a queue counts the positions in its current generation",
            Some(i128::from(st.positions)),
            Some(current.len() as i128),
            &[a],
        );
        if st.status == QueueStatus::Dormant {
            c.rule(
                "lcts.dormant_is_empty",
                "a dormant queue holds no shares, no backlog and no positions",
                st.total_shares == 0 && st.total_underlying == 0 && st.positions == 0,
                &[a],
                || {
                    format!(
                        "shares {}, backlog {}, positions {}",
                        st.total_shares, st.total_underlying, st.positions
                    )
                },
            );
        }
        let finalized = s.finalized.iter().filter(|f| f.state.queue == a).count();
        c.equal(
            "lcts.finalized_generations",
            "every generation before the current one has its finalized record",
            Some(finalized as i128),
            Some(i128::from(st.gen_id)),
            &[a],
        );
        for p in s.positions.iter().filter(|p| p.state.queue == a) {
            let rps = if p.state.gen_id == st.gen_id {
                Some(st.reward_per_share)
            } else {
                s.finalized
                    .iter()
                    .find(|f| f.state.queue == a && f.state.gen_id == p.state.gen_id)
                    .map(|f| f.state.final_reward_per_share)
            };
            match rps {
                Some(rps) => c.invariant(
                    "lcts.position.invariant",
                    "halo_lcts Position::invariant (against its generation's reward per share)",
                    p.state.invariant(rps),
                    &p.address,
                ),
                None => c.rule(
                    "lcts.position_generation_exists",
                    "a position is in the current generation or a finalized one",
                    false,
                    &[p.address, a],
                    || format!("generation {} is neither", p.state.gen_id),
                ),
            }
        }
    }
}

fn nfat(s: &Snapshot, c: &mut Checker) {
    use halo_nfat::state::DealStatus;
    for f in &s.facilities {
        let st = &f.state;
        let a = f.address;
        let queue_vault = s.balance(&st.queue_vault);
        let redeem_vault = s.balance(&st.redeem_vault);
        c.invariant(
            "nfat.facility.invariant",
            "halo_nfat Facility::invariant (with its vaults' balances)",
            st.invariant(queue_vault, redeem_vault),
            &a,
        );
        c.covers(
            "nfat.queue_vault_covers_queue",
            "a facility's queue vault holds at least the Primes' queued capital",
            queue_vault,
            u128::from(st.queue.total_underlying),
            &[a, st.queue_vault],
        );
        let deposits: Vec<_> = s
            .queue_deposits
            .iter()
            .filter(|d| d.state.facility == a)
            .collect();
        c.equal(
            "nfat.queue_shares",
            "a facility's queue shares = the Primes' deposit shares",
            Some(i128::from(st.queue.total_shares)),
            Some(deposits.iter().map(|d| i128::from(d.state.shares)).sum()),
            &[a],
        );
        c.equal(
            "nfat.queue_flow",
            "a facility's queued capital = deposits - withdrawals - claims by strikes",
            Some(i128::from(st.queue.total_underlying)),
            Some(
                deposits
                    .iter()
                    .map(|d| {
                        i128::from(d.state.deposited_total)
                            - i128::from(d.state.withdrawn_total)
                            - i128::from(d.state.claimed_total)
                    })
                    .sum(),
            ),
            &[a],
        );
        for d in &deposits {
            c.invariant(
                "nfat.queue_deposit.invariant",
                "halo_nfat QueueDeposit::invariant",
                d.state.invariant(&st.queue),
                &d.address,
            );
        }
        let books: Vec<_> = s.books.iter().filter(|b| b.state.facility == a).collect();
        for b in &books {
            let bs = &b.state;
            let vault = s.balance(&bs.vault);
            c.invariant(
                "nfat.book.invariant",
                "halo_nfat Book::invariant (with its vault's balance)",
                bs.invariant(vault),
                &b.address,
            );
            c.covers(
                "nfat.book_vault_covers_book",
                "a book's vault holds at least what was claimed in and neither deployed nor released",
                vault,
                u128::from(bs.claimed_in)
                    .saturating_sub(u128::from(bs.deployed))
                    .saturating_sub(u128::from(bs.released)),
                &[b.address, bs.vault],
            );
        }
        c.equal(
            "nfat.claims_into_books",
            "what the books claimed in = what the Primes' deposits were claimed",
            Some(books.iter().map(|b| i128::from(b.state.claimed_in)).sum()),
            Some(
                deposits
                    .iter()
                    .map(|d| i128::from(d.state.claimed_total))
                    .sum(),
            ),
            &[a],
        );
        c.equal(
            "nfat.deals_struck",
            "a facility's next deal id = the deals its books struck",
            Some(i128::from(st.next_deal_id)),
            Some(books.iter().map(|b| i128::from(b.state.deals)).sum()),
            &[a],
        );
        let deals: Vec<_> = s.deals.iter().filter(|d| d.state.facility == a).collect();
        for d in &deals {
            c.invariant(
                "nfat.deal.invariant",
                "halo_nfat Deal::invariant (its ledger against its terms)",
                d.state.invariant(),
                &d.address,
            );
        }
        let unallocated: i128 = books
            .iter()
            .map(|b| {
                i128::from(b.state.returned) + i128::from(b.state.released)
                    - i128::from(b.state.allocated)
            })
            .sum();
        let unclaimed: i128 = deals
            .iter()
            .map(|d| {
                let l = &d.state.ledger;
                i128::from(l.funded.total().unwrap_or(u64::MAX))
                    - i128::from(l.claimed.total().unwrap_or(0))
            })
            .sum();
        c.equal(
            "nfat.redeem_liability",
            "a facility's redeem liability = the books' unallocated returns + the deals' funded and unclaimed amounts",
            Some(i128::from(st.deals.redeem_liability)),
            Some(unallocated + unclaimed),
            &[a]);
        c.covers(
            "nfat.redeem_vault_covers_liability",
            "a facility's redeem vault holds at least its redeem liability",
            redeem_vault,
            u128::from(st.deals.redeem_liability),
            &[a, st.redeem_vault],
        );
        let open = deals
            .iter()
            .filter(|d| d.state.status != DealStatus::WrittenOff)
            .count();
        let defaulted = deals
            .iter()
            .filter(|d| d.state.status == DealStatus::Defaulted)
            .count();
        c.equal(
            "nfat.open_deals",
            "a facility counts its open deals (active or defaulted)",
            Some(i128::from(st.deals.open)),
            Some(open as i128),
            &[a],
        );
        c.equal(
            "nfat.defaulted_deals",
            "a facility counts its defaulted deals",
            Some(i128::from(st.deals.defaulted)),
            Some(defaulted as i128),
            &[a],
        );
        c.equal(
            "nfat.principal_outstanding",
            "a facility's principal outstanding = that of its deals not written off",
            Some(i128::from(st.deals.principal_outstanding)),
            Some(
                deals
                    .iter()
                    .filter(|d| d.state.status != DealStatus::WrittenOff)
                    .map(|d| i128::from(d.state.ledger.principal_outstanding))
                    .sum(),
            ),
            &[a],
        );
    }
}

/// The report for people.
pub fn render(r: &CheckReport) -> String {
    let mut o = String::new();
    let evaluated: u64 = r.rules.iter().map(|x| x.evaluated).sum();
    o.push_str(&format!(
        "checked {} Halo accounts at chain time {}: {} rules, {} evaluations\n",
        r.accounts,
        r.now,
        r.rules.len(),
        evaluated
    ));
    for x in &r.rules {
        o.push_str(&format!(
            "  {:<4} {:<42} {:>4}×  {}\n",
            if x.broken == 0 { "ok" } else { "FAIL" },
            x.id,
            x.evaluated,
            x.rule
        ));
    }
    if r.breaks.is_empty() {
        o.push_str("every rule holds\n");
    } else {
        o.push_str(&format!("{} BROKEN:\n", r.breaks.len()));
        for b in &r.breaks {
            o.push_str(&format!(
                "  {}: {}\n    {}\n    accounts: {}\n",
                b.id,
                b.rule,
                b.detail,
                b.accounts.join(", ")
            ));
        }
    }
    o
}
