//! A ready PAU: configurator, a registered controller with GovOps, relayer and freezer,
//! a USDS mint and funded ALM-proxy custody. Every step goes through the real
//! instructions (the timelock included), so the fixture is itself a test of the happy path.
use anchor_lang::prelude::Pubkey;
use halo_pau::{constants::*, state::*};
use halo_sdk::ledger::{Keypair, Ledger, MintKind, RawAccount, Receipt, Refusal, Signer};
use halo_sdk::{keys, pau as ix, pau::Route, pda};

/// Knobs of the fixture.
#[derive(Clone, Copy, Debug)]
pub struct PauOptions {
    pub pau_id: u64,
    pub mint: MintKind,
    pub decimals: u8,
    /// Base units minted into custody.
    pub custody_funding: u64,
}

impl Default for PauOptions {
    fn default() -> Self {
        Self {
            pau_id: 0,
            mint: MintKind::SplToken,
            decimals: 6,
            custody_funding: 10_000_000 * 1_000_000,
        }
    }
}

/// The roles and addresses of one PAU.
pub struct PauEnv {
    pub admin: Keypair,
    pub govops: Keypair,
    pub relayer: Keypair,
    pub freezer: Keypair,
    pub configurator: Pubkey,
    pub pau_id: u64,
    pub controller: Pubkey,
    pub proxy: Pubkey,
    pub mint: Pubkey,
    pub token_program: Pubkey,
    pub custody: Pubkey,
}

impl PauEnv {
    /// Configurator (14-day timelock, 18-hour SORL hop, 25 %), then a PAU registered and
    /// GovOps granted through the timelock, relayer and freezer set, custody funded.
    pub async fn bootstrap(chain: &mut impl Ledger, opts: PauOptions) -> Self {
        let admin = chain.funded_keypair(10_000_000_000).await;
        let payer = chain.payer_key();
        // the payer deployed the program: it is the upgrade authority that must sign
        install_program_data(chain, &halo_pau::ID, &payer).await;
        chain
            .must(
                &[ix::initialize_configurator(
                    &payer,
                    &payer,
                    ix::InitializeConfiguratorArgs {
                        admin: admin.pubkey(),
                        timelock_delay_s: DEFAULT_TIMELOCK_DELAY_S,
                        sorl_hop_s: DEFAULT_SORL_HOP_S,
                        sorl_max_change_bps: DEFAULT_SORL_MAX_CHANGE_BPS,
                    },
                )],
                &[],
            )
            .await;
        Self::bootstrap_pau(chain, admin, opts).await
    }

    /// A further PAU under an existing configurator whose admin is `admin`.
    pub async fn bootstrap_pau(chain: &mut impl Ledger, admin: Keypair, opts: PauOptions) -> Self {
        let configurator = pda::configurator();
        let controller = pda::controller(&configurator, opts.pau_id);
        let proxy = pda::proxy(&controller);
        let govops = chain.funded_keypair(10_000_000_000).await;
        let relayer = chain.funded_keypair(1_000_000_000).await;
        let freezer = chain.funded_keypair(1_000_000_000).await;
        let mint = chain.create_mint(opts.mint, opts.decimals).await;
        let token_program = opts.mint.token_program();
        let custody = chain.create_ata(&proxy, &mint, &token_program).await;
        if opts.custody_funding > 0 {
            chain
                .mint_to(&mint, &token_program, &custody, opts.custody_funding)
                .await;
        }
        let env = Self {
            admin,
            govops,
            relayer,
            freezer,
            configurator,
            pau_id: opts.pau_id,
            controller,
            proxy,
            mint,
            token_program,
            custody,
        };
        let admin_key = env.admin.pubkey();
        chain
            .must(
                &[ix::initialize_controller(&admin_key, opts.pau_id)],
                &[&env.admin],
            )
            .await;
        let register = env
            .schedule(chain, TimelockAction::RegisterPau { controller })
            .await
            .expect("schedule register");
        let grant = env
            .schedule(
                chain,
                TimelockAction::GrantGovOps {
                    controller,
                    member: env.govops.pubkey(),
                },
            )
            .await
            .expect("schedule grant");
        env.pass_timelock(chain).await;
        let payer = chain.payer_key();
        chain
            .must(
                &[
                    ix::execute_register_pau(&payer, register, &controller),
                    ix::execute_grant_govops(&payer, grant, &controller, env.govops.pubkey()),
                ],
                &[],
            )
            .await;
        let g = env.govops.pubkey();
        chain
            .must(
                &[
                    ix::set_relayer(&g, &controller, env.relayer.pubkey()),
                    ix::set_freezer(&g, &controller, env.freezer.pubkey()),
                ],
                &[&env.govops],
            )
            .await;
        env
    }

