//! `halo demo`'s scenarios on the embedded chain, checked number by number (the same
//! `verify` runs against the SBF builds in bench/).
use halo_harness::Chain;
use halo_scenarios::{configurator, report::Report};

#[tokio::test]
async fn configurator_scenario_reports_the_expected_numbers() {
    let mut r = Report::quiet();
    let mut chain = Chain::new().await;
    let o = configurator::run(&mut chain, &mut r)
        .await
        .expect("scenario");
    configurator::verify(&o).expect("seed numbers");
    assert_eq!(o.refusals.len(), r.text.matches("REFUSED").count());
    assert_eq!(
        o.available_after_refill,
        200_000_000_000 + 43_200 * 11_574_074,
        "slope is floor(1e12 / 86400)"
    );
}
