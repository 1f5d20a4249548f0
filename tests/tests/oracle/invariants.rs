//! One test per account invariant: the stored feed is corrupted (`corrupt`) so that its
//! invariant no longer holds, an instruction that writes it is sent, and it is refused
//! with `FeedInvariantBroken`, nothing changed.
use crate::common::*;

#[tokio::test]
async fn add_reporter_fails_when_feed_invariant_is_broken() {
    // Given a feed whose move guard is zero
    let (mut chain, env) = setup().await;
    corrupt::<Feed>(&mut chain, &env.feed, |f| f.max_move_bps = 0).await;
    // When governance approves a reporter, then it is refused and nothing changes
    let g = env.governance.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::add_reporter(&g, &env.feed, Keypair::new().pubkey()),
        &[&env.governance],
        OracleError::FeedInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn publish_fails_when_feed_invariant_is_broken() {
    // Given a feed whose decimals are beyond the bound
    let (mut chain, env) = setup().await;
    corrupt::<Feed>(&mut chain, &env.feed, |f| f.decimals = u8::MAX).await;
    // When the reporter publishes a guarded move, then it is refused and nothing changes
    let now = later(&mut chain, 60).await;
    let r = env.reporter.pubkey();
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::publish(&r, &env.feed, NAV + 1, now),
        &[&env.reporter],
        OracleError::FeedInvariantBroken,
    )
    .await;
}

#[tokio::test]
async fn remove_reporter_fails_when_the_reporter_list_invariant_is_broken() {
    // Given a feed with a reporter stored beyond its reporter count
    let (mut chain, env) = setup().await;
    let extra = Keypair::new().pubkey();
    let g = env.governance.pubkey();
    chain
        .must(
            &[ix::add_reporter(&g, &env.feed, extra)],
            &[&env.governance],
        )
        .await;
    corrupt::<Feed>(&mut chain, &env.feed, |f| {
        f.reporters[MAX_REPORTERS - 1] = Pubkey::new_unique()
    })
    .await;
    // When governance removes a reporter, then it is refused and nothing changes
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix::remove_reporter(&g, &env.feed, extra),
        &[&env.governance],
        OracleError::FeedInvariantBroken,
    )
    .await;
}
