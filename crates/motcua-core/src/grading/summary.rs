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
    let doc = match (lang, lb.issued) {
        (Lang::Vi, Some(d)) => format!("{} ngày {}", lb.document, d.format("%-d/%-m/%Y")),
        (Lang::En, Some(d)) => format!("{} of {}", lb.document, d.format("%-d %B %Y")),
        (_, None) => lb.document.clone(),
    };
    // The rule is named with its validity, and a warning when the period is outside it.
    let v = &s.rulebook.validity;
    let warn = v.check.warning.as_ref();
    // Inside its validity the dates suffice; outside, the status and the warning follow.
    let status = |vi: bool| {
        warn.map_or_else(String::new, |w| {
            if vi {
                format!(", {}; {}", v.validity.status.name_vi(), w.message_vi)
            } else {
                format!(
                    ", {}; {}",
                    v.validity.status.name().replace('_', " "),
                    w.message
                )
            }
        })
    };
    let basis = match lang {
        Lang::Vi => format!(
            "{doc} (bộ tiêu chí {}, hiệu lực {}{})",
            s.rulebook.id,
            v.validity.range_text(true),
            status(true)
        ),
        Lang::En => format!(
            "{doc} (rulebook {}, valid {}{})",
            s.rulebook.id,
            v.validity.range_text(false),
            status(false)
        ),
    };
    // A rulebook without bands (the 766 index publishes scores only) still announces the
    // scores of the graded agencies, under a label that says there is no band.
    let unbanded = match lang {
        Lang::Vi => "chưa xếp loại (bộ chỉ số không có mức xếp loại)",
        Lang::En => "not banded (the index has no bands)",
    };
    let grades = s.agencies.iter().map(|a| {
        let band = a
            .band
            .as_deref()
            .or_else(|| book.bands.is_empty().then_some(unbanded));
        a.basis().zip(band).map(|(p, b)| (p.as_f64(), b))
    });
    GradingSummary::from_totals(Some(basis), &order, grades)
}
