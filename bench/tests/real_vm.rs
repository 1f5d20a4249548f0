//! The Halo programs on the real VM (SBF builds in LiteSVM): the `halo demo` scenarios with
//! the same checks as the native run (`crates/halo-cli/tests/demo.rs`), refusals with the
//! same codes as natively, and events, which only the real VM can show.
use anchor_lang::{AnchorDeserialize, Discriminator};
use base64::Engine;
use halo_bench::{block_on, SbfLedger};
use halo_harness::{assert_err, Ledger, PauEnv, PauOptions, Signer};
use halo_pau::{errors::PauError, events::Transferred};
use halo_scenarios::{configurator, report::Report};
use halo_sdk::pau as ix;

const USDS: u64 = 1_000_000;

#[test]
fn configurator_scenario_on_sbf_matches_native() {
    let mut ledger = SbfLedger::new();
    let mut r = Report::quiet();
    let o = block_on(configurator::run(&mut ledger, &mut r)).expect("scenario");
    configurator::verify(&o).expect("seed numbers on SBF");
}

/// The events a transaction emitted, decoded from its `Program data:` log lines.
fn events<E: AnchorDeserialize + Discriminator>(logs: &[String]) -> Vec<E> {
    logs.iter()
        .filter_map(|l| l.strip_prefix("Program data: "))
        .filter_map(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok())
        .filter(|bytes| bytes.starts_with(E::DISCRIMINATOR))
        .map(|bytes| E::deserialize(&mut &bytes[E::DISCRIMINATOR.len()..]).expect("event"))
        .collect()
}

#[test]
fn transfer_emits_its_event_with_the_rate_limit_post_state() {
    block_on(async {
        let mut l = SbfLedger::new();
        let env = PauEnv::bootstrap(&mut l, PauOptions::default()).await;
        let route = env.open_transfer_route(&mut l, 1_000 * USDS, USDS).await;
        let receipt = env
            .transfer(&mut l, &route, 250 * USDS)
            .await
            .expect("transfer");
        let ev: Vec<Transferred> = events(&receipt.logs);
        assert_eq!(ev.len(), 1, "one Transferred event");
        let e = &ev[0];
        assert_eq!((e.amount, e.received), (250 * USDS, 250 * USDS));
        assert_eq!(
            (e.controller, e.destination),
            (env.controller, route.counterparty)
        );
        assert_eq!(e.state.available, 750 * USDS);
        assert_eq!(e.state.max_amount, 1_000 * USDS);
    });
}

#[test]
fn refusals_carry_the_same_codes_as_natively() {
    block_on(async {
        let mut l = SbfLedger::new();
        let env = PauEnv::bootstrap(&mut l, PauOptions::default()).await;
        let route = env.open_transfer_route(&mut l, 1_000 * USDS, USDS).await;
        let watched = [route.counterparty, env.custody];
        let before = l.fingerprint(&watched).await;
        assert_err(
            env.transfer(&mut l, &route, 1_000 * USDS + 1).await,
            PauError::RateLimitExceeded,
        );
        let f = env.freezer.pubkey();
        l.must(&[ix::freeze(&f, &env.controller)], &[&env.freezer])
            .await;
        assert_err(
            env.transfer(&mut l, &route, USDS).await,
            PauError::ControllerFrozen,
        );
        assert_eq!(l.fingerprint(&watched).await, before);
    });
}

#[test]
fn trading_scenarios_on_sbf_match_native() {
    let mut ledger = SbfLedger::new();
    let mut r = Report::quiet();
    let o = block_on(halo_scenarios::trading::run(&mut ledger, &mut r)).expect("scenario");
    halo_scenarios::trading::verify(&o).expect("seed 000 numbers on SBF");
}

#[test]
fn swap_emits_its_event_on_sbf() {
    use halo_harness::trading::{TradingEnv, TradingOptions};
    use halo_trading::events::SwapExecuted;
    block_on(async {
        let mut l = SbfLedger::new();
        let env = TradingEnv::bootstrap(&mut l, TradingOptions::default()).await;
        let u = env.trader(&mut l, 100_000 * USDS, 0).await;
        let receipt = env
            .swap(
                &mut l,
                &u,
                halo_sdk::trading::Side::SellAsset,
                true,
                100_000 * USDS,
            )
            .await
            .expect("swap");
        let ev: Vec<SwapExecuted> = events(&receipt.logs);
        assert_eq!(ev.len(), 1);
        assert!(ev[0].user_sold);
        assert_eq!(ev[0].quote_amount, 99_950 * USDS);
        assert_eq!(ev[0].spread_quote, 50 * USDS);
        assert_eq!(ev[0].price_used_wad, 1_000_000_000_000_000_000);
    });
}

