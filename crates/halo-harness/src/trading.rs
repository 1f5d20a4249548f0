//! A ready Trading Halo over a ready PAU: a NAV feed (or a Pyth account), a class with its
//! governance / beacon / freezer, one pool with its book and vaults, the PAU's `amm_fund`
//! route to the pool's quote vault with the pool PDA registered as the integration, and
//! the PAU's LP position. Every step goes through the real instructions.
use anchor_lang::prelude::Pubkey;
use halo_sdk::ledger::{Keypair, Ledger, MintKind, RawAccount, Receipt, Refusal, Signer};
use halo_sdk::oracle;
use halo_sdk::trading::{
    self as tx, CreateClassArgs, CreatePoolArgs, LimitParams, Mode, PauLink, Pool, PoolParams,
    PoolRef, PriceSource, Side, SwapArgs,
};

use crate::pau::{PauEnv, PauOptions};

/// One whole token of a 6-decimal mint.
pub const UNIT: u64 = 1_000_000;
/// The feed's decimals: a value of `1_000_000` is a NAV of 1.0.
pub const FEED_DECIMALS: u8 = 6;
pub const PYTH_EXPONENT: i32 = -8;

/// Where the pool reads its price.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceKind {
    HaloFeed,
    Pyth,
}

#[derive(Clone, Copy, Debug)]
pub struct TradingOptions {
    pub price: PriceKind,
    pub asset_decimals: u8,
    /// NAV in feed units (6 decimals).
    pub nav: u64,
    pub params: PoolParams,
    /// USDS the beacon draws from the PAU into the pool at set-up (0: none).
    pub pau_funding: u64,
    /// The PAU's `amm_fund` route.
    pub route_max: u64,
    pub route_slope: u64,
}

/// Unlimited per-side limit.
pub const NO_LIMIT: LimitParams = LimitParams {
    max_amount: u64::MAX,
    slope: 0,
};

/// The RFQ cluster domain of the embedded chains (a real cluster uses its genesis hash).
pub const LOCAL_RFQ_DOMAIN: [u8; 32] = *b"halo-local-cluster-rfq-domain-v1";

/// Seed 000's t-bill pool: 5 bps each side, skew from half the position limit up to
/// +20 bps, a day and a bit of staleness, 2 % deviation, 50 M position limit.
pub fn default_params() -> PoolParams {
    PoolParams {
        bid_spread_bps: 5,
        ask_spread_bps: 5,
        skew_start_bps: 5_000,
        skew_max_bps: 20,
        max_staleness_s: 26 * 3600,
        // a daily NAV feed: swaps accept the same age; no change interval by default
        // (the tests of `min_price_interval_s` set one)
        swap_max_staleness_s: 26 * 3600,
        min_price_interval_s: 0,
        max_deviation_bps: 200,
        max_confidence_bps: 50,
        position_limit: 50_000_000 * UNIT,
        min_trade: UNIT,
        max_trade: 10_000_000 * UNIT,
        bid_limit: NO_LIMIT,
        ask_limit: NO_LIMIT,
        redeem_limit: NO_LIMIT,
        // replaced by the issuer's account at set-up
        redemption_account: Pubkey::new_from_array([1; 32]),
        settlement_period_s: 24 * 3600,
        rfq_enabled: true,
        rfq_min_spread_bps: 1,
    }
}

impl Default for TradingOptions {
    fn default() -> Self {
        Self {
            price: PriceKind::HaloFeed,
            asset_decimals: 6,
            nav: UNIT,
            params: default_params(),
            pau_funding: 1_000_000 * UNIT,
            route_max: 10_000_000 * UNIT,
            route_slope: 10_000_000 * UNIT / (24 * 3600),
        }
    }
}

/// A user's wallet: key and both token accounts.
pub struct Trader {
    pub key: Keypair,
    pub asset: Pubkey,
    pub quote: Pubkey,
}

pub struct TradingEnv {
    pub pau: PauEnv,
    pub governance: Keypair,
    pub beacon: Keypair,
    pub freezer: Keypair,
    pub reporter: Keypair,
    /// Owner of the issuer's redemption account.
    pub issuer: Keypair,
    pub issuer_account: Pubkey,
    pub pool: PoolRef,
    pub link: PauLink,
    pub price: PriceKind,
    pub pyth_feed_id: [u8; 32],
    pub class_id: u64,
}

