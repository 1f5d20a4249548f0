//! How amounts and durations read in reports, tables and logs.

/// `1234567890` with 6 decimals -> `1,234.567890`; trailing zeros of the fraction kept to 2.
pub fn amount(base_units: impl Into<u128>, decimals: u8) -> String {
    let base_units: u128 = base_units.into();
    // a mint may declare any u8 of decimals; past 10^38 show the base units as they are
    let Some(unit) = 10u128.checked_pow(u32::from(decimals)) else {
        return format!("{base_units} base units");
    };
    let whole = base_units / unit;
    let frac = base_units % unit;
    let mut w = whole.to_string();
    let mut i = w.len() as isize - 3;
    while i > 0 {
        w.insert(i as usize, ',');
        i -= 3;
    }
    let mut f = format!("{:0width$}", frac, width = usize::from(decimals));
    while f.len() > 2 && f.ends_with('0') {
        f.pop();
    }
    format!("{w}.{f}")
}

/// [`amount`] with a sign: `-1,234.50`.
pub fn signed_amount(base_units: i128, decimals: u8) -> String {
    let a = amount(base_units.unsigned_abs(), decimals);
    if base_units < 0 {
        format!("-{a}")
    } else {
        a
    }
}

/// A WAD (1e18) fixed-point value with `places` decimals, rounded down: `1.000250`.
pub fn wad(value: u128, places: u8) -> String {
    let scale = 10u128.pow(18 - u32::from(places.min(18)));
    amount(value / scale, places.min(18))
}

/// Seconds as `Nd Nh Nm Ns` (only the non-zero parts).
pub fn duration(secs: i64) -> String {
    let (d, h, m, s) = (
        secs / 86_400,
        secs % 86_400 / 3_600,
        secs % 3_600 / 60,
        secs % 60,
    );
    let mut out = Vec::new();
    for (v, u) in [(d, "d"), (h, "h"), (m, "m"), (s, "s")] {
        if v != 0 {
            out.push(format!("{v}{u}"));
        }
    }
    if out.is_empty() {
        "0s".into()
    } else {
        out.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_amounts_and_durations() {
        assert_eq!(amount(1_234_567_890u64, 6), "1,234.56789");
        assert_eq!(amount(1_000_000_000_000u64, 6), "1,000,000.00");
        assert_eq!(amount(5u64, 6), "0.000005");
        assert_eq!(amount(0u64, 6), "0.00");
        assert_eq!(duration(14 * 86_400), "14d");
        assert_eq!(duration(18 * 3_600 + 1), "18h 1s");
        assert_eq!(duration(0), "0s");
        assert_eq!(
            amount(u128::from(u64::MAX) * 10, 6),
            "184,467,440,737,095.51615"
        );
        assert_eq!(signed_amount(-1_500_000, 6), "-1.50");
        assert_eq!(amount(7u64, 200), "7 base units");
        assert_eq!(signed_amount(2_000_000, 6), "2.00");
        assert_eq!(wad(1_000_250_000_000_000_000, 6), "1.00025");
        assert_eq!(wad(999_999_999_999_999_999, 6), "0.999999");
    }
}