    /// Schedules an operation; returns its id.
    pub async fn schedule(
        &self,
        chain: &mut impl Ledger,
        action: TimelockAction,
    ) -> Result<u64, Refusal> {
        let c: Configurator = chain.account(&self.configurator).await;
        let op_id = c.next_op_id;
        chain
            .send(
                &[ix::schedule_op(&self.admin.pubkey(), op_id, action)],
                &[&self.admin],
            )
            .await?;
        Ok(op_id)
    }

    /// Advances the clock by the configurator's timelock delay.
    pub async fn pass_timelock(&self, chain: &mut impl Ledger) {
        let c: Configurator = chain.account(&self.configurator).await;
        chain.advance(c.timelock_delay_s).await;
    }

    /// Approves a route through the timelock: schedule, wait, execute.
    pub async fn add_init(
        &self,
        chain: &mut impl Ledger,
        key: [u8; 32],
        scope: Pubkey,
        max_amount: u64,
        slope: u64,
    ) {
        let op = self
            .schedule(
                chain,
                TimelockAction::AddInitRateLimit {
                    key,
                    pau: scope,
                    max_amount,
                    slope,
                },
            )
            .await
            .expect("schedule init");
        self.pass_timelock(chain).await;
        let payer = chain.payer_key();
        chain
            .must(
                &[ix::execute_add_init_rate_limit(&payer, op, key, scope)],
                &[],
            )
            .await;
    }

    /// The route `tag` from custody to `counterparty` (no accounts created).
    pub fn route(&self, tag: &[u8], counterparty: Pubkey) -> Route {
        Route {
            controller: self.controller,
            key: keys::rate_limit_key(tag, &self.mint, &counterparty),
            mint: self.mint,
            token_program: self.token_program,
            custody: self.custody,
            counterparty,
        }
    }

    /// GovOps opens a rate limit for `route` (an init must exist).
    pub async fn create_rate_limit(
        &self,
        chain: &mut impl Ledger,
        route: &Route,
        tag: &[u8],
        max_amount: u64,
        slope: u64,
    ) -> Result<Receipt, Refusal> {
        chain
            .send(
                &[ix::create_rate_limit(
                    &self.govops.pubkey(),
                    &self.controller,
                    &route.mint,
                    ix::CreateRateLimitArgs {
                        key: route.key,
                        tag: tag.to_vec(),
                        counterparty: route.counterparty,
                        max_amount,
                        slope,
                    },
                )],
                &[&self.govops],
            )
            .await
    }

    /// A new counterparty token account (owned by a fresh key) and an open `transfer` route
    /// to it (see `open_route`).
    pub async fn open_transfer_route(
        &self,
        chain: &mut impl Ledger,
        max_amount: u64,
        slope: u64,
    ) -> Route {
        let owner = chain.new_keypair().pubkey();
        let dest = chain
            .create_ata(&owner, &self.mint, &self.token_program)
            .await;
        self.open_route(chain, keys::tags::TRANSFER, dest, max_amount, slope)
            .await
    }

    /// Opens route `tag` to `counterparty`: a global init of (`max_amount`, `slope`) through
    /// the timelock, then GovOps creates the rate limit at the same values.
    pub async fn open_route(
        &self,
        chain: &mut impl Ledger,
        tag: &[u8],
        counterparty: Pubkey,
        max_amount: u64,
        slope: u64,
    ) -> Route {
        let route = self.route(tag, counterparty);
        self.add_init(chain, route.key, Pubkey::default(), max_amount, slope)
            .await;
        self.create_rate_limit(chain, &route, tag, max_amount, slope)
            .await
            .expect("create rate limit");
        route
    }

    /// Route `tag` to `counterparty` opened for integration `signer` in one timelock walk:
    /// a global init and the integration's key are scheduled together, then the init is
    /// executed, GovOps creates the rate limit and the integration is executed.
    pub async fn open_integration_route(
        &self,
        chain: &mut impl Ledger,
        tag: &[u8],
        counterparty: Pubkey,
        signer: Pubkey,
        max_amount: u64,
        slope: u64,
    ) -> Route {
        let route = self.route(tag, counterparty);
        let init = self
            .schedule(
                chain,
                TimelockAction::AddInitRateLimit {
                    key: route.key,
                    pau: Pubkey::default(),
                    max_amount,
                    slope,
                },
            )
            .await
            .expect("schedule init");
        let integration = self
            .schedule(
                chain,
                TimelockAction::AddIntegration {
                    controller: self.controller,
                    signer,
                    key: route.key,
                },
            )
            .await
            .expect("schedule integration");
        self.pass_timelock(chain).await;
        let payer = chain.payer_key();
        chain
            .must(
                &[ix::execute_add_init_rate_limit(
                    &payer,
                    init,
                    route.key,
                    Pubkey::default(),
                )],
                &[],
            )
            .await;
        self.create_rate_limit(chain, &route, tag, max_amount, slope)
            .await
            .expect("create rate limit");
        chain
            .must(
                &[ix::execute_add_integration(
                    &payer,
                    integration,
                    &self.controller,
                    signer,
                )],
                &[],
            )
            .await;
        route
    }

