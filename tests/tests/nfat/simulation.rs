//! A randomised multi-actor simulation: Primes deposit and withdraw, the beacon strikes,
//! deploys, returns and funds deals, holders transfer and redeem, the warden halts and
//! governance lifts. After every step: the queue vault holds exactly what the deposits
//! say, the redeem vault exactly what it owes, every book vault what its book says;
//! transfers never change a deal; refused steps change nothing; withdraw always works
//! while halted.
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

struct Open {
    deal: DealRef,
    holder: usize,
    owed: Amounts,
}

async fn run(seed: u64, steps: usize) {
    let (mut chain, env) = setup().await;
    let mut rng = Rng(seed);
    let mut wallets = Vec::new();
    for _ in 0..3 {
        wallets.push(env.prime(&mut chain, 200 * MILLION).await);
    }
    let mut queued = [0u64; 3];
    let mut books = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut halted = false;
    for step in 0..steps {
        match rng.below(7) {
            0 if !halted => {
                let i = rng.below(3) as usize;
                let amount = (1 + rng.below(40)) * MILLION;
                env.deposit(&mut chain, &wallets[i], amount).await.unwrap();
                queued[i] += amount;
            }
            1 => {
                let i = rng.below(3) as usize;
                let p = &wallets[i];
                if queued[i] == 0 || rng.below(4) == 0 {
                    // more than queued: refused, nothing changes
                    if env.deposit_state(&mut chain, &p.pubkey()).await.is_some() {
                        let ix = tx::withdraw(&p.pubkey(), &env.facility, &p.token, queued[i] + 1);
                        refused_unchanged(
                            &mut chain,
                            &env,
                            &[p.token],
                            ix,
                            &[&p.key],
                            NfatError::InsufficientQueue,
                        )
                        .await;
                    }
                } else {
                    let amount = 1 + rng.below(queued[i]);
                    env.withdraw(&mut chain, p, amount)
                        .await
                        .expect("withdraw works, halted or not");
                    queued[i] -= amount;
                }
            }
            2 if !halted => {
                let i = rng.below(3) as usize;
                let principal = (5 + rng.below(20)) * MILLION;
                if queued[i] >= principal {
                    let book = env.create_book(&mut chain).await;
                    let t = terms(principal, 1_000, 6, 1, Schedule::Bullet, chain.now().await);
                    let deal = env
                        .claim(&mut chain, &wallets[i].pubkey(), book, t)
                        .await
                        .unwrap();
                    queued[i] -= principal;
                    env.deploy_book(&mut chain, &book).await;
                    let interest = env
                        .deal_state(&mut chain, &deal)
                        .await
                        .unwrap()
                        .ledger
                        .total_interest;
                    books.push(book);
                    open.push(Open {
                        deal,
                        holder: i,
                        owed: amounts(principal, interest, 0),
                    });
                }
            }
            3 if !halted && !open.is_empty() => {
                // part of what a deal owes comes back and is funded
                let k = rng.below(open.len() as u64) as usize;
                let o = &mut open[k];
                let part = amounts(o.owed.principal / 2 + 1, o.owed.interest / 2, 0);
                let part = amounts(part.principal.min(o.owed.principal), part.interest, 0);
                if part.principal + part.interest > 0 {
                    env.rwa_repays(&mut chain, part.principal + part.interest)
                        .await;
                    env.return_funds(&mut chain, &o.deal.book, part.principal + part.interest)
                        .await
                        .unwrap();
                    env.fund(&mut chain, &o.deal, part).await.unwrap();
                    o.owed.principal -= part.principal;
                    o.owed.interest -= part.interest;
                }
            }
            4 if !open.is_empty() => {
                let k = rng.below(open.len() as u64) as usize;
                let holder = &wallets[open[k].holder];
                let redeemable = env
                    .view(&mut chain, &open[k].deal)
                    .await
                    .unwrap()
                    .redeemable;
                if redeemable.total().unwrap() > 0 {
                    let before = chain.balance(&holder.token).await;
                    env.redeem(&mut chain, holder, &open[k].deal, u64::MAX)
                        .await
                        .unwrap();
                    assert_eq!(
                        chain.balance(&holder.token).await - before,
                        redeemable.total().unwrap()
                    );
                    if env.deal_state(&mut chain, &open[k].deal).await.is_none() {
                        open.remove(k);
                    }
                }
            }
            5 if !open.is_empty() => {
                let k = rng.below(open.len() as u64) as usize;
                let to = (open[k].holder + 1 + rng.below(2) as usize) % 3;
                let before = env.deal_state(&mut chain, &open[k].deal).await.unwrap();
                let from = &wallets[open[k].holder];
                env.transfer_nft(&mut chain, from, &open[k].deal, &wallets[to].pubkey())
                    .await
                    .unwrap();
                let after = env.deal_state(&mut chain, &open[k].deal).await.unwrap();
                assert_eq!(
                    format!("{before:?}"),
                    format!("{after:?}"),
                    "a transfer changed the deal"
                );
                open[k].holder = to;
            }
            6 => {
                let signer = if halted { &env.governance } else { &env.warden };
                halted = !halted;
                env.set_halted(&mut chain, signer, halted).await.unwrap();
            }
            _ => {}
        }
        // conservation after every step
        let f = env.state(&mut chain).await;
        assert_eq!(
            f.queue.total_underlying,
            queued.iter().sum::<u64>(),
            "step {step}"
        );
        assert_eq!(
            chain.balance(&env.facility.queue_vault).await,
            f.queue.total_underlying
        );
        for (i, w) in wallets.iter().enumerate() {
            assert_eq!(env.queued(&mut chain, &w.pubkey()).await, queued[i]);
        }
        let surplus = env.check_books(&mut chain, &books).await;
        assert_eq!(surplus, 0, "the redeem vault holds exactly what it owes");
        assert_eq!(f.deals.open, open.len() as u64);
    }
}

#[tokio::test]
async fn random_actors_keep_every_vault_equal_to_what_is_owed() {
    for seed in [0x9e37_79b9_7f4a_7c15, 0x2545_f491_4f6c_dd1d] {
        run(seed, 40).await;
    }
}