impl TradingEnv {
    pub async fn bootstrap(chain: &mut impl Ledger, opts: TradingOptions) -> Self {
        let pau = PauEnv::bootstrap(chain, PauOptions::default()).await;
        Self::bootstrap_on(chain, pau, opts, 0).await
    }

    /// A class `class_id` (with one pool) on an existing PAU.
    pub async fn bootstrap_on(
        chain: &mut impl Ledger,
        pau: PauEnv,
        opts: TradingOptions,
        class_id: u64,
    ) -> Self {
        let governance = chain.funded_keypair(10_000_000_000).await;
        let beacon = chain.funded_keypair(10_000_000_000).await;
        let freezer = chain.funded_keypair(1_000_000_000).await;
        let reporter = chain.funded_keypair(1_000_000_000).await;
        let issuer = chain.funded_keypair(1_000_000_000).await;
        let asset_mint = chain
            .create_mint(MintKind::SplToken, opts.asset_decimals)
            .await;
        let asset_tp = MintKind::SplToken.token_program();
        let issuer_account = chain
            .create_ata(&issuer.pubkey(), &asset_mint, &asset_tp)
            .await;
        let pyth_feed_id = [0x7a; 32];
        let g = governance.pubkey();

        let price_account = match opts.price {
            PriceKind::HaloFeed => {
                let feed = halo_sdk::pda::feed(&g, 0);
                chain
                    .must(
                        &[
                            oracle::create_feed(
                                &g,
                                oracle::CreateFeedArgs {
                                    feed_id: 0,
                                    decimals: FEED_DECIMALS,
                                    max_move_bps: 500,
                                    initial_value: opts.nav,
                                },
                            ),
                            oracle::add_reporter(&g, &feed, reporter.pubkey()),
                        ],
                        &[&governance],
                    )
                    .await;
                feed
            }
            PriceKind::Pyth => chain.new_keypair().pubkey(),
        };

        let class = halo_sdk::pda::class(&g, class_id);
        chain
            .must(
                &[
                    tx::create_class(
                        &g,
                        &pau.mint,
                        &pau.controller,
                        CreateClassArgs {
                            class_id,
                            beacon: beacon.pubkey(),
                            freezer: freezer.pubkey(),
                        },
                    ),
                    tx::set_rfq_domain(&g, &class, LOCAL_RFQ_DOMAIN),
                ],
                &[&governance],
            )
            .await;
        let pool = PoolRef::new(
            class,
            0,
            0,
            asset_mint,
            pau.mint,
            price_account,
            asset_tp,
            pau.token_program,
        );
        let route_key =
            halo_sdk::keys::rate_limit_key(tx::TAG_AMM_FUND, &pau.mint, &pool.quote_vault);
        let link = PauLink {
            controller: pau.controller,
            custody: pau.custody,
            route_key,
        };
        let env = Self {
            pau,
            governance,
            beacon,
            freezer,
            reporter,
            issuer,
            issuer_account,
            pool,
            link,
            price: opts.price,
            pyth_feed_id,
            class_id,
        };
        if opts.price == PriceKind::Pyth {
            let now = chain.now().await;
            env.set_pyth(chain, nav_to_pyth(opts.nav), 1_000, now, true)
                .await;
        }
        let price_source = match opts.price {
            PriceKind::HaloFeed => PriceSource::HaloFeed {
                feed: price_account,
            },
            PriceKind::Pyth => PriceSource::Pyth {
                feed_id: pyth_feed_id,
            },
        };
        let mut params = opts.params;
        params.redemption_account = issuer_account;
        chain
            .must(
                &[tx::create_pool(
                    &g,
                    &env.pool,
                    CreatePoolArgs {
                        unit_id: 0,
                        book_id: 0,
                        price_source,
                        params,
                    },
                )],
                &[&env.governance],
            )
            .await;

        // PAU side: the amm_fund route to the pool's quote vault, the pool PDA as the
        // integration allowed on it, and the PAU's LP position.
        env.pau
            .open_integration_route(
                chain,
                tx::TAG_AMM_FUND,
                env.pool.quote_vault,
                env.pool.pool,
                opts.route_max,
                opts.route_slope,
            )
            .await;
        let payer = chain.payer_key();
        chain
            .must(&[tx::open_position(&payer, &env.pool, env.pau.proxy)], &[])
            .await;
        // the route's timelock walk moved the clock: publish a fresh price
        env.refresh_price(chain).await;
        if opts.pau_funding > 0 {
            env.fund(chain, opts.pau_funding).await.expect("fund");
        }
        env
    }

