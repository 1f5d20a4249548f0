//! Plain-text report: headings, steps, and token amounts with their decimals.
use std::fmt::Write as _;

/// Collects the report and, if given a sink, writes each line to it as it goes.
#[derive(Default)]
pub struct Report {
    pub text: String,
    sink: Option<Box<dyn std::io::Write>>,
}

impl Report {
    /// A report kept in memory only.
    pub fn quiet() -> Self {
        Self::default()
    }

    /// A report also written, line by line, to `sink`.
    pub fn to(sink: Box<dyn std::io::Write>) -> Self {
        Self {
            text: String::new(),
            sink: Some(sink),
        }
    }

    pub fn line(&mut self, s: impl AsRef<str>) {
        let _ = writeln!(self.text, "{}", s.as_ref());
        if let Some(w) = self.sink.as_mut() {
            let _ = writeln!(w, "{}", s.as_ref());
            let _ = w.flush();
        }
    }

    pub fn heading(&mut self, s: &str) {
        self.line("");
        self.line(format!("== {s} =="));
    }

    pub fn step(&mut self, n: &mut u32, s: impl AsRef<str>) {
        *n += 1;
        self.line(format!("[{n:>2}] {}", s.as_ref()));
    }

    pub fn detail(&mut self, s: impl AsRef<str>) {
        self.line(format!("     {}", s.as_ref()));
    }
}

/// `1234567890` with 6 decimals -> `1,234.567890`; trailing zeros of the fraction kept to 2.
pub fn amount(base_units: u64, decimals: u8) -> String {
    let unit = 10u64.pow(u32::from(decimals));
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
        assert_eq!(amount(1_234_567_890, 6), "1,234.56789");
        assert_eq!(amount(1_000_000_000_000, 6), "1,000,000.00");
        assert_eq!(amount(5, 6), "0.000005");
        assert_eq!(amount(0, 6), "0.00");
        assert_eq!(duration(14 * 86_400), "14d");
        assert_eq!(duration(18 * 3_600 + 1), "18h 1s");
        assert_eq!(duration(0), "0s");
    }
}
