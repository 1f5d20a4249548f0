//! A ready Passthrough Halo over a ready PAU: the PAU's deploy route (custody → the
//! strategy's USDS account) and return route (custody → the redeem queue's USDS vault),
//! the unit PDA registered as the integration on both, a class with its governance, one
//! unit with its share mint, beacon and freezer, and both queues. Every step goes through
//! the real instructions (the PAU timelock included).
use anchor_lang::prelude::Pubkey;
use halo_sdk::lcts::{
    self as tx, CreateUnitArgs, PositionView, QueueSide, ShareMetadata, UnitParams, UnitPau,
    UnitRef, WAD,
};
use halo_sdk::ledger::{Keypair, Ledger, RawAccount, Receipt, Refusal, Signer};
use halo_sdk::token_programs::TOKEN_2022;

use crate::pau::{PauEnv, PauOptions};

/// One whole token of a 6-decimal mint.
pub const UNIT: u64 = 1_000_000;

/// Daily epochs, the lock window open all day, a 3-hour lock bound, rate moves of 1 % up
/// and 5 % down per update, a dust of 100 base units and a 1-USDS minimum entry.
pub fn default_params() -> UnitParams {
    UnitParams {
        max_rate_up_bps: 100,
        max_rate_down_bps: 500,
        epoch_s: 86_400,
        lock_offset_s: 0,
        lock_window_s: 86_400,
        max_lock_s: 3 * 3_600,
        dust: 100,
        min_entry: UNIT,
    }
}

#[derive(Clone, Copy, Debug)]
pub struct LctsOptions {
    pub params: UnitParams,
    pub rate_wad: u128,
    /// The PAU's deploy and return routes.
    pub route_max: u64,
    pub route_slope: u64,
}

impl Default for LctsOptions {
    fn default() -> Self {
        Self {
            params: default_params(),
            rate_wad: WAD,
            route_max: 10_000_000 * UNIT,
            route_slope: 10_000_000 * UNIT / 86_400,
        }
    }
}

/// A Prime's wallet: key, USDS account and Halo Unit share account.
pub struct Prime {
    pub key: Keypair,
    pub usds: Pubkey,
    pub shares: Pubkey,
}

pub struct LctsEnv {
    pub pau: PauEnv,
    pub governance: Keypair,
    pub beacon: Keypair,
    pub freezer: Keypair,
    /// Owner of the strategy's USDS account (the deploy route's counterparty).
    pub strategy: Keypair,
    pub unit: UnitRef,
}

impl LctsEnv {
    pub async fn bootstrap(chain: &mut impl Ledger, opts: LctsOptions) -> Self {
        let pau = PauEnv::bootstrap(chain, PauOptions::default()).await;
        Self::bootstrap_on(chain, pau, opts, 0).await
    }

    /// Unit `unit_id` of a new class on an existing PAU.
    pub async fn bootstrap_on(
        chain: &mut impl Ledger,
        pau: PauEnv,
        opts: LctsOptions,
        unit_id: u64,
    ) -> Self {
        match Self::try_bootstrap_on(chain, pau, opts, unit_id).await {
            Ok(env) => env,
            Err(f) => panic!(
                "LCTS bootstrap refused: {}\n{}",
                f.reason(),
                f.logs.join("\n")
            ),
        }
    }