    pub fn beacon_key(&self) -> Pubkey {
        self.beacon.pubkey()
    }

    /// Writes the Pyth account (price with exponent -8).
    pub async fn set_pyth(
        &self,
        chain: &mut impl Ledger,
        price: i64,
        conf: u64,
        publish_ts: i64,
        fully_verified: bool,
    ) {
        let data = tx::price_update_v2_bytes(
            fully_verified,
            self.pyth_feed_id,
            price,
            conf,
            PYTH_EXPONENT,
            publish_ts,
        );
        let lamports = chain.rent(data.len()).await;
        chain
            .set_account(
                &self.pool.price_account,
                RawAccount {
                    lamports,
                    owner: tx::PYTH_RECEIVER_ID,
                    data,
                },
            )
            .await;
    }

    /// Publishes `nav` (feed units) now: through the reporter (within the move guard) or
    /// governance (any move), or as a new Pyth update.
    pub async fn publish_nav(&self, chain: &mut impl Ledger, nav: u64) -> Result<Receipt, Refusal> {
        let now = chain.now().await;
        match self.price {
            PriceKind::HaloFeed => {
                chain
                    .send(
                        &[oracle::publish(
                            &self.reporter.pubkey(),
                            &self.pool.price_account,
                            nav,
                            now,
                        )],
                        &[&self.reporter],
                    )
                    .await
            }
            PriceKind::Pyth => {
                self.set_pyth(chain, nav_to_pyth(nav), 1_000, now, true)
                    .await;
                Ok(Receipt::default())
            }
        }
    }

    /// Governance publishes `nav` now, whatever the move.
    pub async fn governance_publish(&self, chain: &mut impl Ledger, nav: u64) {
        let now = chain.now().await;
        chain
            .must(
                &[oracle::governance_publish(
                    &self.governance.pubkey(),
                    &self.pool.price_account,
                    nav,
                    now,
                )],
                &[&self.governance],
            )
            .await;
    }

    /// Re-publishes the current NAV now (after a clock warp); nothing if already fresh.
    pub async fn refresh_price(&self, chain: &mut impl Ledger) {
        if self.price == PriceKind::HaloFeed {
            let f: oracle::Feed = chain.account(&self.pool.price_account).await;
            if f.publish_ts >= chain.now().await {
                return;
            }
        }
        let nav = self.nav(chain).await;
        self.publish_nav(chain, nav).await.expect("refresh price");
    }

    /// The NAV the price account carries now, in feed units.
    pub async fn nav(&self, chain: &mut impl Ledger) -> u64 {
        match self.price {
            PriceKind::HaloFeed => {
                let f: oracle::Feed = chain.account(&self.pool.price_account).await;
                f.value
            }
            PriceKind::Pyth => {
                let d = chain
                    .account_data(&self.pool.price_account)
                    .await
                    .expect("pyth account");
                let p = tx::decode_price_update_v2(&d).expect("pyth layout");
                u64::try_from(p.price).expect("positive") / 100
            }
        }
    }

    pub async fn state(&self, chain: &mut impl Ledger) -> Pool {
        chain.account(&self.pool.pool).await
    }

    /// A user with `asset` and `quote` base units in fresh token accounts.
    pub async fn trader(&self, chain: &mut impl Ledger, asset: u64, quote: u64) -> Trader {
        let key = chain.funded_keypair(1_000_000_000).await;
        let a = chain
            .create_ata(
                &key.pubkey(),
                &self.pool.asset_mint,
                &self.pool.asset_token_program,
            )
            .await;
        let q = chain
            .create_ata(
                &key.pubkey(),
                &self.pool.quote_mint,
                &self.pool.quote_token_program,
            )
            .await;
        if asset > 0 {
            chain
                .mint_to(
                    &self.pool.asset_mint,
                    &self.pool.asset_token_program,
                    &a,
                    asset,
                )
                .await;
        }
        if quote > 0 {
            chain
                .mint_to(
                    &self.pool.quote_mint,
                    &self.pool.quote_token_program,
                    &q,
                    quote,
                )
                .await;
        }
        Trader {
            key,
            asset: a,
            quote: q,
        }
    }

