//! **lpha-lcts**, the Passthrough Halo's beacon. Each cycle:
//! 1. exchange rate: once an epoch has passed since the last update, refresh it from the
//!    external NAV input, clamped to governance's per-update bounds (the program would
//!    refuse a larger move; the clamp is reported);
//! 2. lock: each ACTIVE queue not yet settled in this lock window, while the window is
//!    open and its side is not paused;
//! 3. settle: both queues locked → `settle_pair` (netting first, then the capacities);
//!    one locked → `settle`. Capacities come from the external inputs (what the strategy
//!    can absorb, what the asset manager returns), bounded by the PAU routes' available
//!    amounts and custody, with room for the dust a settlement may add. A stale rate
//!    stops settlement (reported) until refreshed.
//!
//! Planning is pure and idempotent: it derives everything from chain state (a queue
//! settled in this window is not locked again), so a second cycle in the same window does
//! nothing, and a refused transaction is simply re-planned next cycle. Its key is the
//! unit's `beacon`: it cannot change parameters, roles, pauses or move capital outside
//! the PAU's rate limits (the program refuses it; see tests/tests/lcts/beacon.rs).
use halo_math::lcts::{rate_is_stale, shares_for_usds, usds_for_shares};
use halo_math::{mul_div, Rounding};
use halo_sdk::lcts::{self as tx, LctsUnit, Queue, QueueSide, QueueStatus, UnitRef};
use halo_sdk::ledger::{Keypair, Ledger, Refusal, Signer};
use halo_sdk::Instruction;

/// What the beacon reads before planning.
#[derive(Clone, Debug)]
pub struct Observed {
    pub now: i64,
    pub unit: LctsUnit,
    pub subscribe: Queue,
    pub redeem: Queue,
    /// precision: USDS base units the deploy / return routes can move now.
    pub deploy_available: u64,
    pub return_available: u64,
    /// precision: USDS base units in PAU custody (what redemptions are paid from).
    pub custody_balance: u64,
}

