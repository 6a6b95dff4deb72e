//! What the press announcement says of a grading: how many agencies fell in each band,
//! under which legal basis.

use crate::announcement::GradingSummary;
use crate::format::Lang;

use super::{Rulebook, ScoreReport};

/// The grading part of the announcement, from a score report and the rulebook that made it
/// (its bands give the order, best first).
#[must_use]
pub fn announcement_summary(s: &ScoreReport, book: &Rulebook, lang: Lang) -> GradingSummary {
    let mut bands: Vec<_> = book.bands.iter().collect();
    bands.sort_by_key(|b| std::cmp::Reverse(b.min));
    let order: Vec<&str> = bands.iter().map(|b| b.name_vi.as_str()).collect();
    let lb = &s.rulebook.legal_basis;
    let basis = match (lang, lb.issued) {
        (Lang::Vi, Some(d)) => format!("{} ngày {}", lb.document, d.format("%-d/%-m/%Y")),
        (Lang::En, Some(d)) => format!("{} of {}", lb.document, d.format("%-d %B %Y")),
        (_, None) => lb.document.clone(),
    };
    let grades = s.agencies.iter().map(|a| {
        a.basis()
            .zip(a.band.as_deref())
            .map(|(p, b)| (p.as_f64(), b))
    });
    GradingSummary::from_totals(Some(basis), &order, grades)
}
