//! Property tests on the chain (the maths crate has the exhaustive ones): a round trip
//! never profits the user, and a swap at a constant NAV never lowers the pool's value.
use crate::common::*;
use proptest::prelude::*;

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

async fn round_trip(nav: u64, amount: u64, sell_first: bool, exact_in: bool) {
    let opts = TradingOptions {
        nav,
        ..TradingOptions::default()
    };
    let (mut chain, env) = setup_with(opts).await;
    // inventory so the pool can sell first
    let seed = env.trader(&mut chain, 400_000 * UNIT, 0).await;
    env.swap(&mut chain, &seed, Side::SellAsset, true, 400_000 * UNIT)
        .await
        .unwrap();
    let u = env.trader(&mut chain, 200_000 * UNIT, 200_000 * UNIT).await;
    let value = |p: &tx::Pool| p.value(p.last_price_wad).unwrap();
    let (a0, q0) = (chain.balance(&u.asset).await, chain.balance(&u.quote).await);
    let v0 = value(&env.state(&mut chain).await);
    let (first, second) = if sell_first {
        (Side::SellAsset, Side::BuyAsset)
    } else {
        (Side::BuyAsset, Side::SellAsset)
    };
    if env
        .swap(&mut chain, &u, first, exact_in, amount)
        .await
        .is_err()
    {
        return; // refused (size bounds): nothing to check
    }
    let v1 = value(&env.state(&mut chain).await);
    assert!(v1 >= v0, "a swap lowered the pool's value: {v0} -> {v1}");
    // undo: give back exactly what the first leg delivered
    let back = if sell_first {
        chain.balance(&u.quote).await - q0
    } else {
        chain.balance(&u.asset).await - a0
    };
    let _ = env.swap(&mut chain, &u, second, true, back).await;
    let v2 = value(&env.state(&mut chain).await);
    assert!(
        v2 >= v1,
        "the second leg lowered the pool's value: {v1} -> {v2}"
    );
    let (a1, q1) = (chain.balance(&u.asset).await, chain.balance(&u.quote).await);
    // valued at NAV, the user never ends richer
    let nav_wad = u128::from(nav) * 1_000_000_000_000;
    let worth =
        |a: u64, q: u64| u128::from(q) * 1_000_000_000_000_000_000 + u128::from(a) * nav_wad;
    assert!(
        worth(a1, q1) <= worth(a0, q0),
        "round trip profited the user"
    );
    env.check_books(&mut chain).await;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn swap_ok_round_trips_never_profit_and_never_cost_the_pool(
        nav in 900_000u64..1_100_000,
        amount in 2 * UNIT..150_000 * UNIT,
        sell_first in any::<bool>(),
        exact_in in any::<bool>(),
    ) {
        block_on(round_trip(nav, amount, sell_first, exact_in));
    }
}
