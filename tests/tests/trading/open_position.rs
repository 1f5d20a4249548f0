//! `open_position`: anyone may pay for an LP position; only its owner can use it.
use crate::common::*;

#[tokio::test]
async fn open_position_ok_for_an_owner_paid_by_anyone() {
    let (mut chain, env) = setup().await;
    let owner = Pubkey::new_unique();
    let payer = chain.payer_key();
    chain
        .must(&[tx::open_position(&payer, &env.pool, owner)], &[])
        .await;
    let pos: tx::LpPosition = chain
        .account(&halo_sdk::pda::position(&env.pool.pool, &owner))
        .await;
    assert_eq!(
        (pos.pool, pos.owner, pos.shares, pos.queued_shares),
        (env.pool.pool, owner, 0, 0)
    );
    // a second time fails and changes nothing
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_failed(
        chain
            .send(&[tx::open_position(&payer, &env.pool, owner)], &[])
            .await,
    );
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
}