    /// A swap instruction; `exact_in` picks the mode (`amount` given / received).
    pub fn swap_ix(
        &self,
        t: &Trader,
        side: Side,
        exact_in: bool,
        amount: u64,
        limit: u64,
        expiry: i64,
    ) -> halo_sdk::Instruction {
        tx::swap(
            &t.key.pubkey(),
            &self.pool,
            &t.asset,
            &t.quote,
            SwapArgs {
                side,
                mode: if exact_in {
                    Mode::ExactIn
                } else {
                    Mode::ExactOut
                },
                amount,
                limit,
                expiry,
            },
        )
    }

    /// A swap with no price bound and a one-minute expiry.
    pub async fn swap(
        &self,
        chain: &mut impl Ledger,
        t: &Trader,
        side: Side,
        exact_in: bool,
        amount: u64,
    ) -> Result<Receipt, Refusal> {
        let limit = if exact_in { 0 } else { u64::MAX };
        let expiry = chain.now().await.saturating_add(60);
        let ix = self.swap_ix(t, side, exact_in, amount, limit, expiry);
        chain.send(&[ix], &[&t.key]).await
    }

    pub async fn fund(&self, chain: &mut impl Ledger, amount: u64) -> Result<Receipt, Refusal> {
        chain
            .send(
                &[tx::fund_from_pau(
                    &self.beacon_key(),
                    &self.pool,
                    &self.link,
                    amount,
                )],
                &[&self.beacon],
            )
            .await
    }

    /// A Prime with an open position and `amount` USDS deposited.
    pub async fn lp(&self, chain: &mut impl Ledger, amount: u64) -> Trader {
        let t = self.trader(chain, 0, amount).await;
        let payer = chain.payer_key();
        chain
            .must(
                &[
                    tx::open_position(&payer, &self.pool, t.key.pubkey()),
                    tx::deposit(&t.key.pubkey(), &self.pool, &t.quote, amount, 0),
                ],
                &[&t.key],
            )
            .await;
        t
    }

    /// The issuer pays `amount` USDS into the pool's quote vault (unbooked until
    /// `settle_redemption`).
    pub async fn issuer_pays(&self, chain: &mut impl Ledger, amount: u64) {
        chain
            .mint_to(
                &self.pool.quote_mint,
                &self.pool.quote_token_program,
                &self.pool.quote_vault,
                amount,
            )
            .await;
    }

    /// Conservation: the vaults hold at least what the accounting says is owed (equal for
    /// the asset; the quote vault may hold unbooked issuer payments). Returns the
    /// quote surplus.
    pub async fn check_books(&self, chain: &mut impl Ledger) -> u64 {
        let p = self.state(chain).await;
        let q = chain.balance(&self.pool.quote_vault).await;
        let a = chain.balance(&self.pool.asset_vault).await;
        assert_eq!(a, p.inventory, "asset vault vs inventory");
        let booked = p.quote_liquidity + p.claims_reserved;
        assert!(q >= booked, "quote vault {q} < booked {booked}");
        q - booked
    }
}

/// Feed units (6 decimals) to a Pyth price with exponent -8.
pub fn nav_to_pyth(nav: u64) -> i64 {
    i64::try_from(nav).expect("nav fits i64") * 100
}

impl crate::vocab::Fixture for TradingEnv {
    /// Every account of the class and pool worth watching, plus `extra`.
    async fn fingerprint(
        &self,
        chain: &mut impl Ledger,
        extra: &[Pubkey],
    ) -> Vec<Option<RawAccount>> {
        let mut all = vec![
            self.pool.class,
            self.pool.pool,
            self.pool.book,
            self.pool.asset_vault,
            self.pool.quote_vault,
            self.pool.price_account,
            self.pau.custody,
            halo_sdk::pda::position(&self.pool.pool, &self.pau.proxy),
        ];
        all.extend_from_slice(extra);
        chain.fingerprint(&all).await
    }
}