/// External inputs for this epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct External {
    /// precision: WAD; the unit's NAV per share from the strategy's report.
    pub nav_rate_wad: Option<u128>,
    /// precision: USDS base units the strategy can absorb this epoch.
    pub subscribe_capacity: u64,
    /// precision: USDS base units the asset manager returns this epoch.
    pub redeem_capacity: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    UpdateRate {
        rate_wad: u128,
    },
    Lock {
        side: QueueSide,
    },
    /// Capacities in USDS (subscribe) and shares (redeem).
    SettlePair {
        gens: (u64, u64),
        subscribe: u64,
        redeem: u64,
    },
    Settle {
        side: QueueSide,
        gen: u64,
        capacity: u64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// The NAV input moved more than one update may: `applied` is the bound.
    RateClamped {
        wanted: u128,
        applied: u128,
    },
    /// The rate is older than an epoch and there is no input to refresh it: settlement waits.
    RateStale,
    Paused {
        side: QueueSide,
    },
    LockWindowClosed {
        next_lock_at: i64,
    },
    /// The PAU route (or custody) gives less than the external capacity.
    CapacityLimited {
        side: QueueSide,
        wanted: u64,
        applied: u64,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub actions: Vec<Action>,
    pub notes: Vec<Note>,
}

/// The rate the program would accept from `old` at most once per epoch, closest to
/// `wanted`: within `max_up_bps` up (rounded down) and `max_down_bps` down (rounded up).
pub fn clamp_rate(old: u128, wanted: u128, up_bps: u16, down_bps: u16) -> u128 {
    let bps = |v: u16, r| mul_div(old, u128::from(v), 10_000, r).unwrap_or(0);
    let ceiling = old.saturating_add(bps(up_bps, Rounding::Down));
    let floor = old.saturating_sub(bps(down_bps, Rounding::Up)).max(1);
    wanted.clamp(floor, ceiling)
}

/// Start of the lock window of the epoch containing `now` (the window may be closed).
fn window_start(u: &LctsUnit, now: i64) -> i64 {
    let epoch = u.params.epoch_s.max(1);
    now - now.rem_euclid(epoch) + u.params.lock_offset_s
}

fn window_open(u: &LctsUnit, now: i64) -> bool {
    let into = now.rem_euclid(u.params.epoch_s.max(1));
    into >= u.params.lock_offset_s && into < u.params.lock_offset_s + u.params.lock_window_s
}

fn paused(u: &LctsUnit, side: QueueSide) -> bool {
    let flag = match side {
        QueueSide::Subscribe => tx::PAUSE_SUBSCRIBE,
        QueueSide::Redeem => tx::PAUSE_REDEEM,
    };
    u.paused & (tx::PAUSE_UNIT | flag) != 0
}

/// The pure planning function.
pub fn plan(o: &Observed, ext: &External) -> Plan {
    let mut out = Plan::default();
    let u = &o.unit;
    let p = &u.params;

    // 1. the exchange rate
    let (mut rate, mut rate_at) = (u.rate_wad, u.rate_updated_at);
    if let Some(wanted) = ext.nav_rate_wad {
        if o.now >= rate_at.saturating_add(p.epoch_s) && wanted > 0 {
            let applied = clamp_rate(rate, wanted, p.max_rate_up_bps, p.max_rate_down_bps);
            if applied != wanted {
                out.notes.push(Note::RateClamped { wanted, applied });
            }
            // an update with the same value still refreshes the rate's age
            out.actions.push(Action::UpdateRate { rate_wad: applied });
            rate = applied;
            rate_at = o.now;
        }
    }
    let stale = rate_is_stale(rate_at, o.now, p.epoch_s);

    // 2. locks
    let open = window_open(u, o.now);
    let start = window_start(u, o.now);
    let mut locked = [false; 2];
    for (i, (side, q)) in [
        (QueueSide::Subscribe, &o.subscribe),
        (QueueSide::Redeem, &o.redeem),
    ]
    .into_iter()
    .enumerate()
    {
        match q.status {
            QueueStatus::Locked => locked[i] = true,
            QueueStatus::Dormant => {}
            QueueStatus::Active => {
                if paused(u, side) {
                    out.notes.push(Note::Paused { side });
                } else if !open {
                    let next = if o.now < start {
                        start
                    } else {
                        start + p.epoch_s
                    };
                    out.notes
                        .push(Note::LockWindowClosed { next_lock_at: next });
                } else if q.settled_at < start && !stale {
                    out.actions.push(Action::Lock { side });
                    locked[i] = true;
                }
            }
        }
    }
    if !(locked[0] || locked[1]) {
        return out;
    }
    if stale {
        out.notes.push(Note::RateStale);
        return out;
    }

    // 3. capacities (room for the dust a settlement may add beyond them)
    let dust = p.dust;
    let deploy_room = o.deploy_available.saturating_sub(dust);
    let sub_cap = ext.subscribe_capacity.min(deploy_room);
    if sub_cap < ext.subscribe_capacity && locked[0] {
        out.notes.push(Note::CapacityLimited {
            side: QueueSide::Subscribe,
            wanted: ext.subscribe_capacity,
            applied: sub_cap,
        });
    }
    let dust_value = usds_for_shares(dust, rate)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let return_room = o
        .return_available
        .min(o.custody_balance)
        .saturating_sub(dust_value);
    let red_usds = ext.redeem_capacity.min(return_room);
    if red_usds < ext.redeem_capacity && locked[1] {
        out.notes.push(Note::CapacityLimited {
            side: QueueSide::Redeem,
            wanted: ext.redeem_capacity,
            applied: red_usds,
        });
    }
    let red_cap = shares_for_usds(red_usds, rate).unwrap_or(0);
    let gens = (o.subscribe.gen_id, o.redeem.gen_id);
    if locked[0] && locked[1] {
        out.actions.push(Action::SettlePair {
            gens,
            subscribe: sub_cap,
            redeem: red_cap,
        });
    } else if locked[0] {
        out.actions.push(Action::Settle {
            side: QueueSide::Subscribe,
            gen: gens.0,
            capacity: sub_cap,
        });
    } else {
        out.actions.push(Action::Settle {
            side: QueueSide::Redeem,
            gen: gens.1,
            capacity: red_cap,
        });
    }
    out
}

/// The beacon's handle on one unit.
pub struct LctsBeacon {
    pub key: Keypair,
    pub unit: UnitRef,
}

/// What one cycle did.
#[derive(Clone, Debug, Default)]
pub struct Cycle {
    pub plan: Plan,
    pub sent: Vec<Action>,
    pub failed: Vec<(Action, Refusal)>,
}

impl LctsBeacon {
    pub fn instruction(&self, a: &Action) -> Instruction {
        let b = self.key.pubkey();
        match *a {
            Action::UpdateRate { rate_wad } => tx::update_exchange_rate(&b, &self.unit, rate_wad),
            Action::Lock { side } => tx::lock(&b, &self.unit, side),
            Action::SettlePair {
                gens,
                subscribe,
                redeem,
            } => tx::settle_pair(&b, &self.unit, gens, subscribe, redeem),
            Action::Settle {
                side,
                gen,
                capacity,
            } => tx::settle(&b, &self.unit, side, gen, capacity),
        }
    }

    /// Reads what `plan` needs from the chain.
    pub async fn observe<L: Ledger>(&self, chain: &mut L) -> Observed {
        let now = chain.now().await;
        let unit: LctsUnit = chain.account(&self.unit.unit).await;
        let subscribe: Queue = chain.account(&self.unit.subscribe_queue).await;
        let redeem: Queue = chain.account(&self.unit.redeem_queue).await;
        let available = |limit: Option<halo_sdk::decode::RateLimit>| {
            limit.map_or(0, |r| r.limit.available(now))
        };
        let deploy = read_rate_limit(chain, &unit.deploy_rate_limit).await;
        let ret = read_rate_limit(chain, &unit.return_rate_limit).await;
        let deploy_available = available(deploy);
        let return_available = available(ret);
        let custody_balance = chain.balance(&self.unit.pau_custody).await;
        Observed {
            now,
            unit,
            subscribe,
            redeem,
            deploy_available,
            return_available,
            custody_balance,
        }
    }

    /// One cycle: observe, plan, send each action in its own transaction, in order (a
    /// settlement after its locks). A refused action stops the cycle; the next cycle
    /// re-plans from fresh state.
    pub async fn cycle<L: Ledger>(&self, chain: &mut L, ext: &External) -> Cycle {
        let o = self.observe(chain).await;
        let plan = plan(&o, ext);
        let mut c = Cycle {
            plan: plan.clone(),
            ..Cycle::default()
        };
        for a in plan.actions {
            match chain.send(&[self.instruction(&a)], &[&self.key]).await {
                Ok(_) => c.sent.push(a),
                Err(e) => {
                    c.failed.push((a, e));
                    break;
                }
            }
        }
        c
    }
}

async fn read_rate_limit<L: Ledger>(
    chain: &mut L,
    address: &anchor_lang::prelude::Pubkey,
) -> Option<halo_sdk::decode::RateLimit> {
    let data = chain.account_data(address).await?;
    halo_sdk::decode::account(&data).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::prelude::Pubkey;
    use halo_sdk::lcts::{UnitParams, WAD};

    const DAY: i64 = 86_400;
    const T: i64 = 20_000 * DAY;

    fn params() -> UnitParams {
        UnitParams {
            max_rate_up_bps: 100,
            max_rate_down_bps: 500,
            epoch_s: DAY,
            lock_offset_s: 3_600,
            lock_window_s: 7_200,
            max_lock_s: 3 * 3_600,
            dust: 100,
            min_entry: 1,
        }
    }

    fn queue(side: QueueSide, status: QueueStatus, underlying: u64) -> Queue {
        let k = Pubkey::new_unique();
        let mut q = Queue::new(halo_lcts::state::QueueSetup {
            bump: 1,
            unit: k,
            side,
            underlying_mint: k,
            reward_mint: k,
            underlying_vault: k,
            reward_vault: k,
        });
        q.status = status;
        q.total_underlying = underlying;
        q.total_shares = u128::from(underlying);
        q
    }

    fn observed(sub: QueueStatus, red: QueueStatus) -> Observed {
        let k = Pubkey::new_unique();
        let mut unit = LctsUnit::new(halo_lcts::state::UnitSetup {
            bump: 1,
            class: k,
            unit_id: 0,
            underlying_mint: k,
            underlying_decimals: 6,
            underlying_token_program: k,
            share_mint: k,
            share_mint_bump: 1,
            pau_controller: k,
            beacon: k,
            freezer: k,
            rate_wad: WAD,
            now: T,
            params: params(),
        });
        unit.deploy_rate_limit = k;
        unit.return_rate_limit = k;
        Observed {
            now: T + 3_600,
            unit,
            subscribe: queue(QueueSide::Subscribe, sub, 1_000),
            redeem: queue(QueueSide::Redeem, red, 500),
            deploy_available: 10_000,
            return_available: 10_000,
            custody_balance: 10_000,
        }
    }

    fn ext(sub: u64, red: u64) -> External {
        External {
            nav_rate_wad: None,
            subscribe_capacity: sub,
            redeem_capacity: red,
        }
    }

    #[test]
    fn locks_both_queues_in_the_window_and_nets_them_in_one_settle_pair() {
        let o = observed(QueueStatus::Active, QueueStatus::Active);
        let p = plan(&o, &ext(300, 200));
        assert_eq!(
            p.actions,
            vec![
                Action::Lock {
                    side: QueueSide::Subscribe
                },
                Action::Lock {
                    side: QueueSide::Redeem
                },
                Action::SettlePair {
                    gens: (0, 0),
                    subscribe: 300,
                    redeem: 200
                },
            ]
        );
    }

    #[test]
    fn is_idempotent_within_a_window_and_waits_outside_it() {
        let mut o = observed(QueueStatus::Active, QueueStatus::Dormant);
        o.subscribe.settled_at = o.now;
        assert_eq!(plan(&o, &ext(300, 0)).actions, vec![]);
        let mut o = observed(QueueStatus::Active, QueueStatus::Dormant);
        o.now = T + 4 * 3_600;
        let p = plan(&o, &ext(300, 0));
        assert!(p.actions.is_empty());
        assert_eq!(
            p.notes,
            vec![Note::LockWindowClosed {
                next_lock_at: T + DAY + 3_600
            }]
        );
    }

    #[test]
    fn settles_a_queue_already_locked_and_bounds_the_capacity_by_the_pau() {
        let mut o = observed(QueueStatus::Locked, QueueStatus::Dormant);
        o.deploy_available = 250;
        let p = plan(&o, &ext(1_000, 0));
        assert_eq!(
            p.actions,
            vec![Action::Settle {
                side: QueueSide::Subscribe,
                gen: 0,
                capacity: 150
            }]
        );
        assert_eq!(
            p.notes,
            vec![Note::CapacityLimited {
                side: QueueSide::Subscribe,
                wanted: 1_000,
                applied: 150
            }]
        );
    }

    #[test]
    fn refreshes_the_rate_within_its_bounds_and_stops_on_a_stale_rate() {
        let mut o = observed(QueueStatus::Locked, QueueStatus::Dormant);
        o.now = T + DAY + 3_600;
        let mut e = ext(100, 0);
        e.nav_rate_wad = Some(2 * WAD);
        let p = plan(&o, &e);
        let bound = WAD + WAD / 100;
        assert_eq!(p.actions[0], Action::UpdateRate { rate_wad: bound });
        assert_eq!(
            p.notes,
            vec![Note::RateClamped {
                wanted: 2 * WAD,
                applied: bound
            }]
        );
        assert!(matches!(p.actions[1], Action::Settle { .. }));
        o.now = T + 2 * DAY;
        let p = plan(&o, &ext(100, 0));
        assert!(p.actions.is_empty());
        assert_eq!(p.notes, vec![Note::RateStale]);
    }

    #[test]
    fn a_paused_side_is_not_locked() {
        let mut o = observed(QueueStatus::Active, QueueStatus::Active);
        o.unit.paused = tx::PAUSE_REDEEM;
        let p = plan(&o, &ext(100, 100));
        assert_eq!(
            p.actions[0],
            Action::Lock {
                side: QueueSide::Subscribe
            }
        );
        assert_eq!(
            p.notes,
            vec![Note::Paused {
                side: QueueSide::Redeem
            }]
        );
        assert!(matches!(
            p.actions[1],
            Action::Settle {
                side: QueueSide::Subscribe,
                ..
            }
        ));
    }

    #[test]
    fn the_rate_clamp_rounds_against_the_beacon() {
        assert_eq!(clamp_rate(1_000, 2_000, 100, 500), 1_010);
        assert_eq!(clamp_rate(1_000, 1, 100, 500), 950);
        assert_eq!(clamp_rate(999, 1, 100, 500), 949);
        assert_eq!(clamp_rate(1_000, 1_005, 100, 500), 1_005);
    }
}
