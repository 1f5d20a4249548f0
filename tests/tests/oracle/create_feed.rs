use crate::common::*;

/// A funded creator on a fresh chain and the address its feed `feed_id` would take.
async fn creator(chain: &mut Chain, feed_id: u64) -> (Keypair, Pubkey) {
    let k = chain.funded_keypair(10 * SOL).await;
    let feed = halo_sdk::pda::feed(&k.pubkey(), feed_id);
    (k, feed)
}

/// Asserts the refusal of `create_feed` and that neither the creator nor the feed address
/// changed (the feed still does not exist).
async fn create_refused(chain: &mut Chain, a: CreateFeedArgs, e: OracleError) {
    let (k, feed) = creator(chain, a.feed_id).await;
    let watched = [k.pubkey(), feed];
    let before = chain.fingerprint(&watched).await;
    assert!(before[1].is_none());
    assert_err(
        chain.send(&[ix::create_feed(&k.pubkey(), a)], &[&k]).await,
        e,
    );
    assert_eq!(chain.fingerprint(&watched).await, before, "state changed");
}

#[tokio::test]
async fn create_feed_ok_records_the_first_nav_and_makes_the_creator_governance() {
    // Given a funded creator
    let mut chain = Chain::new().await;
    let (k, feed) = creator(&mut chain, FEED_ID).await;
    let now = later(&mut chain, 100).await;
    // When it creates feed 7 at NAV 1.000000 with a 5 % guard
    chain
        .must(&[ix::create_feed(&k.pubkey(), args(FEED_ID))], &[&k])
        .await;
    // Then the feed holds exactly that, published now, with no reporter yet
    let raw = chain.raw_account(&feed).await.expect("feed created");
    assert_eq!(raw.owner, halo_oracle::ID);
    assert_eq!(raw.data.len(), 8 + Feed::INIT_SPACE);
    assert_eq!(raw.lamports, chain.rent(8 + Feed::INIT_SPACE).await);
    let f: Feed = chain.account(&feed).await;
    let (pda, bump) = Pubkey::find_program_address(
        &[SEED_FEED, k.pubkey().as_ref(), &FEED_ID.to_le_bytes()],
        &halo_oracle::ID,
    );
    assert_eq!(pda, feed);
    assert_eq!(f.version, FEED_VERSION);
    assert_eq!(f.bump, bump);
    assert_eq!(f.authority, k.pubkey());
    assert_eq!(f.feed_id, FEED_ID);
    assert_eq!(f.governance, k.pubkey());
    assert_eq!(f.decimals, DECIMALS);
    assert_eq!(f.value, NAV);
    assert_eq!(f.publish_ts, now);
    assert_eq!(f.max_move_bps, MAX_MOVE);
    assert_eq!(f.reporters, [Pubkey::default(); MAX_REPORTERS]);
    assert_eq!(f.reporter_count, 0);
    assert_eq!(f.updates, 1);
    assert_eq!(f.reserved, [0u8; 16]);
    assert_eq!(f.pending_governance, Pubkey::default());
    assert_eq!((f.anchor_value, f.anchor_ts), (f.value, f.publish_ts));
}

#[tokio::test]
async fn create_feed_ok_at_the_bounds_of_decimals_move_guard_and_value() {
    // Given a funded creator
    let mut chain = Chain::new().await;
    let (k, _) = creator(&mut chain, 0).await;
    let cases = [(1, MAX_FEED_DECIMALS, 1, 1), (2, 0, MAX_MOVE_BPS, u64::MAX)];
    for (feed_id, decimals, max_move_bps, initial_value) in cases {
        // When it creates a feed at each extreme
        let a = CreateFeedArgs {
            feed_id,
            decimals,
            max_move_bps,
            initial_value,
        };
        chain.must(&[ix::create_feed(&k.pubkey(), a)], &[&k]).await;
        // Then the feed carries it
        let f: Feed = chain
            .account(&halo_sdk::pda::feed(&k.pubkey(), feed_id))
            .await;
        assert_eq!(f.feed_id, feed_id);
        assert_eq!(f.decimals, decimals);
        assert_eq!(f.max_move_bps, max_move_bps);
        assert_eq!(f.value, initial_value);
    }
}

