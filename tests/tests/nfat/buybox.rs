//! The buybox: every bound refuses just outside it with its own error and admits at it;
//! governance alone sets it, within its own bounds.
use crate::common::*;

/// A Prime with plenty queued and an open book.
async fn strike_env() -> (Chain, NfatEnv, Wallet, Pubkey) {
    let (mut chain, env) = setup().await;
    let p = queued_prime(&mut chain, &env, 2_000 * MILLION).await;
    let book = env.create_book(&mut chain).await;
    (chain, env, p, book)
}

async fn refused(
    chain: &mut Chain,
    env: &NfatEnv,
    p: &Wallet,
    book: Pubkey,
    t: Terms,
    e: NfatError,
) {
    let (ix, deal) = env.claim_ix(chain, &p.pubkey(), book, t).await;
    refused_unchanged(
        chain,
        env,
        &[book, deal.deal, deal.nft_mint],
        ix,
        &[&env.beacon],
        e,
    )
    .await;
}

async fn admitted(chain: &mut Chain, env: &NfatEnv, p: &Wallet, book: Pubkey, t: Terms) {
    env.claim(chain, &p.pubkey(), book, t)
        .await
        .expect("at the bound");
}

#[tokio::test]
async fn each_bound_refuses_just_outside_and_admits_at_it() {
    let (mut chain, env, p, book) = strike_env().await;
    let now = chain.now().await;
    let base = terms(10 * MILLION, 1_000, 12, 1, Schedule::Bullet, now);
    let cases: Vec<(Terms, Terms, NfatError)> = vec![
        (
            Terms {
                tenor_months: 5,
                ..base
            },
            Terms {
                tenor_months: 6,
                ..base
            },
            NfatError::TenorBelowBuybox,
        ),
        (
            Terms {
                tenor_months: 25,
                ..base
            },
            Terms {
                tenor_months: 24,
                ..base
            },
            NfatError::TenorAboveBuybox,
        ),
        (
            Terms {
                principal: 5 * MILLION - 1,
                ..base
            },
            Terms {
                principal: 5 * MILLION,
                ..base
            },
            NfatError::SizeBelowBuybox,
        ),
        (
            Terms {
                principal: 100 * MILLION + 1,
                ..base
            },
            Terms {
                principal: 100 * MILLION,
                ..base
            },
            NfatError::SizeAboveBuybox,
        ),
        (
            Terms {
                apy_bps: 799,
                ..base
            },
            Terms {
                apy_bps: 800,
                ..base
            },
            NfatError::ApyBelowBuybox,
        ),
        (
            Terms {
                apy_bps: 1_501,
                ..base
            },
            Terms {
                apy_bps: 1_500,
                ..base
            },
            NfatError::ApyAboveBuybox,
        ),
        (
            Terms {
                tenor_months: 13,
                payments: 13,
                schedule: Schedule::Amortizing,
                ..base
            },
            Terms {
                tenor_months: 12,
                payments: 12,
                schedule: Schedule::Amortizing,
                ..base
            },
            NfatError::TooManyPayments,
        ),
        (
            Terms {
                start_ts: now - 30 * DAY - 1,
                ..base
            },
            Terms {
                start_ts: now - 30 * DAY,
                ..base
            },
            NfatError::StartOutsideBuybox,
        ),
        (
            Terms {
                start_ts: now + 30 * DAY + 1,
                ..base
            },
            Terms {
                start_ts: now + 30 * DAY,
                ..base
            },
            NfatError::StartOutsideBuybox,
        ),
    ];
    for (outside, at_bound, e) in cases {
        refused(&mut chain, &env, &p, book, outside, e).await;
        admitted(&mut chain, &env, &p, book, at_bound).await;
    }
    // unschedulable terms inside every bound
    refused(
        &mut chain,
        &env,
        &p,
        book,
        Terms {
            payments: 2,
            ..base
        },
        NfatError::BadTerms,
    )
    .await;
    refused(
        &mut chain,
        &env,
        &p,
        book,
        Terms {
            tenor_months: 7,
            payments: 2,
            schedule: Schedule::PeriodicInterest,
            ..base
        },
        NfatError::BadTerms,
    )
    .await;
    env.check_books(&mut chain, &[book]).await;
}