/// Finding 2 on the real VM: with the ProgramData of halo_pau naming the deployer, a
/// front-runner cannot initialise the configurator; the deployer can.
#[test]
fn initialize_configurator_needs_the_upgrade_authority_on_sbf() {
    block_on(async {
        let mut l = SbfLedger::new();
        let deployer = l.funded_keypair(1_000_000_000).await;
        halo_harness::pau::install_program_data(&mut l, &halo_pau::ID, &deployer.pubkey()).await;
        let attacker = l.funded_keypair(1_000_000_000).await;
        let payer = l.payer_key();
        let args = |admin| ix::InitializeConfiguratorArgs {
            admin,
            timelock_delay_s: halo_pau::constants::DEFAULT_TIMELOCK_DELAY_S,
            sorl_hop_s: halo_pau::constants::DEFAULT_SORL_HOP_S,
            sorl_max_change_bps: halo_pau::constants::DEFAULT_SORL_MAX_CHANGE_BPS,
        };
        let configurator = halo_sdk::pda::configurator();
        assert_err(
            l.send(
                &[ix::initialize_configurator(
                    &payer,
                    &attacker.pubkey(),
                    args(attacker.pubkey()),
                )],
                &[&attacker],
            )
            .await,
            PauError::NotUpgradeAuthority,
        );
        assert!(l.raw_account(&configurator).await.is_none());
        // the deployer hands the upgrade authority on through the real upgradeable loader:
        // from then on only the new authority may initialise
        let successor = l.funded_keypair(1_000_000_000).await;
        l.must(
            &[
                anchor_lang::solana_program::bpf_loader_upgradeable::set_upgrade_authority(
                    &halo_pau::ID,
                    &deployer.pubkey(),
                    Some(&successor.pubkey()),
                ),
            ],
            &[&deployer],
        )
        .await;
        assert_err(
            l.send(
                &[ix::initialize_configurator(
                    &payer,
                    &deployer.pubkey(),
                    args(deployer.pubkey()),
                )],
                &[&deployer],
            )
            .await,
            PauError::NotUpgradeAuthority,
        );
        l.must(
            &[ix::initialize_configurator(
                &payer,
                &successor.pubkey(),
                args(successor.pubkey()),
            )],
            &[&successor],
        )
        .await;
        assert!(l.raw_account(&configurator).await.is_some());
    });
}

#[test]
fn passthrough_scenario_on_sbf_matches_native() {
    let mut ledger = SbfLedger::new();
    let mut r = Report::quiet();
    let o = block_on(halo_scenarios::passthrough::run(&mut ledger, &mut r)).expect("scenario");
    halo_scenarios::passthrough::verify(&o).expect("seed numbers on SBF");
}

