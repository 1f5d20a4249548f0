//! A randomised multi-actor simulation: many Primes subscribe, redeem, claim, exit and
//! crank finalized positions while the beacon locks, settles, nets and moves the rate and
//! the clock jumps, over several seeds and hundreds of steps. After every step: each
//! vault holds what its queue owes (plus non-negative dust), the positions' claims never
//! exceed the queue's totals, USDS is conserved across Primes, queues, custody and the
//! strategy, rewards paid never exceed rewards received, a fresh entry has no reward from
//! before it, finalized generations never change, and a refused step changes nothing.
use std::collections::BTreeMap;

use crate::common::*;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const PRIMES: usize = 6;
const FUNDING: u64 = 100_000 * UNIT;

async fn usds_everywhere(chain: &mut Chain, env: &LctsEnv, primes: &[Prime]) -> u64 {
    let u = env.unit;
    let mut total = 0;
    for a in [
        u.subscribe_usds_vault,
        u.redeem_usds_vault,
        u.pau_custody,
        u.deploy_endpoint,
    ] {
        total += chain.balance(&a).await;
    }
    for p in primes {
        total += chain.balance(&p.usds).await;
    }
    total
}

/// Sum of the positions' underlying claims and their count, for `side`.
async fn claims(chain: &mut Chain, env: &LctsEnv, primes: &[Prime], side: QueueSide) -> (u64, u64) {
    let q = env.queue(chain, side).await;
    let (mut sum, mut n) = (0, 0);
    for p in primes {
        if let Some(pos) = env.position(chain, side, &p.key.pubkey()).await {
            if pos.gen_id == q.gen_id && q.total_shares > 0 {
                sum += u64::try_from(pos.shares * u128::from(q.total_underlying) / q.total_shares)
                    .unwrap();
                n += 1;
            }
        }
    }
    (sum, n)
}

async fn run(seed: u64, steps: usize) {
    let (mut chain, env) = setup().await;
    let mut rng = Rng(seed | 1);
    let mut primes = Vec::new();
    for _ in 0..PRIMES {
        primes.push(env.prime(&mut chain, FUNDING).await);
    }
    let total_usds = usds_everywhere(&mut chain, &env, &primes).await;
    let mut finalized: BTreeMap<Pubkey, Option<RawAccount>> = BTreeMap::new();
    let (mut ok, mut refused) = (0, 0);
    for step in 0..steps {
        let side = if rng.below(2) == 0 { SUB } else { RED };
        let p = &primes[rng.below(PRIMES as u64) as usize];
        let k = p.key.pubkey();
        let (ixs, signer, fresh_entry): (Vec<halo_sdk::Instruction>, &Keypair, bool) =
            match rng.below(11) {
                0 | 1 => {
                    let held = chain
                        .balance(if side == SUB { &p.usds } else { &p.shares })
                        .await;
                    let amount = 1 + rng.below(held.clamp(1, 20_000 * UNIT));
                    let fresh = env.position(&mut chain, side, &k).await.is_none();
                    (
                        vec![env.enter_ix(&mut chain, p, side, amount).await],
                        &p.key,
                        fresh,
                    )
                }
                2 => (vec![env.claim_ix(p, side)], &p.key, false),
                3 => (vec![env.exit_ix(p, side)], &p.key, false),
                4 => (vec![env.lock_ix(side)], &env.beacon, false),
                5 | 6 => {
                    let cap = rng.below(30_000 * UNIT);
                    (
                        vec![env.settle_ix(&mut chain, side, cap).await],
                        &env.beacon,
                        false,
                    )
                }
                7 => {
                    let (a, b) = (rng.below(20_000 * UNIT), rng.below(20_000 * UNIT));
                    let ix = env
                        .settle_pair_ix(&mut chain, &env.beacon.pubkey(), a, b)
                        .await;
                    (vec![ix], &env.beacon, false)
                }
                8 => {
                    let ix = env
                        .settle_finalized_ix(
                            &mut chain,
                            &k,
                            side,
                            &k,
                            if side == SUB { &p.shares } else { &p.usds },
                        )
                        .await;
                    (vec![ix], &p.key, false)
                }
                9 => {
                    // the beacon moves the rate within its bounds (refused inside an epoch)
                    let rate = env.unit_state(&mut chain).await.rate_wad;
                    let new = rate - rate / 100 + rate * u128::from(rng.below(200)) / 10_000;
                    (
                        vec![tx::update_exchange_rate(
                            &env.beacon.pubkey(),
                            &env.unit,
                            new,
                        )],
                        &env.beacon,
                        false,
                    )
                }
                _ => {
                    chain
                        .advance(i64::try_from(rng.below(2 * DAY as u64)).unwrap())
                        .await;
                    (vec![tx::unlock(&k, &env.unit, side)], &p.key, false)
                }
            };
        let before = env
            .fingerprint(&mut chain, &[p.usds, p.shares, env.unit.position(side, &k)])
            .await;
        match chain.send(&ixs, &[signer]).await {
            Ok(_) => {
                ok += 1;
                if fresh_entry {
                    let v = env.view(&mut chain, side, &k).await.expect("view");
                    assert_eq!(
                        v.claimable_reward, 0,
                        "seed {seed} step {step}: reward from before entry"
                    );
                }
            }
            Err(_) => {
                refused += 1;
                let after = env
                    .fingerprint(&mut chain, &[p.usds, p.shares, env.unit.position(side, &k)])
                    .await;
                assert_eq!(
                    before, after,
                    "seed {seed} step {step}: a refused step changed state"
                );
            }
        }
        // conservation and accounting after every step
        env.check_books(&mut chain).await;
        assert_eq!(
            usds_everywhere(&mut chain, &env, &primes).await,
            total_usds,
            "seed {seed} step {step}"
        );
        for s in [SUB, RED] {
            let q = env.queue(&mut chain, s).await;
            let (sum, n) = claims(&mut chain, &env, &primes, s).await;
            assert!(
                sum <= q.total_underlying && q.total_underlying - sum <= n,
                "seed {seed} step {step} {s:?}: {sum} vs {}",
                q.total_underlying
            );
            assert!(q.reward_out <= q.reward_in);
            for g in 0..q.gen_id {
                let a = env.unit.generation(s, g);
                let now = chain.raw_account(&a).await;
                let first = finalized.entry(a).or_insert_with(|| now.clone());
                assert_eq!(
                    *first, now,
                    "seed {seed} step {step}: finalized generation changed"
                );
            }
        }
    }
    assert!(
        ok > steps / 5 && refused > 0,
        "seed {seed}: {ok} ok / {refused} refused"
    );
}

#[tokio::test]
async fn simulation_seed_1() {
    run(0x9e37_79b9_7f4a_7c15, 250).await;
}

#[tokio::test]
async fn simulation_seed_2() {
    run(0xdead_beef_cafe_f00d, 250).await;
}

#[tokio::test]
async fn simulation_seed_3() {
    run(42, 250).await;
}