    /// As `bootstrap_on`, returning the refusal of the class / unit / queues transaction.
    pub async fn try_bootstrap_on(
        chain: &mut impl Ledger,
        pau: PauEnv,
        opts: LctsOptions,
        unit_id: u64,
    ) -> Result<Self, Refusal> {
        let governance = chain.funded_keypair(10_000_000_000).await;
        let beacon = chain.funded_keypair(10_000_000_000).await;
        let freezer = chain.funded_keypair(1_000_000_000).await;
        let strategy = chain.funded_keypair(1_000_000_000).await;
        let endpoint = chain
            .create_ata(&strategy.pubkey(), &pau.mint, &pau.token_program)
            .await;
        let g = governance.pubkey();
        let class = halo_sdk::pda::lcts_class(&g, 0);
        let unit = UnitRef::new(
            class,
            unit_id,
            pau.mint,
            pau.token_program,
            UnitPau {
                controller: pau.controller,
                custody: pau.custody,
                deploy_endpoint: endpoint,
            },
        );
        let args = CreateUnitArgs {
            unit_id,
            beacon: beacon.pubkey(),
            freezer: freezer.pubkey(),
            rate_wad: opts.rate_wad,
            params: opts.params,
            metadata: ShareMetadata {
                name: format!("Halo Passthrough Unit {unit_id}"),
                symbol: "HPU".into(),
                uri: "https://example.invalid/halo/lcts/unit.json".into(),
            },
        };
        chain
            .send(
                &[
                    tx::create_class(&g, 0),
                    tx::create_unit(&g, &unit, args),
                    tx::create_queue(&g, &unit, QueueSide::Subscribe),
                    tx::create_queue(&g, &unit, QueueSide::Redeem),
                ],
                &[&governance],
            )
            .await?;
        // then the PAU side: both routes (the return route pays the redeem queue's USDS
        // vault, which now exists), the unit PDA their integration, through the timelock
        pau.open_integration_route(
            chain,
            tx::TAG_LCTS_DEPLOY,
            endpoint,
            unit.unit,
            opts.route_max,
            opts.route_slope,
        )
        .await;
        pau.open_integration_route(
            chain,
            tx::TAG_LCTS_RETURN,
            unit.redeem_usds_vault,
            unit.unit,
            opts.route_max,
            opts.route_slope,
        )
        .await;
        chain
            .send(&[tx::set_unit_routes(&g, &unit)], &[&governance])
            .await?;
        // the timelock walk aged the rate: the beacon refreshes it (same value, a new epoch)
        let refresh = tx::update_exchange_rate(&beacon.pubkey(), &unit, opts.rate_wad);
        chain.send(&[refresh], &[&beacon]).await?;
        Ok(Self {
            pau,
            governance,
            beacon,
            freezer,
            strategy,
            unit,
        })
    }

    /// A Prime with `usds` base units and empty share account.
    pub async fn prime(&self, chain: &mut impl Ledger, usds: u64) -> Prime {
        let key = chain.funded_keypair(1_000_000_000).await;
        let u = chain
            .create_ata(
                &key.pubkey(),
                &self.unit.usds_mint,
                &self.unit.usds_token_program,
            )
            .await;
        let s = chain
            .create_ata(&key.pubkey(), &self.unit.share_mint, &TOKEN_2022)
            .await;
        if usds > 0 {
            chain
                .mint_to(
                    &self.unit.usds_mint,
                    &self.unit.usds_token_program,
                    &u,
                    usds,
                )
                .await;
        }
        Prime {
            key,
            usds: u,
            shares: s,
        }
    }

    /// The instruction entering `amount` for `p` on `side` (subscribe: USDS; redeem:
    /// shares), settling a finalized position first when there is one.
    pub async fn enter_ix(
        &self,
        chain: &mut impl Ledger,
        p: &Prime,
        side: QueueSide,
        amount: u64,
    ) -> halo_sdk::Instruction {
        let finalized = self.finalized_gen_of(chain, side, &p.key.pubkey()).await;
        let (from, to) = match side {
            QueueSide::Subscribe => (p.usds, p.shares),
            QueueSide::Redeem => (p.shares, p.usds),
        };
        tx::enter(
            &p.key.pubkey(),
            &self.unit,
            side,
            &from,
            &to,
            amount,
            finalized,
        )
    }

    pub async fn enter(
        &self,
        chain: &mut impl Ledger,
        p: &Prime,
        side: QueueSide,
        amount: u64,
    ) -> Result<Receipt, Refusal> {
        let ix = self.enter_ix(chain, p, side, amount).await;
        chain.send(&[ix], &[&p.key]).await
    }

    pub fn claim_ix(&self, p: &Prime, side: QueueSide) -> halo_sdk::Instruction {
        let to = match side {
            QueueSide::Subscribe => p.shares,
            QueueSide::Redeem => p.usds,
        };
        tx::claim(&p.key.pubkey(), &self.unit, side, &to)
    }