#[tokio::test]
async fn create_feed_ok_for_the_same_id_under_another_creator() {
    // Given feed 7 of one governance
    let (mut chain, env) = setup().await;
    let before = env.fingerprint(&mut chain, &[]).await;
    // When another key creates its own feed 7
    let (other, feed) = creator(&mut chain, FEED_ID).await;
    chain
        .must(
            &[ix::create_feed(&other.pubkey(), args(FEED_ID))],
            &[&other],
        )
        .await;
    // Then it is a separate account governed by its creator, and the first is untouched
    assert_ne!(feed, env.feed);
    let f: Feed = chain.account(&feed).await;
    assert_eq!(f.governance, other.pubkey());
    assert_eq!(f.authority, other.pubkey());
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

#[tokio::test]
async fn create_feed_fails_when_decimals_exceed_18() {
    let mut chain = Chain::new().await;
    let a = CreateFeedArgs {
        decimals: MAX_FEED_DECIMALS + 1,
        ..args(FEED_ID)
    };
    create_refused(&mut chain, a, OracleError::DecimalsTooLarge).await;
}

#[tokio::test]
async fn create_feed_fails_when_the_move_guard_is_zero_or_above_10_000() {
    let mut chain = Chain::new().await;
    for max_move_bps in [0, MAX_MOVE_BPS + 1, u16::MAX] {
        let a = CreateFeedArgs {
            max_move_bps,
            ..args(FEED_ID)
        };
        create_refused(&mut chain, a, OracleError::BadMaxMove).await;
    }
}

#[tokio::test]
async fn create_feed_fails_when_the_initial_value_is_zero() {
    let mut chain = Chain::new().await;
    let a = CreateFeedArgs {
        initial_value: 0,
        ..args(FEED_ID)
    };
    create_refused(&mut chain, a, OracleError::NonPositiveValue).await;
}

#[tokio::test]
async fn create_feed_fails_when_the_feed_id_already_exists() {
    // Given feed 7, with a reporter and a later NAV
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let t = later(&mut chain, 60).await;
    chain
        .must(
            &[ix::publish(&env.reporter.pubkey(), &env.feed, NAV + 1, t)],
            &[&env.reporter],
        )
        .await;
    let before = env.fingerprint(&mut chain, &[]).await;
    // When its governance creates feed 7 again, with other arguments
    let a = CreateFeedArgs {
        initial_value: 42,
        ..args(FEED_ID)
    };
    let f = assert_failed(
        chain
            .send(&[ix::create_feed(&g, a)], &[&env.governance])
            .await,
    );
    // Then the system program refuses to create the existing account and the feed is
    // not reset
    assert!(
        f.logs
            .iter()
            .any(|l| l.starts_with("Program 11111111111111111111111111111111 failed")),
        "{f:?}"
    );
    assert_eq!(env.fingerprint(&mut chain, &[]).await, before);
}

#[tokio::test]
async fn create_feed_fails_when_the_creator_has_not_signed() {
    let mut chain = Chain::new().await;
    let (k, feed) = creator(&mut chain, FEED_ID).await;
    let watched = [k.pubkey(), feed];
    let before = chain.fingerprint(&watched).await;
    let i = unsigned(ix::create_feed(&k.pubkey(), args(FEED_ID)), &k.pubkey());
    assert_err(chain.send(&[i], &[]).await, AnchorError::AccountNotSigner);
    assert_eq!(chain.fingerprint(&watched).await, before);
}

#[tokio::test]
async fn create_feed_fails_when_the_address_is_not_derived_from_its_seeds() {
    // Given a creator
    let mut chain = Chain::new().await;
    let (k, feed) = creator(&mut chain, FEED_ID).await;
    let wrong = halo_sdk::pda::feed(&k.pubkey(), FEED_ID + 1);
    let watched = [k.pubkey(), feed, wrong];
    let before = chain.fingerprint(&watched).await;
    // When feed 7 is created at the address of feed 8
    let i = swap_account(ix::create_feed(&k.pubkey(), args(FEED_ID)), &feed, &wrong);
    // Then the seeds constraint refuses it and neither address holds an account
    assert_err(chain.send(&[i], &[&k]).await, AnchorError::ConstraintSeeds);
    assert_eq!(chain.fingerprint(&watched).await, before);
}
