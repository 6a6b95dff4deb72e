//! HTML tables (notebooks' `_repr_html_`): the report, the grades, a dataset and its
//! rejected rows, with the Vietnamese or English labels and number formatting of this
//! module.
//!
//! ```
//! use motcua_core::format::{Lang, html};
//! assert_eq!(html::esc("<Sở & Ngành>"), "&lt;Sở &amp; Ngành&gt;");
//! let t = html::table("Hồ sơ", &["Đơn vị".into(), "Tiếp nhận".into()], &[vec!["STP".into(), "12.656".into()]], true);
//! assert!(t.starts_with("<table class=\"motcua\">") && t.contains("12.656"));
//! ```

use std::fmt::Write as _;

use super::{Lang, count_label, int, rate_text};
use crate::report::{Figures, Report};

/// Escapes text for HTML.
#[must_use]
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A table: a caption, header cells and rows of cells (already text); cells after the first
/// are right-aligned; `bold_last` sets the last row in bold (a total).
#[must_use]
pub fn table(caption: &str, head: &[String], rows: &[Vec<String>], bold_last: bool) -> String {
    let mut s = String::from("<table class=\"motcua\">");
    let _ = write!(
        s,
        "<caption style=\"text-align:left\">{}</caption><thead><tr>",
        esc(caption)
    );
    for (i, h) in head.iter().enumerate() {
        let align = if i == 0 { "left" } else { "right" };
        let _ = write!(s, "<th style=\"text-align:{align}\">{}</th>", esc(h));
    }
    s.push_str("</tr></thead><tbody>");
    for (r, row) in rows.iter().enumerate() {
        let bold = bold_last && r + 1 == rows.len();
        s.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let align = if i == 0 { "left" } else { "right" };
            let style = if bold { ";font-weight:bold" } else { "" };
            let _ = write!(s, "<td style=\"text-align:{align}{style}\">{}</td>", esc(c));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

const COLS: [&str; 9] = [
    "received",
    "received_online",
    "carried_over",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending",
    "pending_overdue",
];
const RATES: [&str; 4] = [
    "resolution_rate",
    "on_time_rate",
    "online_rate",
    "satisfaction_rate",
];

/// The report as an HTML table: one row per agency and the total, with the input summary.
#[must_use]
pub fn report(r: &Report, lang: Lang) -> String {
    let (title, label, agency, total) = match lang {
        Lang::Vi => (
            "Kết quả giải quyết TTHC",
            r.period.label_vi(),
            "Đơn vị",
            "Tổng cộng",
        ),
        Lang::En => ("Dossiers", r.period.label_en(), "Agency", "Total"),
    };
    let caption = format!(
        "{title} — {label} ({} – {})",
        r.period.from().format("%d/%m/%Y"),
        r.period.to().format("%d/%m/%Y")
    );
    let mut head = vec![agency.to_owned()];
    head.extend(
        COLS.iter()
            .chain(RATES.iter())
            .map(|c| count_label(c, lang).to_owned()),
    );
    let row = |name: &str, f: &Figures| {
        let mut v = vec![name.to_owned()];
        v.extend(COLS.iter().map(|c| int(f.counts.get(c).unwrap_or(0), lang)));
        v.extend(RATES.iter().map(|c| rate_text(f, c, lang)));
        v
    };
    let mut rows: Vec<Vec<String>> = r
        .agencies
        .iter()
        .map(|a| row(&a.agency, &a.figures))
        .collect();
    rows.push(row(total, &r.total));
    let mut s = table(&caption, &head, &rows, true);
    let i = &r.input;
    let summary = match lang {
        Lang::Vi => format!(
            "Dữ liệu: {} dòng = {} dùng + {} bị loại + {} chưa tiếp nhận",
            int(i.rows, lang),
            int(i.used, lang),
            int(i.rejected, lang),
            int(i.not_received, lang)
        ),
        Lang::En => format!(
            "Input: {} rows = {} used + {} rejected + {} not received",
            int(i.rows, lang),
            int(i.used, lang),
            int(i.rejected, lang),
            int(i.not_received, lang)
        ),
    };
    let _ = write!(s, "<p>{}", esc(&summary));
    if let Some(p) = &r.previous {
        let (word, l) = match lang {
            Lang::Vi => ("Kỳ trước", p.period.label_vi()),
            Lang::En => ("Previous period", p.period.label_en()),
        };
        let _ = write!(
            s,
            "<br>{} ({}): {} {}, {} {}",
            esc(word),
            esc(&l),
            esc(count_label("received", lang)),
            int(p.total.counts.received, lang),
            esc(count_label("resolved", lang)),
            int(p.total.counts.resolved, lang)
        );
    }
    s.push_str("</p>");
    s
}

/// The grades as HTML: the agencies ranked with their band, each indicator's points, then
/// the officials by band and the warnings.
#[must_use]
pub fn score(sr: &crate::grading::ScoreReport, lang: Lang) -> String {
    let decimals = sr.rulebook.decimals;
    let sep = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    let pts = |x: Option<crate::grading::Points>| {
        x.map_or_else(|| "–".to_owned(), |v| v.fixed(decimals, sep))
    };
    let vi = lang == Lang::Vi;
    let caption = format!(
        "{} — {} ({} – {}), {} {}",
        if vi { "Chấm điểm" } else { "Grades" },
        if vi {
            sr.period.label_vi()
        } else {
            sr.period.label_en()
        },
        sr.period.from().format("%d/%m/%Y"),
        sr.period.to().format("%d/%m/%Y"),
        if vi { "bộ tiêu chí" } else { "rulebook" },
        sr.rulebook.id
    );
    let ids: Vec<String> = sr
        .agencies
        .iter()
        .find(|a| a.graded)
        .map_or_else(Vec::new, |a| {
            a.indicators.iter().map(|i| i.id.clone()).collect()
        });
    let mut head: Vec<String> = if vi {
        [
            "Hạng",
            "Đơn vị",
            "Tên đơn vị",
            "Hồ sơ đã giải quyết",
            "Tổng điểm",
            "Xếp loại",
        ]
        .map(str::to_owned)
        .to_vec()
    } else {
        ["Rank", "Agency", "Name", "Resolved", "Total", "Band"]
            .map(str::to_owned)
            .to_vec()
    };
    head.extend(
        ids.iter()
            .map(|i| format!("{} {i}", if vi { "TC" } else { "Ind." })),
    );
    let mut agencies: Vec<_> = sr.agencies.iter().collect();
    agencies.sort_by_key(|a| (a.rank.unwrap_or(u32::MAX), a.agency.clone()));
    let rows: Vec<Vec<String>> = agencies
        .iter()
        .map(|a| {
            let mut v = vec![
                a.rank.map_or_else(|| "–".to_owned(), |n| n.to_string()),
                a.agency.clone(),
                a.name.clone().unwrap_or_default(),
                int(a.resolved, lang),
                format!("{}/{}", pts(a.total), a.max),
                (if vi {
                    a.band.clone()
                } else {
                    a.band_en.clone()
                })
                .unwrap_or_else(|| "–".to_owned()),
            ];
            v.extend((0..ids.len()).map(|k| pts(a.indicators.get(k).and_then(|i| i.points))));
            v
        })
        .collect();
    // The first column is the rank: keep every column but the name left-aligned by the table.
    let mut out = table(&caption, &head, &rows, false);
    if !sr.officials.is_empty() {
        let mut bands: Vec<(String, usize)> = Vec::new();
        for o in &sr.officials {
            let b = (if vi {
                o.band.clone()
            } else {
                o.band_en.clone()
            })
            .unwrap_or_else(|| "–".to_owned());
            match bands.iter_mut().find(|(n, _)| *n == b) {
                Some(e) => e.1 += 1,
                None => bands.push((b, 1)),
            }
        }
        let list: Vec<String> = bands.iter().map(|(b, n)| format!("{b}: {n}")).collect();
        let _ = write!(
            out,
            "<p>{} ({}): {}</p>",
            if vi { "Cán bộ" } else { "Officials" },
            sr.officials.len(),
            esc(&list.join("; "))
        );
    }
    if !sr.warnings.is_empty() {
        out.push_str("<ul>");
        for w in &sr.warnings {
            let _ = write!(
                out,
                "<li>{}</li>",
                esc(if vi { &w.message_vi } else { &w.message })
            );
        }
        out.push_str("</ul>");
    }
    out
}

/// Rejected rows as an HTML table: where (file, line, column), the kind and the message.
#[must_use]
pub fn row_errors(errors: &[crate::record::RowError], lang: Lang) -> String {
    let (caption, head) = match lang {
        Lang::Vi => (
            "Dòng bị loại",
            ["Tệp", "Dòng", "Cột", "Loại lỗi", "Nội dung"],
        ),
        Lang::En => (
            "Rejected rows",
            ["File", "Line", "Column", "Kind", "Message"],
        ),
    };
    let head: Vec<String> = head.iter().map(|h| (*h).to_owned()).collect();
    let rows: Vec<Vec<String>> = errors
        .iter()
        .map(|e| {
            vec![
                e.file.clone().unwrap_or_default(),
                int(e.line, lang),
                e.column.clone().unwrap_or_default(),
                e.kind.name().to_owned(),
                e.message_in(lang),
            ]
        })
        .collect();
    table(caption, &head, &rows, false)
}

/// A dataset as HTML: its dossiers, agencies and receipt dates, the input summary, and the
/// first rejected rows.
#[must_use]
pub fn dataset(
    ds: &crate::dossier::Dataset,
    received: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    lang: Lang,
) -> String {
    const SHOWN: usize = 10;
    let i = &ds.input;
    let range = received.map_or_else(
        || "–".to_owned(),
        |(a, b)| format!("{} – {}", a.format("%d/%m/%Y"), b.format("%d/%m/%Y")),
    );
    let (caption, labels) = match lang {
        Lang::Vi => (
            "Dữ liệu hồ sơ",
            [
                "Hồ sơ",
                "Đơn vị",
                "Ngày tiếp nhận",
                "Dòng",
                "Dùng",
                "Bị loại",
                "Chưa tiếp nhận",
            ],
        ),
        Lang::En => (
            "Dossiers",
            [
                "Dossiers",
                "Agencies",
                "Received",
                "Rows",
                "Used",
                "Rejected",
                "Not received",
            ],
        ),
    };
    let values = [
        int(ds.len() as u64, lang),
        int(ds.agencies.len() as u64, lang),
        range,
        int(i.rows, lang),
        int(i.used, lang),
        int(i.rejected, lang),
        int(i.not_received, lang),
    ];
    let rows: Vec<Vec<String>> = labels
        .iter()
        .zip(values)
        .map(|(l, v)| vec![(*l).to_owned(), v])
        .collect();
    let mut s = table(caption, &[String::new(), String::new()], &rows, false);
    if !i.errors.is_empty() {
        let shown = &i.errors[..i.errors.len().min(SHOWN)];
        s.push_str(&row_errors(shown, lang));
        if i.errors.len() > SHOWN {
            let more = int((i.errors.len() - SHOWN) as u64, lang);
            let text = match lang {
                Lang::Vi => format!("… và {more} dòng bị loại khác (ds.errors)"),
                Lang::En => format!("… and {more} more rejected rows (ds.errors)"),
            };
            let _ = write!(s, "<p>{}</p>", esc(&text));
        }
    }
    s
}
