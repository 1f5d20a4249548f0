use crate::common::*;

#[tokio::test]
async fn transfer_ok_consumes_the_rate_limit() {
    let (mut chain, env) = setup().await;
    let route = env.open_transfer_route(&mut chain, 1_000_000 * USDS, 10 * USDS).await;
    let before = chain.balance(&env.custody).await;
    env.transfer(&mut chain, &route, 400_000 * USDS).await.unwrap();
    assert_eq!(chain.balance(&route.counterparty).await, 400_000 * USDS);
    assert_eq!(chain.balance(&env.custody).await, before - 400_000 * USDS);
    let rl = env.rate_limit(&mut chain, &route.key).await;
    assert_eq!(rl.last_amount, 600_000 * USDS);
    assert_eq!(rl.total_out, u128::from(400_000 * USDS));
}