    pub fn exit_ix(&self, p: &Prime, side: QueueSide) -> halo_sdk::Instruction {
        let (underlying, reward) = match side {
            QueueSide::Subscribe => (p.usds, p.shares),
            QueueSide::Redeem => (p.shares, p.usds),
        };
        tx::exit(&p.key.pubkey(), &self.unit, side, &underlying, &reward)
    }

    /// The keeper crank for `owner`'s finalized position (paid into `to`).
    pub async fn settle_finalized_ix(
        &self,
        chain: &mut impl Ledger,
        caller: &Pubkey,
        side: QueueSide,
        owner: &Pubkey,
        to: &Pubkey,
    ) -> halo_sdk::Instruction {
        let gen = self
            .position(chain, side, owner)
            .await
            .map(|p| p.gen_id)
            .unwrap_or(0);
        tx::settle_finalized(caller, &self.unit, side, owner, gen, to)
    }

    pub fn lock_ix(&self, side: QueueSide) -> halo_sdk::Instruction {
        tx::lock(&self.beacon.pubkey(), &self.unit, side)
    }

    pub async fn lock(&self, chain: &mut impl Ledger, side: QueueSide) -> Result<Receipt, Refusal> {
        chain.send(&[self.lock_ix(side)], &[&self.beacon]).await
    }

    pub async fn settle_ix(
        &self,
        chain: &mut impl Ledger,
        side: QueueSide,
        capacity: u64,
    ) -> halo_sdk::Instruction {
        let gen = self.queue(chain, side).await.gen_id;
        tx::settle(&self.beacon.pubkey(), &self.unit, side, gen, capacity)
    }

    pub async fn settle(
        &self,
        chain: &mut impl Ledger,
        side: QueueSide,
        capacity: u64,
    ) -> Result<Receipt, Refusal> {
        let ix = self.settle_ix(chain, side, capacity).await;
        chain.send(&[ix], &[&self.beacon]).await
    }

    pub async fn settle_pair_ix(
        &self,
        chain: &mut impl Ledger,
        caller: &Pubkey,
        sub_cap: u64,
        red_cap: u64,
    ) -> halo_sdk::Instruction {
        let gens = (
            self.queue(chain, QueueSide::Subscribe).await.gen_id,
            self.queue(chain, QueueSide::Redeem).await.gen_id,
        );
        tx::settle_pair(caller, &self.unit, gens, sub_cap, red_cap)
    }

    pub async fn settle_pair(
        &self,
        chain: &mut impl Ledger,
        sub_cap: u64,
        red_cap: u64,
    ) -> Result<Receipt, Refusal> {
        let ix = self
            .settle_pair_ix(chain, &self.beacon.pubkey(), sub_cap, red_cap)
            .await;
        chain.send(&[ix], &[&self.beacon]).await
    }

    /// Lock then settle `side` with `capacity` (both in one go, as the beacon does).
    pub async fn cycle(&self, chain: &mut impl Ledger, side: QueueSide, capacity: u64) {
        chain.must(&[self.lock_ix(side)], &[&self.beacon]).await;
        let ix = self.settle_ix(chain, side, capacity).await;
        chain.must(&[ix], &[&self.beacon]).await;
    }

    /// A Prime holding `shares` Halo Unit shares, obtained the real way: subscribed,
    /// settled in full at the current rate, claimed. (Other subscribers must not be
    /// waiting: the settlement converts the whole queue.)
    pub async fn prime_with_shares(&self, chain: &mut impl Ledger, usds: u64) -> Prime {
        let p = self.prime(chain, usds).await;
        self.enter(chain, &p, QueueSide::Subscribe, usds)
            .await
            .expect("subscribe");
        self.cycle(chain, QueueSide::Subscribe, usds).await;
        let ix = self
            .settle_finalized_ix(
                chain,
                &p.key.pubkey(),
                QueueSide::Subscribe,
                &p.key.pubkey(),
                &p.shares,
            )
            .await;
        chain.must(&[ix], &[&p.key]).await;
        p
    }

    /// The beacon refreshes the rate to its current value (after a clock warp).
    pub async fn refresh_rate(&self, chain: &mut impl Ledger) {
        let rate = self.unit_state(chain).await.rate_wad;
        chain
            .must(
                &[tx::update_exchange_rate(
                    &self.beacon.pubkey(),
                    &self.unit,
                    rate,
                )],
                &[&self.beacon],
            )
            .await;
    }