    /// Adds `key` to integration `signer` through the timelock: schedule, wait, execute.
    pub async fn add_integration_key(
        &self,
        chain: &mut impl Ledger,
        signer: Pubkey,
        key: [u8; 32],
    ) -> Result<Receipt, Refusal> {
        let op = self
            .schedule(
                chain,
                TimelockAction::AddIntegration {
                    controller: self.controller,
                    signer,
                    key,
                },
            )
            .await?;
        self.pass_timelock(chain).await;
        let payer = chain.payer_key();
        chain
            .send(
                &[ix::execute_add_integration(
                    &payer,
                    op,
                    &self.controller,
                    signer,
                )],
                &[],
            )
            .await
    }

    /// An integration signer (a plain key standing in for a Halo program's PDA) with its
    /// token account, an open `tag` route to that account, and the integration added with
    /// that one key through the timelock.
    pub async fn open_integration(
        &self,
        chain: &mut impl Ledger,
        tag: &[u8],
        max_amount: u64,
        slope: u64,
    ) -> (Keypair, Route) {
        let signer = chain.funded_keypair(1_000_000_000).await;
        let account = chain
            .create_ata(&signer.pubkey(), &self.mint, &self.token_program)
            .await;
        let route = self
            .open_integration_route(chain, tag, account, signer.pubkey(), max_amount, slope)
            .await;
        (signer, route)
    }

    pub async fn transfer(
        &self,
        chain: &mut impl Ledger,
        route: &Route,
        amount: u64,
    ) -> Result<Receipt, Refusal> {
        chain
            .send(
                &[ix::transfer(&self.relayer.pubkey(), route, amount)],
                &[&self.relayer],
            )
            .await
    }

    pub async fn rate_limit(&self, chain: &mut impl Ledger, key: &[u8; 32]) -> RateLimit {
        chain.account(&pda::rate_limit(&self.controller, key)).await
    }

    pub async fn controller_state(&self, chain: &mut impl Ledger) -> Controller {
        chain.account(&self.controller).await
    }

    /// The seeds a test needs to rebuild a PDA by hand.
    pub fn proxy_seeds(&self) -> [Vec<u8>; 2] {
        [SEED_PROXY.to_vec(), self.controller.to_bytes().to_vec()]
    }
}

/// Sets `program`'s ProgramData account (the upgradeable loader's PDA of its id) to name
/// `authority` as its upgrade authority: what deploying through the upgradeable loader
/// with that key leaves on a real cluster. Chains that load programs directly get the
/// account written (program-test); chains that deploy them through the loader with no
/// authority (LiteSVM) get the header's authority rewritten, the program bytes kept. The
/// program's own check (`initialize_configurator`) runs unchanged against it.
pub async fn install_program_data(chain: &mut impl Ledger, program: &Pubkey, authority: &Pubkey) {
    let loader = anchor_lang::solana_program::bpf_loader_upgradeable::ID;
    let address = Pubkey::find_program_address(&[program.as_ref()], &loader).0;
    // bincode of UpgradeableLoaderState::ProgramData { slot: 0, upgrade_authority: Some }
    let mut header = 3u32.to_le_bytes().to_vec();
    header.extend_from_slice(&0u64.to_le_bytes());
    header.push(1);
    header.extend_from_slice(authority.as_ref());
    let data = match chain.raw_account(&address).await {
        Some(existing) if existing.owner == loader && existing.data.len() >= header.len() => {
            let mut d = existing.data;
            d[..header.len()].copy_from_slice(&header);
            d
        }
        _ => header,
    };
    let lamports = chain.rent(data.len()).await;
    chain
        .set_account(
            &address,
            RawAccount {
                lamports,
                owner: loader,
                data,
            },
        )
        .await;
}

impl crate::vocab::Fixture for PauEnv {
    /// Every account of this PAU worth watching, plus `extra`.
    async fn fingerprint(
        &self,
        chain: &mut impl Ledger,
        extra: &[Pubkey],
    ) -> Vec<Option<RawAccount>> {
        let mut all = vec![
            self.configurator,
            self.controller,
            self.custody,
            pda::govops(&self.controller, &self.govops.pubkey()),
        ];
        all.extend_from_slice(extra);
        chain.fingerprint(&all).await
    }
}
