//! The texts of rulebooks (`motcua rulebook list`, `check`, `measures`).

use std::fmt::Write as _;

use super::Lang;
use crate::grading::{Band, Kind, Measure, Rulebook, Scope, builtin_names};

/// The built-in rulebooks, one per line with its status, maximum and validity
/// (`motcua rulebook list`).
#[must_use]
pub fn rulebook_list_text(lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let books: Vec<Rulebook> = builtin_names()
        .iter()
        .filter_map(|n| Rulebook::builtin(n))
        .collect();
    let w = books.iter().map(|b| b.id.len()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for b in &books {
        let name = if vi { &b.name_vi } else { &b.name_en };
        let v = &b.validity;
        let (status, range) = if vi {
            (v.status.name_vi().to_owned(), v.range_text(true))
        } else {
            (v.status.name().replace('_', " "), v.range_text(false))
        };
        let _ = writeln!(
            out,
            "{:w$}{:12}{:>4}  {name}",
            b.id,
            b.status.name(),
            b.max.to_string()
        );
        let province = v.province.as_deref().map_or_else(String::new, |p| {
            if vi {
                format!("; chỉ tỉnh {p}")
            } else {
                format!("; {p} only")
            }
        });
        let label = if vi { "hiệu lực" } else { "validity" };
        let _ = writeln!(out, "{:w$}{label}: {range} ({status}){province}", "");
    }
    out
}

/// A rulebook checked: legal basis, validity, indicators and bands (`motcua rulebook
/// check`, in English: the indicators' names are the rulebook's own).
#[must_use]
pub fn rulebook_summary_text(b: &Rulebook) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}): {}", b.id, b.status.name(), b.name_en);
    if let Some(e) = &b.extends {
        let _ = writeln!(out, "extends {e}");
    }
    let lb = &b.legal_basis;
    let _ = writeln!(
        out,
        "legal basis: {}{}{}",
        lb.document,
        lb.in_force_from
            .map_or_else(String::new, |d| format!(", in force from {d}")),
        lb.replaced_on
            .map_or_else(String::new, |d| format!(", replaced on {d}"))
    );
    let v = &b.validity;
    let _ = writeln!(
        out,
        "validity: {} ({}){}{}",
        v.range_text(false),
        v.status.name().replace('_', " "),
        v.province
            .as_deref()
            .map_or_else(String::new, |p| format!("; for the province of {p} only")),
        v.superseded_by
            .as_deref()
            .map_or_else(String::new, |p| format!("; superseded by {p}"))
    );
    if let Some(n) = &v.note {
        let _ = writeln!(out, "  {n}");
    }
    let _ = writeln!(
        out,
        "maximum {} points; means rounded to {} decimal(s), {}",
        b.max,
        b.decimals,
        b.rounding.name()
    );
    for i in &b.indicators {
        let scope = match i.scope() {
            Scope::Dossier => "per dossier",
            Scope::Agency => "per agency",
        };
        let _ = writeln!(
            out,
            "  {:>5}  max {:>3}  {:12} {:<26} {}  {}",
            i.id,
            i.max.to_string(),
            i.rule.kind_name(),
            i.measure.name(),
            scope,
            i.name_en
        );
    }
    let _ = writeln!(out, "agency bands: {}", bands_text(&b.bands));
    if let Some(o) = &b.officials {
        let _ = writeln!(
            out,
            "officials (indicators {}, maximum {}): {}",
            o.indicators.join(", "),
            o.max,
            bands_text(&o.bands)
        );
    }
    out
}

/// Bands from the highest down, each with its threshold (`Xuất sắc ≥ 15; Tốt ≥ 13`).
fn bands_text(bands: &[Band]) -> String {
    let each: Vec<String> = bands
        .iter()
        .rev()
        .map(|x| {
            let cmp = if x.min_inclusive { "≥" } else { ">" };
            format!("{} {cmp} {}", x.name_vi, x.min)
        })
        .collect();
    each.join("; ")
}

/// The measures indicators can be computed from (`motcua rulebook measures`).
#[must_use]
pub fn measures_text() -> String {
    let mut out = String::new();
    for m in Measure::ALL {
        let scope = match m.scope() {
            Scope::Dossier => "dossier",
            Scope::Agency => "agency",
        };
        let kind = match m.kind() {
            Kind::Category(words) => words.join("|"),
            Kind::Count => "count".to_owned(),
            Kind::Ratio => "share".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:<28}{scope:<9}{kind:<30}{}",
            m.name(),
            m.description()
        );
    }
    out
}