    pub async fn unit_state(&self, chain: &mut impl Ledger) -> tx::LctsUnit {
        chain.account(&self.unit.unit).await
    }

    pub async fn queue(&self, chain: &mut impl Ledger, side: QueueSide) -> tx::Queue {
        chain.account(&self.unit.queue(side).queue).await
    }

    pub async fn position(
        &self,
        chain: &mut impl Ledger,
        side: QueueSide,
        owner: &Pubkey,
    ) -> Option<tx::Position> {
        let address = self.unit.position(side, owner);
        let data = chain.account_data(&address).await?;
        anchor_lang::AccountDeserialize::try_deserialize(&mut &data[..]).ok()
    }

    /// The position's generation if it finalized (what `enter` / `position_view` need).
    pub async fn finalized_gen_of(
        &self,
        chain: &mut impl Ledger,
        side: QueueSide,
        owner: &Pubkey,
    ) -> Option<u64> {
        let p = self.position(chain, side, owner).await?;
        let q = self.queue(chain, side).await;
        (p.gen_id < q.gen_id && p.shares > 0).then_some(p.gen_id)
    }

    /// The `position_view` return data.
    pub async fn view(
        &self,
        chain: &mut impl Ledger,
        side: QueueSide,
        owner: &Pubkey,
    ) -> Result<PositionView, Refusal> {
        let finalized = self.finalized_gen_of(chain, side, owner).await;
        let r = chain
            .send(
                &[tx::position_view(&self.unit, side, owner, finalized)],
                &[],
            )
            .await?;
        Ok(halo_sdk::decode::return_data(&r.return_data).expect("position view"))
    }

    /// The `exchange_rate` return data.
    pub async fn view_rate(&self, chain: &mut impl Ledger) -> tx::ExchangeRateView {
        let r = chain.must(&[tx::exchange_rate(&self.unit)], &[]).await;
        halo_sdk::decode::return_data(&r.return_data).expect("rate view")
    }

    /// Conservation: each vault holds at least what its queue owes from it. Returns the
    /// surplus of each (subscribe USDS, subscribe shares, redeem shares, redeem USDS).
    pub async fn check_books(&self, chain: &mut impl Ledger) -> [u64; 4] {
        let s = self.queue(chain, QueueSide::Subscribe).await;
        let r = self.queue(chain, QueueSide::Redeem).await;
        let u = self.unit;
        let held = [
            chain.balance(&u.subscribe_usds_vault).await,
            chain.balance(&u.subscribe_share_vault).await,
            chain.balance(&u.redeem_share_vault).await,
            chain.balance(&u.redeem_usds_vault).await,
        ];
        let owed = [
            s.total_underlying,
            s.reward_in - s.reward_out,
            r.total_underlying,
            r.reward_in - r.reward_out,
        ];
        for i in 0..4 {
            assert!(
                held[i] >= owed[i],
                "vault {i}: holds {} < owes {}",
                held[i],
                owed[i]
            );
        }
        [
            held[0] - owed[0],
            held[1] - owed[1],
            held[2] - owed[2],
            held[3] - owed[3],
        ]
    }
}

impl crate::vocab::Fixture for LctsEnv {
    /// Every account of the unit worth watching (class, unit, mint, queues, vaults, the
    /// PAU's custody, routes and the strategy's account), plus `extra`.
    async fn fingerprint(
        &self,
        chain: &mut impl Ledger,
        extra: &[Pubkey],
    ) -> Vec<Option<RawAccount>> {
        let u = &self.unit;
        let mut all = vec![
            u.class,
            u.unit,
            u.share_mint,
            u.subscribe_queue,
            u.redeem_queue,
            u.subscribe_usds_vault,
            u.subscribe_share_vault,
            u.redeem_share_vault,
            u.redeem_usds_vault,
            u.pau_custody,
            u.deploy_rate_limit,
            u.return_rate_limit,
            u.deploy_endpoint,
        ];
        all.extend_from_slice(extra);
        chain.fingerprint(&all).await
    }
}
