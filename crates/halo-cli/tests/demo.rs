//! `halo demo`'s scenarios, checked number by number.
use halo_cli::{report::Report, scenarios::configurator};

const USDS: u64 = 1_000_000;

#[tokio::test]
async fn configurator_scenario_reports_the_expected_numbers() {
    let mut r = Report::quiet();
    let o = configurator::run(&mut r).await.expect("scenario");
    assert_eq!(o.moved_before_refusal, 800_000 * USDS);
    assert_eq!(o.available_at_refusal, 200_000 * USDS);
    // 12 h at 1,000,000 / 86,400 per second (floor) = 11,574,074 base units/s
    assert_eq!(
        o.available_after_refill,
        200_000 * USDS + 43_200 * 11_574_074
    );
    assert_eq!(o.max_after_sorl_increase, 1_250_000 * USDS);
    let codes: Vec<&str> = o
        .refusals
        .iter()
        .map(|s| s.split(':').next().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "TimelockNotElapsed",
            "RateLimitExceeded",
            "SorlHopNotElapsed",
            "SorlMaxAmountIncreaseTooLarge",
            "SorlHopNotElapsed",
            "NotRelayer"
        ]
    );
    assert_eq!(o.counterparty_end, 1_100_000 * USDS);
    assert_eq!(o.custody_end, 3_900_000 * USDS);
    assert!(r.text.contains("REFUSED"));
}