#[tokio::test]
async fn a_schedule_the_buybox_does_not_allow_is_refused() {
    let (mut chain, env, p, book) = strike_env().await;
    let bb = tx::Buybox {
        schedules: tx::SCHEDULE_BULLET,
        ..default_buybox()
    };
    chain
        .must(
            &[tx::set_buybox(&env.governance.pubkey(), &env.facility, bb)],
            &[&env.governance],
        )
        .await;
    let t = amortizing(&mut chain).await;
    refused(&mut chain, &env, &p, book, t, NfatError::ScheduleNotAllowed).await;
    let t_bullet = bullet(&mut chain).await;
    admitted(&mut chain, &env, &p, book, t_bullet).await;
}

#[tokio::test]
async fn the_claimed_amount_must_be_the_principal() {
    let (mut chain, env, p, book) = strike_env().await;
    let t = bullet(&mut chain).await;
    let (mut ix, deal) = env.claim_ix(&mut chain, &p.pubkey(), book, t).await;
    ix[1].data[8..16].copy_from_slice(&(t.principal - 1).to_le_bytes());
    refused_unchanged(
        &mut chain,
        &env,
        &[book, deal.deal],
        ix,
        &[&env.beacon],
        NfatError::PrincipalNotAmount,
    )
    .await;
}

#[tokio::test]
async fn set_buybox_fails_for_the_beacon_and_outside_its_own_bounds() {
    let (mut chain, env) = setup().await;
    let ix = tx::set_buybox(
        &env.beacon.pubkey(),
        &env.facility,
        tx::Buybox {
            max_apy_bps: 5_000,
            ..default_buybox()
        },
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[],
        ix,
        &[&env.beacon],
        NfatError::NotGovernance,
    )
    .await;
    let g = env.governance.pubkey();
    let bad: Vec<(tx::Buybox, NfatError)> = vec![
        (
            tx::Buybox {
                min_tenor_months: 0,
                ..default_buybox()
            },
            NfatError::BadBuyboxTenor,
        ),
        (
            tx::Buybox {
                min_tenor_months: 25,
                ..default_buybox()
            },
            NfatError::BadBuyboxTenor,
        ),
        (
            tx::Buybox {
                min_principal: 0,
                ..default_buybox()
            },
            NfatError::BadBuyboxSize,
        ),
        (
            tx::Buybox {
                max_apy_bps: 50_001,
                ..default_buybox()
            },
            NfatError::BadBuyboxApy,
        ),
        (
            tx::Buybox {
                schedules: 0,
                ..default_buybox()
            },
            NfatError::BadBuyboxSchedules,
        ),
        (
            tx::Buybox {
                schedules: 8,
                ..default_buybox()
            },
            NfatError::BadBuyboxSchedules,
        ),
        (
            tx::Buybox {
                max_payments: 61,
                ..default_buybox()
            },
            NfatError::BadBuyboxPayments,
        ),
        (
            tx::Buybox {
                late_penalty_bps_per_day: 1_001,
                ..default_buybox()
            },
            NfatError::BadBuyboxPenalty,
        ),
        (
            tx::Buybox {
                grace_period_s: -1,
                ..default_buybox()
            },
            NfatError::BadBuyboxGrace,
        ),
        (
            tx::Buybox {
                max_start_offset_s: 366 * DAY,
                ..default_buybox()
            },
            NfatError::BadBuyboxStart,
        ),
    ];
    for (bb, e) in bad {
        let ix = tx::set_buybox(&g, &env.facility, bb);
        refused_unchanged(&mut chain, &env, &[], ix, &[&env.governance], e).await;
    }
    let bb = tx::Buybox {
        max_apy_bps: 2_000,
        ..default_buybox()
    };
    chain
        .must(&[tx::set_buybox(&g, &env.facility, bb)], &[&env.governance])
        .await;
    assert_eq!(env.state(&mut chain).await.buybox.max_apy_bps, 2_000);
}
