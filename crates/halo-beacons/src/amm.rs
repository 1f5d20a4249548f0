//! **lpha-amm**, the Trading Halo's beacon. Each cycle:
//! 1. price: a price that moved more than the pool's `max_deviation_bps` → `poke` (the
//!    program pauses the pool persistently) and report; a stale price → report;
//! 2. inventory at or above the redemption threshold → `start_redemption` (bounded by the
//!    pool's redemption rate limit); inventory skew is left to the on-chain pricing;
//! 3. an issuer settlement reported and present in the vault → `settle_redemption`; a
//!    redemption overdue by more than the grace period → `fail_redemption`;
//! 4. withdrawal queue: roll an open generation that has requests when nothing is being
//!    settled; fill the settling generation with the free USDS;
//! 5. report.
//!
//! Its key is the class's `beacon`: it cannot change spreads or parameters, add pools, or
//! move capital outside the PAU's rate limits (the programs refuse it; see the tests).
use anchor_lang::prelude::Pubkey;
use halo_math::pricing::{deviates, to_wad};
use halo_sdk::ledger::{Keypair, Ledger, Refusal, Signer};
use halo_sdk::trading::{
    self as tx, Pool, PoolRef, PriceSource, Redemption, RedemptionStatus, WithdrawGeneration,
};
use halo_sdk::Instruction;

/// The beacon's own rules (set by whoever runs it; none of them is an on-chain power).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AmmRules {
    /// precision: asset base units; redeem once inventory reaches this.
    pub redeem_threshold: u64,
    /// precision: seconds after `expected_by` before a redemption is declared failed.
    pub fail_grace_s: i64,
    /// Settle the LP withdrawal queue with free USDS.
    pub settle_withdrawals: bool,
}

impl Default for AmmRules {
    fn default() -> Self {
        Self {
            redeem_threshold: 1,
            fail_grace_s: 2 * 24 * 3600,
            settle_withdrawals: true,
        }
    }
}

/// What the beacon reads before planning.
#[derive(Clone, Debug)]
pub struct Observed {
    pub now: i64,
    pub pool: Pool,
    /// (id, account) of every redemption that is not settled.
    pub open_redemptions: Vec<(u64, Redemption)>,
    pub open_generation: WithdrawGeneration,
    pub settling_generation: Option<WithdrawGeneration>,
    /// The price source's current reading: WAD price and publish time.
    pub price: Option<(u128, i64)>,
    /// Quote-vault balance (to verify issuer payments before booking them).
    pub quote_vault_balance: u64,
}

/// External inputs: what the issuer says it paid, per redemption id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct External {
    pub issuer_settlements: Vec<(u64, u64)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Poke,
    StartRedemption { id: u64, amount: u64 },
    SettleRedemption { id: u64, received: u64 },
    FailRedemption { id: u64 },
    RollWithdrawals { open_gen: u64 },
    SettleWithdrawals { gen: u64, max_quote: u64 },
}

/// A note for the report (anomalies and what the beacon chose not to do).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    StalePrice {
        age_s: i64,
    },
    Deviation {
        observed_wad: u128,
        reference_wad: u128,
    },
    Paused,
    RedemptionOverdue {
        id: u64,
    },
    IssuerPaymentMissing {
        id: u64,
        claimed: u64,
        unbooked: u64,
    },
    InventoryAboveSkewStart {
        inventory: u64,
    },
    /// A failed redemption awaits recovery or a governance write-off: the withdrawal
    /// queue waits (the program refuses to settle it).
    WithdrawalsWaitForRecovery {
        failed_expected: u64,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub actions: Vec<Action>,
    pub notes: Vec<Note>,
}

/// The reference a price `wad` deviates from, as the program measures it (the last
/// accepted price and the anchor of the deviation window), or `None` when within bounds.
fn deviation_reference(p: &Pool, wad: u128, now: i64) -> Option<u128> {
    let max = u32::from(p.params.max_deviation_bps);
    let (anchor, _) = halo_trading::oracle::anchor(p, now);
    [p.last_price_wad, anchor]
        .into_iter()
        .find(|r| deviates(wad, *r, max).unwrap_or(true))
}

