use crate::common::*;

#[tokio::test]
async fn seed_000_tbill_sale_at_5_bps_pays_99_950() {
    let (mut chain, env) = setup().await;
    let user = env.trader(&mut chain, 100_000 * UNIT, 0).await;
    env.swap(&mut chain, &user, SwapSide::SellAsset, true, 100_000 * UNIT)
        .await
        .expect("sell");
    assert_eq!(chain.balance(&user.quote).await, 99_950 * UNIT);
    assert_eq!(chain.balance(&user.asset).await, 0);
    let p = env.state(&mut chain).await;
    assert_eq!(p.inventory, 100_000 * UNIT);
    assert_eq!(p.inventory_cost, 99_950 * UNIT);
    assert_eq!(p.spread_earned, u128::from(50 * UNIT));
    assert_eq!(p.quote_liquidity, 1_000_000 * UNIT - 99_950 * UNIT);
    env.check_books(&mut chain).await;
}
