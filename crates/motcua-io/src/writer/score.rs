//! The grades (contract section 10) as JSON and CSV.

use std::fmt::Write as _;

use motcua_core::format::csv_field as field;
use motcua_core::grading::{Points, ScoreReport};

/// The grades as pretty JSON (contract section 10).
#[must_use]
pub fn score_json(r: &ScoreReport) -> String {
    serde_json::to_string_pretty(r).expect("a score report always serializes")
}

/// The report as CSV: one row per agency (`kind` = `agency`) then per official
/// (`official`), with a column per indicator; decimals with a point; empty = null.
#[must_use]
pub fn score_csv(r: &ScoreReport) -> String {
    let d = r.rulebook.decimals;
    let f = |p: Option<Points>| p.map_or_else(String::new, |p| p.fixed(d, '.'));
    let ids: Vec<String> = r
        .agencies
        .iter()
        .find(|a| a.graded)
        .map_or_else(Vec::new, |a| {
            a.indicators.iter().map(|i| i.id.clone()).collect()
        });
    let mut out = String::from(
        "kind,code,name,rank,dossiers,total,measured_max,scaled_total,max,band,band_en",
    );
    for id in &ids {
        let _ = write!(out, ",{}", field(&format!("indicator_{id}")));
    }
    out.push('\n');
    for a in &r.agencies {
        let _ = write!(
            out,
            "agency,{},{},{},{},{},{},{},{},{},{}",
            field(&a.agency),
            field(a.name.as_deref().unwrap_or("")),
            a.rank.map_or_else(String::new, |n| n.to_string()),
            a.resolved,
            f(a.total),
            f(a.measured_max),
            f(a.scaled_total),
            a.max,
            field(a.band.as_deref().unwrap_or("")),
            field(a.band_en.as_deref().unwrap_or("")),
        );
        for (k, _) in ids.iter().enumerate() {
            let _ = write!(out, ",{}", f(a.indicators.get(k).and_then(|i| i.points)));
        }
        out.push('\n');
    }
    for o in &r.officials {
        let _ = write!(
            out,
            "official,{},,,{},{},,,{},{},{}",
            field(&o.official),
            o.dossiers,
            f(o.total),
            o.max,
            field(o.band.as_deref().unwrap_or("")),
            field(o.band_en.as_deref().unwrap_or("")),
        );
        out.push_str(&",".repeat(ids.len()));
        out.push('\n');
    }
    out
}