/// The pure planning function.
pub fn plan(o: &Observed, ext: &External, rules: &AmmRules) -> Plan {
    let mut out = Plan::default();
    let p = &o.pool;

    // 1. price
    let mut price_ok = false;
    match o.price {
        Some((wad, ts)) => {
            let age = o.now.saturating_sub(ts);
            // too old, or older than the update the pool already used (refused as well)
            if age > i64::from(p.params.max_staleness_s) || ts < p.last_price_ts {
                out.notes.push(Note::StalePrice { age_s: age });
            } else if let Some(reference_wad) = deviation_reference(p, wad, o.now) {
                out.notes.push(Note::Deviation {
                    observed_wad: wad,
                    reference_wad,
                });
                if !p.paused {
                    out.actions.push(Action::Poke);
                }
            } else {
                price_ok = true;
            }
        }
        None => out.notes.push(Note::StalePrice { age_s: i64::MAX }),
    }
    if p.paused {
        out.notes.push(Note::Paused);
    }

    // 3. issuer settlements and overdue redemptions (before new redemptions: frees limits)
    let mut unbooked = o
        .quote_vault_balance
        .saturating_sub(p.quote_liquidity.saturating_add(p.claims_reserved));
    // pending redemptions close oldest first: once one is neither paid nor overdue, the
    // later pending ones wait (recoveries of failed ones are in any order)
    let mut blocked = false;
    for (id, r) in &o.open_redemptions {
        if r.status == RedemptionStatus::Pending && blocked {
            continue;
        }
        let paid = ext
            .issuer_settlements
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, a)| *a);
        match paid {
            Some(received) if received <= unbooked => {
                unbooked -= received;
                out.actions
                    .push(Action::SettleRedemption { id: *id, received });
            }
            Some(claimed) => out.notes.push(Note::IssuerPaymentMissing {
                id: *id,
                claimed,
                unbooked,
            }),
            None => {
                if r.status == RedemptionStatus::Pending {
                    if o.now > r.expected_by.saturating_add(rules.fail_grace_s) {
                        out.notes.push(Note::RedemptionOverdue { id: *id });
                        out.actions.push(Action::FailRedemption { id: *id });
                    } else {
                        blocked = true;
                    }
                }
            }
        }
    }

    // 2. inventory (only on a valid price: the program would refuse otherwise)
    if price_ok && !p.paused && p.inventory >= rules.redeem_threshold && p.inventory > 0 {
        let limit = p.redeem_limit.available(o.now);
        let amount = p.inventory.min(limit);
        if amount > 0 {
            out.actions.push(Action::StartRedemption {
                id: p.next_redemption_id,
                amount,
            });
        }
    }
    let skew_start = halo_math::mul_div_u64(
        p.params.position_limit,
        u64::from(p.params.skew_start_bps),
        10_000,
        halo_math::Rounding::Down,
    )
    .unwrap_or(u64::MAX);
    if p.params.skew_max_bps > 0 && p.inventory > skew_start {
        out.notes.push(Note::InventoryAboveSkewStart {
            inventory: p.inventory,
        });
    }

    // 4. withdrawal queue
    if rules.settle_withdrawals {
        match &o.settling_generation {
            Some(g) if g.closed && g.filled < g.requested => {
                // a failure planned in this cycle holds the queue back too
                let failing = out
                    .actions
                    .iter()
                    .any(|a| matches!(a, Action::FailRedemption { .. }));
                // the program values exits without an oracle on a wind-down price or with
                // no inventory; it refuses them while the oldest redemption is overdue
                let exit_price_ok = price_ok
                    || p.inventory == 0
                    || matches!(p.price_source, PriceSource::Fixed { .. });
                // a failure (awaiting recovery, or planned now) or an overdue redemption
                // holds the queue back
                if p.failed_expected > 0 || failing || o.now > p.oldest_pending_due {
                    out.notes.push(Note::WithdrawalsWaitForRecovery {
                        failed_expected: p.failed_expected,
                    });
                } else if exit_price_ok && p.quote_liquidity > 0 {
                    out.actions.push(Action::SettleWithdrawals {
                        gen: p.queue_settling_gen,
                        max_quote: p.quote_liquidity,
                    });
                }
            }
            _ => {
                if p.queue_settling_gen == p.queue_open_gen && o.open_generation.requested > 0 {
                    out.actions.push(Action::RollWithdrawals {
                        open_gen: p.queue_open_gen,
                    });
                }
            }
        }
    }
    out
}

/// The beacon's handle on one pool.
pub struct AmmBeacon {
    pub key: Keypair,
    pub pool: PoolRef,
    /// The issuer's redemption account (where `start_redemption` sends the asset).
    pub redemption_account: Pubkey,
    pub rules: AmmRules,
}

/// What one cycle did.
#[derive(Clone, Debug, Default)]
pub struct Cycle {
    pub plan: Plan,
    pub sent: Vec<Action>,
    pub failed: Vec<(Action, Refusal)>,
}

impl AmmBeacon {
    pub fn instruction(&self, a: &Action) -> Instruction {
        let b = self.key.pubkey();
        match *a {
            Action::Poke => tx::poke(&self.pool),
            Action::StartRedemption { id, amount } => {
                tx::start_redemption(&b, &self.pool, &self.redemption_account, id, amount)
            }
            Action::SettleRedemption { id, received } => {
                tx::settle_redemption(&b, &self.pool, id, received)
            }
            Action::FailRedemption { id } => tx::fail_redemption(&b, &self.pool, id),
            Action::RollWithdrawals { open_gen } => tx::roll_withdrawals(&b, &self.pool, open_gen),
            Action::SettleWithdrawals { gen, max_quote } => {
                tx::settle_withdrawals(&b, &self.pool, gen, max_quote)
            }
        }
    }

