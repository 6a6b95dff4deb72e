//! The report (contract section 7) as JSON and CSV, and a breakdown (section 11) as CSV.

use std::fmt::Write as _;

use motcua_core::count::Counts;
use motcua_core::format::csv_field;
use motcua_core::report::{Figures, Report};

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
