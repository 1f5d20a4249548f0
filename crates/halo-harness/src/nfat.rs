//! A ready Structuring Halo over a ready PAU: the PAU's deploy route (custody → the RWA
//! endpoint's account) and return route (custody → the facility's redeem vault), the
//! facility PDA registered as the integration on both, and a facility with its
//! governance, beacon (lpha-nfat), attestor (lpha-attest) and warden. Every step goes
//! through the real instructions (the PAU timelock included).
use anchor_lang::prelude::Pubkey;
use halo_sdk::ledger::{Keypair, Ledger, RawAccount, Receipt, Refusal, Signer};
use halo_sdk::nfat::{
    self as tx, Amounts, AttestationKind, Book, BookStatus, Buybox, CreateFacilityArgs, Deal,
    DealRef, DealView, Facility, FacilityPau, FacilityRef, QueueDeposit, Roles, Schedule, Terms,
    SCHEDULE_ALL,
};

use crate::pau::{PauEnv, PauOptions};

/// One whole token of a 6-decimal mint.
pub const UNIT: u64 = 1_000_000;
/// A million tokens.
pub const MILLION: u64 = 1_000_000 * UNIT;

/// The seed's example buybox: 6–24 months, 5M–100M, 8–15 % APY, every schedule, up to 12
/// payments, a 5 bps/day late penalty, a 30-day grace period, deals starting within 30
/// days of their strike, "senior secured loans".
pub fn default_buybox() -> Buybox {
    let mut asset_type = [0u8; 32];
    asset_type[..19].copy_from_slice(b"senior secured loan");
    Buybox {
        min_tenor_months: 6,
        max_tenor_months: 24,
        min_principal: 5 * MILLION,
        max_principal: 100 * MILLION,
        min_apy_bps: 800,
        max_apy_bps: 1_500,
        schedules: SCHEDULE_ALL,
        max_payments: 12,
        late_penalty_bps_per_day: 5,
        grace_period_s: 30 * 86_400,
        max_start_offset_s: 30 * 86_400,
        asset_type,
    }
}

/// Terms starting at `start`.
pub fn terms(
    principal: u64,
    apy_bps: u32,
    tenor_months: u32,
    payments: u32,
    schedule: Schedule,
    start: i64,
) -> Terms {
    Terms {
        principal,
        apy_bps,
        start_ts: start,
        tenor_months,
        payments,
        schedule,
    }
}

#[derive(Clone, Copy, Debug)]
pub struct NfatOptions {
    pub buybox: Buybox,
    pub facility_id: u64,
    /// The PAU's deploy and return routes.
    pub route_max: u64,
    pub route_slope: u64,
    /// Base units minted into PAU custody (returns draw from it).
    pub custody_funding: u64,
}

impl Default for NfatOptions {
    fn default() -> Self {
        Self {
            buybox: default_buybox(),
            facility_id: 0,
            route_max: 500 * MILLION,
            route_slope: 500 * MILLION / 86_400,
            custody_funding: 1_000 * MILLION,
        }
    }
}

/// A wallet with a deposit-mint account: a Prime, a later NFT holder, a payer.
pub struct Wallet {
    pub key: Keypair,
    pub token: Pubkey,
}

impl Wallet {
    pub fn pubkey(&self) -> Pubkey {
        self.key.pubkey()
    }
}

pub struct NfatEnv {
    pub pau: PauEnv,
    pub governance: Keypair,
    pub beacon: Keypair,
    pub attestor: Keypair,
    pub warden: Keypair,
    /// Owner of the RWA endpoint's account (the deploy route's counterparty).
    pub rwa: Keypair,
    pub facility: FacilityRef,
}

impl NfatEnv {
    pub async fn bootstrap(chain: &mut impl Ledger, opts: NfatOptions) -> Self {
        let pau = PauEnv::bootstrap(
            chain,
            PauOptions {
                custody_funding: opts.custody_funding,
                ..PauOptions::default()
            },
        )
        .await;
        match Self::try_bootstrap_on(chain, pau, opts).await {
            Ok(env) => env,
            Err(f) => panic!(
                "NFAT bootstrap refused: {}\n{}",
                f.reason(),
                f.logs.join("\n")
            ),
        }
    }

