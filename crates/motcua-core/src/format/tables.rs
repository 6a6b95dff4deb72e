//! Text tables of breakdowns and series (contract section 11), after the report's own text.

use std::fmt::Write as _;

use super::{Lang, count_label, int, pad, rate_text, report_text};
use crate::breakdown::{Breakdown, BreakdownRow};
use crate::count::Counts;
use crate::report::{Figures, Report};

/// How the rows of a breakdown are shown in text: all of them by key (the default), or the
/// `top` largest by a count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableOrder {
    /// Show only this many rows (after sorting).
    pub top: Option<usize>,
    /// Sort by this count, largest first (ties by key).
    pub sort: Option<String>,
}

/// A `--sort` that names no count.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TableOrderError {
    /// Not a count of contract section 5.
    #[error(
        "cannot sort by '{0}': name a count such as received, resolved_late or pending_overdue"
    )]
    UnknownCount(String),
}

const COLUMNS: [&str; 8] = [
    "received",
    "carried_over",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending",
    "pending_overdue",
];
const RATES: [&str; 3] = ["resolution_rate", "on_time_rate", "online_rate"];

/// The report as text, with its breakdown and series when it has them.
pub fn report_text_full(
    r: &Report,
    lang: Lang,
    order: &TableOrder,
) -> Result<String, TableOrderError> {
    if let Some(s) = &order.sort {
        if !Counts::NAMES.contains(&s.as_str()) {
            return Err(TableOrderError::UnknownCount(s.clone()));
        }
    }
    let mut out = report_text(r, lang);
    if let Some(names) = &r.conventions {
        let heading = match lang {
            Lang::Vi => "Quy ước đếm khác quy tắc chuẩn",
            Lang::En => "Counting conventions applied instead of the standard rules",
        };
        let _ = writeln!(out, "\n{heading}:");
        for n in names {
            let _ = writeln!(
                out,
                "  - {}",
                crate::convention::Conventions::describe(n, lang)
            );
        }
    }
    if let Some(m) = &r.successors {
        successors_text(&mut out, m, lang);
    }
    if let Some(b) = &r.breakdown {
        let heading = match lang {
            Lang::Vi => "Theo nhóm",
            Lang::En => "By group",
        };
        let _ = writeln!(
            out,
            "\n{heading}: {}",
            b.by.iter()
                .map(|d| label(*d, lang))
                .collect::<Vec<_>>()
                .join(", ")
        );
        out.push_str(&breakdown_table(b, lang, order));
    }
    if let Some(series) = &r.series {
        let heading = match lang {
            Lang::Vi => "Theo kỳ",
            Lang::En => "Series",
        };
        let _ = writeln!(out, "\n{heading}");
        let rows: Vec<(Vec<String>, &Figures)> = series
            .iter()
            .map(|s| {
                let name = match lang {
                    Lang::Vi => s.period.label_vi(),
                    Lang::En => s.period.label_en(),
                };
                (vec![name], &s.total)
            })
            .collect();
        let head = [match lang {
            Lang::Vi => "Kỳ",
            Lang::En => "Period",
        }];
        out.push_str(&table(&head, &rows, lang));
    }
    Ok(out)
}

/// The agencies merged into their successors (`--successors`), when any moved.
pub(crate) fn successors_text(out: &mut String, m: &[crate::successors::Mapping], lang: Lang) {
    if m.is_empty() {
        return;
    }
    let heading = match lang {
        Lang::Vi => "Đơn vị đã sáp nhập (số liệu cộng vào đơn vị kế thừa)",
        Lang::En => "Agencies merged (counts added to the successor)",
    };
    let _ = writeln!(out, "\n{heading}:");
    for x in m {
        let _ = writeln!(out, "  {} → {}", x.from, x.to);
    }
}

fn label(d: crate::breakdown::Dim, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => d.label_vi(),
        Lang::En => d.label_en(),
    }
}

fn breakdown_table(b: &Breakdown, lang: Lang, order: &TableOrder) -> String {
    let mut rows: Vec<&BreakdownRow> = b.rows.iter().collect();
    if let Some(s) = &order.sort {
        rows.sort_by_key(|r| std::cmp::Reverse(r.figures.counts.get(s).unwrap_or(0)));
    }
    let shown = order.top.unwrap_or(rows.len()).min(rows.len());
    let none = match lang {
        Lang::Vi => "(không có)",
        Lang::En => "(none)",
    };
    let lines: Vec<(Vec<String>, &Figures)> = rows[..shown]
        .iter()
        .map(|r| {
            (
                r.keys
                    .iter()
                    .map(|k| k.clone().unwrap_or_else(|| none.to_owned()))
                    .collect(),
                &r.figures,
            )
        })
        .collect();
    let head: Vec<&str> = b.by.iter().map(|d| label(*d, lang)).collect();
    let mut out = table(&head, &lines, lang);
    if shown < rows.len() {
        let _ = match lang {
            Lang::Vi => writeln!(
                out,
                "… và {} nhóm khác",
                int((rows.len() - shown) as u64, lang)
            ),
            Lang::En => writeln!(
                out,
                "… and {} more groups",
                int((rows.len() - shown) as u64, lang)
            ),
        };
    }
    out
}

fn table(head: &[&str], rows: &[(Vec<String>, &Figures)], lang: Lang) -> String {
    let widths: Vec<usize> = (0..head.len())
        .map(|i| {
            rows.iter()
                .map(|(k, _)| k[i].chars().count())
                .chain([head[i].chars().count()])
                .max()
                .unwrap_or(4)
                + 2
        })
        .collect();
    let col_w = |c: &str| count_label(c, lang).chars().count().max(9) + 2;
    let mut line = String::new();
    for (h, w) in head.iter().zip(&widths) {
        line.push_str(&pad(h, *w, false));
    }
    for c in COLUMNS.iter().chain(&RATES) {
        line.push_str(&pad(count_label(c, lang), col_w(c), true));
    }
    let mut out = format!("{line}\n{}\n", "-".repeat(line.chars().count()));
    for (keys, f) in rows {
        let mut line = String::new();
        for (k, w) in keys.iter().zip(&widths) {
            line.push_str(&pad(k, *w, false));
        }
        for c in COLUMNS {
            line.push_str(&pad(
                &int(f.counts.get(c).unwrap_or(0), lang),
                col_w(c),
                true,
            ));
        }
        for c in RATES {
            line.push_str(&pad(&rate_text(f, c, lang), col_w(c), true));
        }
        let _ = writeln!(out, "{line}");
    }
    out
}
