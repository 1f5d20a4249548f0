//! `set_unit_params`: governance's parameters, each bound refused on its own.
use crate::common::*;

#[tokio::test]
async fn set_unit_params_ok_replaces_every_parameter() {
    let (mut chain, env) = setup().await;
    set_params(&mut chain, &env, |p| {
        p.dust = 1;
        p.min_entry = 5 * UNIT;
        p.max_lock_s = 600;
    })
    .await;
    let u = env.unit_state(&mut chain).await;
    assert_eq!(
        (u.params.dust, u.params.min_entry, u.params.max_lock_s),
        (1, 5 * UNIT, 600)
    );
}

#[tokio::test]
async fn set_unit_params_fails_out_of_bounds_or_for_anyone_but_governance() {
    let (mut chain, env) = setup().await;
    let g = env.governance.pubkey();
    let base = default_params();
    let cases = [
        (
            UnitParams {
                epoch_s: 59,
                ..base
            },
            LctsError::BadEpoch,
        ),
        (
            UnitParams {
                lock_window_s: 0,
                ..base
            },
            LctsError::BadLockWindow,
        ),
        (
            UnitParams {
                lock_offset_s: 1,
                ..base
            },
            LctsError::BadLockWindow,
        ),
        (
            UnitParams {
                max_lock_s: 8 * DAY,
                ..base
            },
            LctsError::BadMaxLock,
        ),
        (
            UnitParams {
                max_rate_down_bps: 5_001,
                ..base
            },
            LctsError::BadRateBounds,
        ),
        (
            UnitParams {
                max_rate_up_bps: 1_001,
                ..base
            },
            LctsError::BadRateBounds,
        ),
        (UnitParams { dust: 0, ..base }, LctsError::BadDust),
        (
            UnitParams {
                dust: base.min_entry + 1,
                ..base
            },
            LctsError::BadDust,
        ),
        (
            UnitParams {
                min_entry: 0,
                ..base
            },
            LctsError::BadMinimumEntry,
        ),
    ];
    for (p, e) in cases {
        let ix = tx::set_unit_params(&g, &env.unit, p);
        refused_unchanged(&mut chain, &env, &[], ix, &[&env.governance], e).await;
    }
    let b = env.beacon.pubkey();
    let ix = swap_account(tx::set_unit_params(&g, &env.unit, base), &g, &b);
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        LctsError::NotGovernance,
    )
    .await;
}
