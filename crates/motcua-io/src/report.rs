//! Building reports from datasets and writing them as JSON, CSV or text.

use std::fmt::Write as _;

use motcua_core::count::{Counts, Tally, count_dataset};
use motcua_core::dossier::{Dataset, InputSummary};
use motcua_core::period::Period;
use motcua_core::report::{Figures, Report};

/// Counts a dataset in memory for `period` (and its previous period, for a month, quarter
/// or year) and builds the report.
#[must_use]
pub fn build(ds: &Dataset, period: Period) -> Report {
    let prev = period.previous();
    let periods: Vec<Period> = std::iter::once(period).chain(prev).collect();
    let tallies = count_dataset(ds, &periods);
    from_tallies(period, ds.input.clone(), &tallies)
}

/// Builds a report from the tallies of `[period, previous?]`.
#[must_use]
pub fn from_tallies(period: Period, input: InputSummary, tallies: &[Tally]) -> Report {
    let previous = period.previous().zip(tallies.get(1));
    Report::new(period, input, &tallies[0], previous)
}

/// The report as pretty JSON (contract section 7).
#[must_use]
pub fn to_json(r: &Report) -> String {
    serde_json::to_string_pretty(r).expect("a report always serializes")
}

/// The report as CSV: one row per agency, then a `TOTAL` row; every count, then each
/// rate's value (empty when absent).
#[must_use]
pub fn to_csv(r: &Report) -> String {
    let mut out = String::from("agency");
    for n in Counts::NAMES {
        let _ = write!(out, ",{n}");
    }
    for (n, _) in r.total.rates.named() {
        let _ = write!(out, ",{n}");
    }
    out.push('\n');
    let mut line = |name: &str, f: &Figures| {
        out.push_str(&csv_field(name));
        for v in f.counts.values() {
            let _ = write!(out, ",{v}");
        }
        for (_, rate) in f.rates.named() {
            match rate {
                Some(rt) => {
                    let _ = write!(out, ",{}", rt.value);
                }
                None => out.push(','),
            }
        }
        out.push('\n');
    };
    for a in &r.agencies {
        line(&a.agency, &a.figures);
    }
    line("TOTAL", &r.total);
    out
}

/// A breakdown as CSV (contract section 11): one column per key, then the counts of
/// section 5 in order, then each rate's value (empty when null); an empty key is `null`'s.
#[must_use]
pub fn breakdown_csv(b: &motcua_core::breakdown::Breakdown) -> String {
    let mut out = b.by.iter().map(|d| d.name()).collect::<Vec<_>>().join(",");
    for n in Counts::NAMES {
        let _ = write!(out, ",{n}");
    }
    for (n, _) in motcua_core::report::Rates::of(&Counts::default()).named() {
        let _ = write!(out, ",{n}");
    }
    out.push('\n');
    for row in &b.rows {
        let keys: Vec<String> = row
            .keys
            .iter()
            .map(|k| k.as_deref().map(csv_field).unwrap_or_default().into_owned())
            .collect();
        out.push_str(&keys.join(","));
        for v in row.figures.counts.values() {
            let _ = write!(out, ",{v}");
        }
        for (_, rate) in row.figures.rates.named() {
            match rate {
                Some(rt) => {
                    let _ = write!(out, ",{}", rt.value);
                }
                None => out.push(','),
            }
        }
        out.push('\n');
    }
    out
}

pub use motcua_core::format::csv_field;