    /// A facility on an existing PAU (one facility per PAU routes pair).
    pub async fn try_bootstrap_on(
        chain: &mut impl Ledger,
        pau: PauEnv,
        opts: NfatOptions,
    ) -> Result<Self, Refusal> {
        let governance = chain.funded_keypair(10_000_000_000).await;
        let beacon = chain.funded_keypair(50_000_000_000).await;
        let attestor = chain.funded_keypair(1_000_000_000).await;
        let warden = chain.funded_keypair(1_000_000_000).await;
        let rwa = chain.funded_keypair(1_000_000_000).await;
        let endpoint = chain
            .create_ata(&rwa.pubkey(), &pau.mint, &pau.token_program)
            .await;
        let g = governance.pubkey();
        let facility = FacilityRef::new(
            g,
            opts.facility_id,
            pau.mint,
            pau.token_program,
            FacilityPau {
                controller: pau.controller,
                custody: pau.custody,
                endpoint,
            },
        );
        let args = CreateFacilityArgs {
            facility_id: opts.facility_id,
            buybox: opts.buybox,
            roles: Roles {
                beacon: beacon.pubkey(),
                attestor: attestor.pubkey(),
                warden: warden.pubkey(),
            },
            name: format!("Senior Secured {}", opts.facility_id),
            symbol: "NFAT".into(),
            uri: "https://example.invalid/halo/nfat/deal.json".into(),
        };
        chain
            .send(&[tx::create_facility(&facility, args)], &[&governance])
            .await?;
        // the PAU side: both routes, the facility PDA their integration, through the timelock
        pau.open_integration_route(
            chain,
            tx::TAG_NFAT_DEPLOY,
            endpoint,
            facility.facility,
            opts.route_max,
            opts.route_slope,
        )
        .await;
        pau.open_integration_route(
            chain,
            tx::TAG_NFAT_RETURN,
            facility.redeem_vault,
            facility.facility,
            opts.route_max,
            opts.route_slope,
        )
        .await;
        chain
            .send(&[tx::set_routes(&g, &facility)], &[&governance])
            .await?;
        Ok(Self {
            pau,
            governance,
            beacon,
            attestor,
            warden,
            rwa,
            facility,
        })
    }

    /// A wallet holding `amount` of the deposit mint.
    pub async fn wallet(&self, chain: &mut impl Ledger, amount: u64) -> Wallet {
        let key = chain.funded_keypair(1_000_000_000).await;
        let f = &self.facility;
        let token = chain
            .create_ata(&key.pubkey(), &f.deposit_mint, &f.deposit_token_program)
            .await;
        if amount > 0 {
            chain
                .mint_to(&f.deposit_mint, &f.deposit_token_program, &token, amount)
                .await;
        }
        Wallet { key, token }
    }

    /// An approved Prime holding `amount`.
    pub async fn prime(&self, chain: &mut impl Ledger, amount: u64) -> Wallet {
        let w = self.wallet(chain, amount).await;
        chain
            .must(
                &[tx::approve_prime(
                    &self.governance.pubkey(),
                    &self.facility,
                    &w.pubkey(),
                )],
                &[&self.governance],
            )
            .await;
        w
    }

    pub async fn deposit(
        &self,
        chain: &mut impl Ledger,
        p: &Wallet,
        amount: u64,
    ) -> Result<Receipt, Refusal> {
        let ix = tx::deposit(&p.pubkey(), &self.facility, &p.token, amount);
        chain.send(&[ix], &[&p.key]).await
    }

    pub async fn withdraw(
        &self,
        chain: &mut impl Ledger,
        p: &Wallet,
        amount: u64,
    ) -> Result<Receipt, Refusal> {
        let ix = tx::withdraw(&p.pubkey(), &self.facility, &p.token, amount);
        chain.send(&[ix], &[&p.key]).await
    }

    /// The beacon creates the next book; returns its address.
    pub async fn create_book(&self, chain: &mut impl Ledger) -> Pubkey {
        let id = self.state(chain).await.next_book_id;
        chain
            .must(
                &[tx::create_book(&self.beacon.pubkey(), &self.facility, id)],
                &[&self.beacon],
            )
            .await;
        self.facility.book(id)
    }

    /// The next deal's addresses in `book`.
    pub async fn next_deal(&self, chain: &mut impl Ledger, book: Pubkey) -> DealRef {
        let id = self.state(chain).await.next_deal_id;
        self.facility.deal(id, book)
    }

    pub async fn claim_ix(
        &self,
        chain: &mut impl Ledger,
        p: &Pubkey,
        book: Pubkey,
        terms: Terms,
    ) -> (Vec<halo_sdk::Instruction>, DealRef) {
        let deal = self.next_deal(chain, book).await;
        (
            tx::claim_transaction(&self.beacon.pubkey(), &self.facility, p, &deal, terms),
            deal,
        )
    }

