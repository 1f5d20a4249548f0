//! Finding 18: a feed's address is predictable; pre-funding it no longer blocks it.
use crate::common::*;

#[tokio::test]
async fn create_feed_ok_when_its_address_was_prefunded() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let next = halo_sdk::pda::feed(&g, 77);
    prefund(&mut chain, &next).await;
    chain
        .must(&[ix::create_feed(&g, args(77))], &[&env.governance])
        .await;
    let f: Feed = chain.account(&next).await;
    assert_eq!((f.feed_id, f.governance), (77, g));
}
