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

pub use halo_sdk::fmt::{amount, duration};