#[test]
fn lcts_views_return_data_and_settlements_emit_their_events_on_sbf() {
    use halo_harness::lcts::{LctsEnv, LctsOptions};
    use halo_lcts::events::{GenerationFinalized, Settled};
    use halo_sdk::lcts::{QueueSide, QueueStatus, WAD};
    block_on(async {
        let mut l = SbfLedger::new();
        let env = LctsEnv::bootstrap(&mut l, LctsOptions::default()).await;
        let p = env.prime(&mut l, 1_000 * USDS).await;
        env.enter(&mut l, &p, QueueSide::Subscribe, 1_000 * USDS)
            .await
            .expect("subscribe");
        l.must(&[env.lock_ix(QueueSide::Subscribe)], &[&env.beacon])
            .await;
        let ix = env
            .settle_ix(&mut l, QueueSide::Subscribe, 400 * USDS)
            .await;
        let receipt = l.must(&[ix], &[&env.beacon]).await;
        let ev: Vec<Settled> = events(&receipt.logs);
        assert_eq!(ev.len(), 1);
        assert_eq!(
            (ev[0].external, ev[0].reward, ev[0].backlog),
            (400 * USDS, 400 * USDS, 600 * USDS)
        );
        let v = env
            .view(&mut l, QueueSide::Subscribe, &p.key.pubkey())
            .await
            .expect("view");
        assert_eq!(
            (v.pending_underlying, v.claimable_reward),
            (600 * USDS, 400 * USDS)
        );
        assert_eq!(v.queue_status, QueueStatus::Active);
        let rate = env.view_rate(&mut l).await;
        assert_eq!((rate.rate_wad, rate.stale), (WAD, false));
        l.must(&[env.lock_ix(QueueSide::Subscribe)], &[&env.beacon])
            .await;
        let ix = env
            .settle_ix(&mut l, QueueSide::Subscribe, 600 * USDS)
            .await;
        let receipt = l.must(&[ix], &[&env.beacon]).await;
        let fin: Vec<GenerationFinalized> = events(&receipt.logs);
        assert_eq!(
            (fin.len(), fin[0].gen_id, fin[0].final_reward_per_share),
            (1, 0, WAD)
        );
        // a refusal on SBF carries the same code as natively
        let ix = env.claim_ix(&p, QueueSide::Subscribe);
        assert_err(
            l.send(&[ix], &[&p.key]).await,
            halo_lcts::errors::LctsError::QueueNotActive,
        );
    });
}

#[test]
fn structuring_scenario_on_sbf_matches_native() {
    let mut ledger = SbfLedger::new();
    let mut r = Report::quiet();
    let o = block_on(halo_scenarios::structuring::run(&mut ledger, &mut r)).expect("scenario");
    halo_scenarios::structuring::verify(&o).expect("seed numbers on SBF");
}

/// The allow-list for real: a plain wallet transfer (Token-2022 calling the hook program's
/// SBF build) to a listed owner goes through, to an unlisted one is refused by the hook;
/// the deal strike emits its event with the terms hash.
#[test]
fn nft_wallet_transfers_respect_the_allow_list_on_sbf() {
    use halo_harness::nfat::{terms, NfatEnv, NfatOptions, MILLION};
    use halo_nfat::events::DealStruck;
    use halo_sdk::nfat::{self as tx, Schedule};
    block_on(async {
        let mut l = SbfLedger::new();
        let env = NfatEnv::bootstrap(&mut l, NfatOptions::default()).await;
        let p = env.prime(&mut l, 25 * MILLION).await;
        env.deposit(&mut l, &p, 25 * MILLION)
            .await
            .expect("deposit");
        let book = env.create_book(&mut l).await;
        let now = l.now().await;
        let t = terms(25 * MILLION, 1_000, 6, 1, Schedule::Bullet, now);
        let (ix, deal) = env.claim_ix(&mut l, &p.pubkey(), book, t).await;
        let r = l.must(&ix, &[&env.beacon]).await;
        let struck = events::<DealStruck>(&r.logs);
        assert_eq!(struck.len(), 1);
        assert_eq!(
            struck[0].terms_hash,
            tx::terms_hash(&env.facility.facility, 0, &t).unwrap()
        );
        // allow-list off: any owner receives
        let free = env.wallet(&mut l, 0).await;
        env.transfer_nft(&mut l, &p, &deal, &free.pubkey())
            .await
            .expect("free transfer");
        // on: unlisted refused by the hook, listed accepted
        let g = env.governance.pubkey();
        l.must(
            &[tx::set_allow_list(&g, &env.facility, true)],
            &[&env.governance],
        )
        .await;
        let listed = env.wallet(&mut l, 0).await;
        l.must(
            &[tx::list_holder(&g, &env.facility, &listed.pubkey())],
            &[&env.governance],
        )
        .await;
        let unlisted = env.wallet(&mut l, 0).await;
        assert_err(
            env.transfer_nft(&mut l, &free, &deal, &unlisted.pubkey())
                .await,
            halo_nfat_hook::errors::HookError::ReceiverNotAllowListed,
        );
        env.transfer_nft(&mut l, &free, &deal, &listed.pubkey())
            .await
            .expect("listed");
        assert_eq!(env.nft_balance(&mut l, &listed.pubkey(), &deal).await, 1);
    });
}