    /// The beacon strikes `terms` for `p` into `book`.
    pub async fn claim(
        &self,
        chain: &mut impl Ledger,
        p: &Pubkey,
        book: Pubkey,
        terms: Terms,
    ) -> Result<DealRef, Refusal> {
        let (ixs, deal) = self.claim_ix(chain, p, book, terms).await;
        chain.send(&ixs, &[&self.beacon]).await.map(|_| deal)
    }

    pub async fn attest(
        &self,
        chain: &mut impl Ledger,
        book: &Pubkey,
        kind: AttestationKind,
    ) -> Result<Receipt, Refusal> {
        let hash = [kind as u8 + 1; 32];
        let ix = tx::attest(&self.attestor.pubkey(), &self.facility, book, kind, hash);
        chain.send(&[ix], &[&self.attestor]).await
    }

    pub async fn move_book(
        &self,
        chain: &mut impl Ledger,
        book: &Pubkey,
        to: BookStatus,
    ) -> Result<Receipt, Refusal> {
        let ix = tx::move_book(&self.beacon.pubkey(), &self.facility, book, to);
        chain.send(&[ix], &[&self.beacon]).await
    }

    pub async fn deploy(
        &self,
        chain: &mut impl Ledger,
        book: &Pubkey,
        amount: u64,
    ) -> Result<Receipt, Refusal> {
        let ix = tx::deploy(&self.beacon.pubkey(), &self.facility, book, amount);
        chain.send(&[ix], &[&self.beacon]).await
    }

    /// Attest, move to Deploying, deploy everything, attest at rest, move to AtRest.
    pub async fn deploy_book(&self, chain: &mut impl Ledger, book: &Pubkey) {
        self.attest(chain, book, AttestationKind::PreDeployment)
            .await
            .expect("attest");
        self.move_book(chain, book, BookStatus::Deploying)
            .await
            .expect("deploying");
        let amount = self
            .book_state(chain, book)
            .await
            .vault_booked()
            .expect("booked");
        self.deploy(chain, book, amount).await.expect("deploy");
        self.attest(chain, book, AttestationKind::AtRest)
            .await
            .expect("attest");
        self.move_book(chain, book, BookStatus::AtRest)
            .await
            .expect("at rest");
    }

    /// The RWA endpoint pays `amount` back into PAU custody (principal and yield).
    pub async fn rwa_repays(&self, chain: &mut impl Ledger, amount: u64) {
        let f = &self.facility;
        chain
            .mint_to(
                &f.deposit_mint,
                &f.deposit_token_program,
                &f.endpoint,
                amount,
            )
            .await;
        let decimals = self.state(chain).await.deposit_decimals;
        let ix = anchor_spl::token_2022::spl_token_2022::instruction::transfer_checked(
            &f.deposit_token_program,
            &f.endpoint,
            &f.deposit_mint,
            &f.pau_custody,
            &self.rwa.pubkey(),
            &[],
            amount,
            decimals,
        )
        .expect("transfer_checked");
        chain.must(&[ix], &[&self.rwa]).await;
    }

    pub async fn return_funds(
        &self,
        chain: &mut impl Ledger,
        book: &Pubkey,
        amount: u64,
    ) -> Result<Receipt, Refusal> {
        let ix = tx::return_funds(&self.beacon.pubkey(), &self.facility, book, amount);
        chain.send(&[ix], &[&self.beacon]).await
    }

    pub async fn fund(
        &self,
        chain: &mut impl Ledger,
        deal: &DealRef,
        add: Amounts,
    ) -> Result<Receipt, Refusal> {
        let ix = tx::fund(&self.beacon.pubkey(), &self.facility, deal, add);
        chain.send(&[ix], &[&self.beacon]).await
    }

    pub async fn pay(
        &self,
        chain: &mut impl Ledger,
        payer: &Wallet,
        deal: &DealRef,
        add: Amounts,
    ) -> Result<Receipt, Refusal> {
        let ix = tx::pay(&payer.pubkey(), &self.facility, deal, &payer.token, add);
        chain.send(&[ix], &[&payer.key]).await
    }

    /// `holder` redeems up to `max`, proving the NFT by its associated account.
    pub async fn redeem(
        &self,
        chain: &mut impl Ledger,
        holder: &Wallet,
        deal: &DealRef,
        max: u64,
    ) -> Result<Receipt, Refusal> {
        let nft = tx::nft_account(&holder.pubkey(), &deal.nft_mint);
        let ix = tx::redeem(
            &holder.pubkey(),
            &self.facility,
            deal,
            &nft,
            &holder.token,
            max,
        );
        chain.send(&[ix], &[&holder.key]).await
    }