    /// Reads what `plan` needs from the chain.
    pub async fn observe<L: Ledger>(&self, chain: &mut L) -> Observed {
        let now = chain.now().await;
        let pool: Pool = chain.account(&self.pool.pool).await;
        let mut open_redemptions = Vec::new();
        for id in 0..pool.next_redemption_id {
            let r: Redemption = chain
                .account(&halo_sdk::pda::redemption(&self.pool.pool, id))
                .await;
            // pending, or failed and still recoverable (a written-off one is closed)
            if matches!(
                r.status,
                RedemptionStatus::Pending | RedemptionStatus::Failed
            ) {
                open_redemptions.push((id, r));
            }
        }
        let open_generation: WithdrawGeneration = chain
            .account(&halo_sdk::pda::generation(
                &self.pool.pool,
                pool.queue_open_gen,
            ))
            .await;
        let settling_generation = if pool.queue_settling_gen < pool.queue_open_gen {
            Some(
                chain
                    .account(&halo_sdk::pda::generation(
                        &self.pool.pool,
                        pool.queue_settling_gen,
                    ))
                    .await,
            )
        } else {
            None
        };
        let price = read_price(chain, &pool, &self.pool.price_account).await;
        let quote_vault_balance = chain.balance(&self.pool.quote_vault).await;
        Observed {
            now,
            pool,
            open_redemptions,
            open_generation,
            settling_generation,
            price,
            quote_vault_balance,
        }
    }

    /// One cycle: observe, plan, send each action in its own transaction. A refused
    /// action is recorded and re-planned next cycle from fresh state.
    pub async fn cycle<L: Ledger>(&self, chain: &mut L, ext: &External) -> Cycle {
        let o = self.observe(chain).await;
        let plan = plan(&o, ext, &self.rules);
        let mut c = Cycle {
            plan: plan.clone(),
            ..Cycle::default()
        };
        for a in plan.actions {
            let ix = self.instruction(&a);
            let signers: Vec<&Keypair> = if a == Action::Poke {
                vec![]
            } else {
                vec![&self.key]
            };
            match chain.send(&[ix], &signers).await {
                Ok(_) => c.sent.push(a),
                Err(e) => c.failed.push((a, e)),
            }
        }
        c
    }
}

/// Prices an RFQ quote (the sentinel upgrade path of seed 000, seed 002's RFQ flow):
/// `asset_amount` at NAV ± `spread_bps`, never tighter than the pool's
/// `rfq_min_spread_bps` (the program would refuse it). Pure; the caller signs it.
#[allow(clippy::too_many_arguments)]
pub fn price_quote(
    pool_key: Pubkey,
    pool: &Pool,
    nav_wad: u128,
    user: Pubkey,
    side: tx::Side,
    asset_amount: u64,
    spread_bps: u16,
    expiry: i64,
    nonce: u64,
) -> Option<tx::RfqQuote> {
    use halo_math::pricing::{Market, Mode, Side};
    let spread = u32::from(spread_bps.max(pool.params.rfq_min_spread_bps));
    let market = Market {
        price_wad: nav_wad,
        asset_decimals: pool.asset_decimals,
        quote_decimals: pool.quote_decimals,
    };
    let fill = match side {
        tx::Side::SellAsset => market.quote(Side::SellAsset, Mode::ExactIn, asset_amount, spread),
        tx::Side::BuyAsset => market.quote(Side::BuyAsset, Mode::ExactOut, asset_amount, spread),
    }
    .ok()?;
    Some(tx::RfqQuote {
        pool: pool_key,
        user,
        side,
        asset_amount,
        quote_amount: fill.quote_amount,
        expiry,
        nonce,
    })
}

impl AmmBeacon {
    /// Signs `quote`: the two instructions the user sends (verification, then the fill).
    /// Signs `quote` for the class's cluster domain (`TradingClass::rfq_domain`, read
    /// from chain by the caller).
    pub fn sign_quote(
        &self,
        cluster: &[u8; 32],
        payer: &Pubkey,
        user_asset: &Pubkey,
        user_quote: &Pubkey,
        quote: tx::RfqQuote,
    ) -> [Instruction; 2] {
        tx::signed_quote(
            &self.key, cluster, payer, &self.pool, user_asset, user_quote, quote,
        )
    }
}

/// The WAD price and publish time the pool's price source carries, if it decodes.
pub async fn read_price<L: Ledger>(
    chain: &mut L,
    pool: &Pool,
    address: &Pubkey,
) -> Option<(u128, i64)> {
    let data = chain.account_data(address).await?;
    match pool.price_source {
        PriceSource::HaloFeed { .. } => {
            use anchor_lang::AccountDeserialize;
            let f = halo_oracle::state::Feed::try_deserialize(&mut &data[..]).ok()?;
            let wad = halo_trading::oracle::feed_wad(f.value, f.decimals).ok()??;
            Some((wad, f.publish_ts))
        }
        PriceSource::Fixed { .. } => None,
        PriceSource::Pyth { .. } => {
            let p = tx::decode_price_update_v2(&data)?;
            Some((to_wad(p.price, p.exponent).ok()??, p.publish_time))
        }
    }
}

#[cfg(test)]
mod tests;
