//! `create_class`: Creates a class: roles, quote mint, funding PAU; refusals.
use crate::common::*;

#[tokio::test]
async fn create_class_ok_records_roles_and_refuses_bad_input() {
    let (mut chain, env) = setup().await;
    let c: tx::TradingClass = chain.account(&env.pool.class).await;
    assert_eq!(c.governance, env.governance.pubkey());
    assert_eq!(c.beacon, env.beacon.pubkey());
    assert_eq!(c.freezer, env.freezer.pubkey());
    assert_eq!(c.quote_mint, env.pool.quote_mint);
    assert_eq!(c.pau_controller, env.pau.controller);
    assert_eq!(c.pool_count, 1);
    assert!(!c.paused);

    let g = chain.funded_keypair(1_000_000_000).await;
    let args = |beacon| tx::CreateClassArgs {
        class_id: 3,
        beacon,
        freezer: env.freezer.pubkey(),
    };
    let ix = tx::create_class(
        &g.pubkey(),
        &env.pool.quote_mint,
        &env.pau.controller,
        args(Pubkey::default()),
    );
    assert_err(chain.send(&[ix], &[&g]).await, TradingError::DefaultKey);
    // a controller that is not a halo_pau controller (here: the class itself)
    let ix = tx::create_class(
        &g.pubkey(),
        &env.pool.quote_mint,
        &env.pool.class,
        args(env.beacon.pubkey()),
    );
    assert_err(
        chain.send(&[ix], &[&g]).await,
        anchor_lang::error::ErrorCode::AccountOwnedByWrongProgram,
    );
    // a quote mint with a transfer fee
    let fee_mint = chain
        .create_mint(
            MintKind::Token2022TransferFee {
                bps: 10,
                max_fee: 1_000,
            },
            6,
        )
        .await;
    let ix = tx::create_class(
        &g.pubkey(),
        &fee_mint,
        &env.pau.controller,
        args(env.beacon.pubkey()),
    );
    assert_err(
        chain.send(&[ix], &[&g]).await,
        TradingError::UnsupportedMintExtension,
    );
    // re-initialising an existing class fails
    let ix = tx::create_class(
        &env.governance.pubkey(),
        &env.pool.quote_mint,
        &env.pau.controller,
        tx::CreateClassArgs {
            class_id: 0,
            beacon: env.beacon.pubkey(),
            freezer: env.freezer.pubkey(),
        },
    );
    let before = env.fingerprint(&mut chain, &[]).await;
    assert_failed(chain.send(&[ix], &[&env.governance]).await);
    assert_eq!(before, env.fingerprint(&mut chain, &[]).await);
}