    /// A plain wallet transfer of the deal's NFT from `from` to `to` (its account created).
    pub async fn transfer_nft(
        &self,
        chain: &mut impl Ledger,
        from: &Wallet,
        deal: &DealRef,
        to: &Pubkey,
    ) -> Result<Receipt, Refusal> {
        let ixs = [
            tx::create_nft_account(&from.pubkey(), to, &deal.nft_mint),
            tx::transfer_nft(&from.pubkey(), &self.facility, &deal.nft_mint, to),
        ];
        chain.send(&ixs, &[&from.key]).await
    }

    pub async fn set_halted(
        &self,
        chain: &mut impl Ledger,
        signer: &Keypair,
        halted: bool,
    ) -> Result<Receipt, Refusal> {
        chain
            .send(
                &[tx::set_halted(&signer.pubkey(), &self.facility, halted)],
                &[signer],
            )
            .await
    }

    pub async fn state(&self, chain: &mut impl Ledger) -> Facility {
        chain.account(&self.facility.facility).await
    }

    pub async fn book_state(&self, chain: &mut impl Ledger, book: &Pubkey) -> Book {
        chain.account(book).await
    }

    /// The deal, or `None` once closed.
    pub async fn deal_state(&self, chain: &mut impl Ledger, deal: &DealRef) -> Option<Deal> {
        let data = chain.account_data(&deal.deal).await?;
        anchor_lang::AccountDeserialize::try_deserialize(&mut &data[..]).ok()
    }

    pub async fn deposit_state(
        &self,
        chain: &mut impl Ledger,
        prime: &Pubkey,
    ) -> Option<QueueDeposit> {
        let data = chain.account_data(&self.facility.deposit_of(prime)).await?;
        anchor_lang::AccountDeserialize::try_deserialize(&mut &data[..]).ok()
    }

    /// A Prime's queued capital (its shares' value).
    pub async fn queued(&self, chain: &mut impl Ledger, prime: &Pubkey) -> u64 {
        let f = self.state(chain).await;
        match self.deposit_state(chain, prime).await {
            Some(d) => d.balance(&f.queue).expect("balance"),
            None => 0,
        }
    }

    /// The `deal_view` return data.
    pub async fn view(&self, chain: &mut impl Ledger, deal: &DealRef) -> Result<DealView, Refusal> {
        let r = chain
            .send(&[tx::deal_view(&self.facility, deal)], &[])
            .await?;
        Ok(halo_sdk::decode::return_data(&r.return_data).expect("deal view"))
    }

    /// Who holds the deal's NFT in their associated account (1 token), among `owners`.
    pub async fn nft_balance(
        &self,
        chain: &mut impl Ledger,
        owner: &Pubkey,
        deal: &DealRef,
    ) -> u64 {
        let a = tx::nft_account(owner, &deal.nft_mint);
        match chain.account_data(&a).await {
            Some(d) => halo_sdk::ledger::token_balance(&d).unwrap_or(0),
            None => 0,
        }
    }

    /// Conservation: the queue vault holds at least the queue's booked underlying, the
    /// redeem vault at least what it owes, each of `books`' vaults at least its booked
    /// capital. Returns the redeem vault's surplus.
    pub async fn check_books(&self, chain: &mut impl Ledger, books: &[Pubkey]) -> u64 {
        let f = self.state(chain).await;
        let queue = chain.balance(&self.facility.queue_vault).await;
        assert!(
            queue >= f.queue.total_underlying,
            "queue vault {queue} < {}",
            f.queue.total_underlying
        );
        let redeem = chain.balance(&self.facility.redeem_vault).await;
        assert!(
            redeem >= f.deals.redeem_liability,
            "redeem vault {redeem} < {}",
            f.deals.redeem_liability
        );
        for b in books {
            let s = self.book_state(chain, b).await;
            let held = chain.balance(&s.vault).await;
            assert!(held >= s.vault_booked().unwrap(), "book vault short");
        }
        redeem - f.deals.redeem_liability
    }
}

impl crate::vocab::Fixture for NfatEnv {
    /// Every account of the facility worth watching (facility, vaults, the PAU's custody,
    /// routes and the endpoint), plus `extra`.
    async fn fingerprint(
        &self,
        chain: &mut impl Ledger,
        extra: &[Pubkey],
    ) -> Vec<Option<RawAccount>> {
        let f = &self.facility;
        let mut all = vec![
            f.facility,
            f.queue_vault,
            f.redeem_vault,
            f.pau_custody,
            f.deploy_rate_limit,
            f.return_rate_limit,
            f.endpoint,
        ];
        all.extend_from_slice(extra);
        chain.fingerprint(&all).await
    }
}
