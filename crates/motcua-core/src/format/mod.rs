//! Vietnamese (default) and English number formatting, labels, and the text report.
//!
//! ```
//! use motcua_core::format::{Lang, int, percent};
//! assert_eq!(int(12656, Lang::Vi), "12.656");
//! assert_eq!(percent(12085, 12656, Lang::Vi).unwrap(), "95,49 %");
//! assert_eq!(percent(609, 609, Lang::Vi).unwrap(), "100 %");
//! assert_eq!(percent(12085, 12656, Lang::En).unwrap(), "95.49%");
//! ```

use std::fmt::Write as _;
use std::str::FromStr;

mod calendar;
mod csv;
pub mod html;
mod rulebook;
mod tables;

pub use calendar::calendar_text;
pub use csv::{csv_field, csv_needs_quotes, push_csv_field};
pub use rulebook::{measures_text, rulebook_list_text, rulebook_summary_text};
pub(crate) use tables::successors_text;
pub use tables::{TableOrder, TableOrderError, report_text_full};

use crate::count::Counts;
use crate::record::{ErrorKind, RowError};
use crate::report::{Figures, Report};

/// The language of labels and number formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese: `12.656`, `95,49 %`.
    #[default]
    Vi,
    /// English: `12,656`, `95.49%`.
    En,
}

/// An unknown language code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language '{0}' (use vi or en)")]
pub struct LangError(pub String);

impl FromStr for Lang {
    type Err = LangError;
    fn from_str(s: &str) -> Result<Self, LangError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Ok(Self::Vi),
            "en" | "eng" => Ok(Self::En),
            _ => Err(LangError(s.to_owned())),
        }
    }
}

impl Lang {
    const fn separators(self) -> (char, char) {
        match self {
            Self::Vi => ('.', ','),
            Self::En => (',', '.'),
        }
    }
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A whole number with thousands separators: `12.656` (vi), `12,656` (en).
#[must_use]
pub fn int(n: u64, lang: Lang) -> String {
    group(&n.to_string(), lang.separators().0)
}

/// A signed whole number with thousands separators.
#[must_use]
pub fn signed(n: i64, lang: Lang) -> String {
    let s = int(n.unsigned_abs(), lang);
    if n < 0 { format!("-{s}") } else { s }
}

/// `n / d` as a percentage rounded half away from zero to 2 decimals, computed exactly;
/// whole numbers are written without decimals. `None` when `d` is 0.
#[must_use]
pub fn percent(n: u64, d: u64, lang: Lang) -> Option<String> {
    if d == 0 {
        return None;
    }
    // hundredths of a percent, rounded half up (all values are non-negative)
    let h = (u128::from(n) * 20_000 + u128::from(d)) / (2 * u128::from(d));
    let (whole, frac) = (h / 100, h % 100);
    let (th, dec) = lang.separators();
    let mut s = group(&whole.to_string(), th);
    if frac != 0 {
        let _ = write!(s, "{dec}{frac:02}");
    }
    Some(match lang {
        Lang::Vi => format!("{s} %"),
        Lang::En => format!("{s}%"),
    })
}

/// A signed relative change (`0.1335` → `+13,35 %`), rounded half away from zero.
#[must_use]
pub fn change_percent(value: f64, lang: Lang) -> String {
    let h = (value * 10_000.0).abs().round() as u64;
    let sign = if value < 0.0 && h != 0 { "-" } else { "+" };
    let s = percent(h, 10_000, lang).unwrap_or_default();
    format!("{sign}{s}")
}

/// A decimal with `places` digits after the comma (vi) or point (en).
#[must_use]
pub fn decimal(v: f64, places: usize, lang: Lang) -> String {
    let s = format!("{v:.places$}");
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The summary of a rating-slip file (contract section 17) as text: rows, used, rejected,
/// then each rejected slip (its place and message) with its kind.
#[must_use]
pub fn slips_text<D: std::fmt::Display>(
    rows: u64,
    used: u64,
    rejected: u64,
    errors: impl IntoIterator<Item = (D, ErrorKind)>,
    lang: Lang,
) -> String {
    let mut out = match lang {
        Lang::Vi => format!(
            "\nPhiếu đánh giá: {} dòng, {} dùng, {} bị loại\n",
            int(rows, lang),
            int(used, lang),
            int(rejected, lang)
        ),
        Lang::En => format!(
            "\nRating slips: {} rows, {} used, {} rejected\n",
            int(rows, lang),
            int(used, lang),
            int(rejected, lang)
        ),
    };
    for (e, kind) in errors {
        let _ = writeln!(out, "  {e} [{}]", kind.name());
    }
    out
}

/// Labels of the counts of contract section 5.
///
/// Each label stands alone (a table column, a chart legend): resolved late and pending
/// overdue are both "Quá hạn" under their group in Biểu II.06a, so here they say which.
#[must_use]
pub fn count_label(name: &str, lang: Lang) -> &'static str {
    let (vi, en) = match name {
        "received" => ("Tiếp nhận", "Received"),
        "received_online" => ("Trực tuyến", "Online"),
        "received_in_person" => ("Trực tiếp", "In person"),
        "received_postal" => ("Bưu chính công ích", "Postal"),
        "carried_over" => ("Kỳ trước chuyển qua", "Carried over"),
        "resolved" => ("Đã giải quyết", "Resolved"),
        "resolved_early" => ("Trước hạn", "Early"),
        "resolved_on_time" => ("Đúng hạn", "On time"),
        "resolved_late" => ("Giải quyết quá hạn", "Resolved late"),
        "closed_without_result" => ("Rút/dừng xử lý", "Withdrawn/stopped"),
        "pending" => ("Đang giải quyết", "Pending"),
        "pending_within_due" => ("Trong hạn", "Within due date"),
        "pending_overdue" => ("Đang giải quyết quá hạn", "Pending overdue"),
        "received_level34" => ("Hồ sơ mức độ 3, 4", "Level 3/4 dossiers"),
        "received_online_level34" => ("Trực tuyến mức độ 3, 4", "Online level 3/4"),
        "ratings" => ("Ý kiến đánh giá", "Ratings"),
        "ratings_very_satisfied" => ("Rất hài lòng", "Very satisfied"),
        "ratings_satisfied" => ("Hài lòng", "Satisfied"),
        "ratings_dissatisfied" => ("Không hài lòng", "Dissatisfied"),
        "resolution_rate" => ("Tỷ lệ giải quyết", "Resolution rate"),
        "on_time_rate" => ("Tỷ lệ trước và đúng hạn", "On-time rate"),
        "early_rate" => ("Tỷ lệ trước hạn", "Early rate"),
        "online_rate" => ("Tỷ lệ trực tuyến", "Online rate"),
        "satisfaction_rate" => ("Tỷ lệ hài lòng", "Satisfaction rate"),
        _ => ("?", "?"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A rate of `f` by name (`"resolution_rate"` …) as a percentage, or `–` when absent.
#[must_use]
pub fn rate_text(f: &Figures, name: &str, lang: Lang) -> String {
    f.rates
        .named()
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, r)| r.as_ref())
        .and_then(|r| percent(r.numerator, r.denominator, lang))
        .unwrap_or_else(|| "–".to_owned())
}

/// Pads `s` to `w` characters (not bytes: Vietnamese letters are multi-byte).
pub(crate) fn pad(s: &str, w: usize, right: bool) -> String {
    let n = s.chars().count();
    let fill = " ".repeat(w.saturating_sub(n));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// The report as a readable text table.
#[must_use]
pub fn report_text(r: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let (title, period) = match lang {
        Lang::Vi => (
            "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            r.period.label_vi(),
        ),
        Lang::En => (
            "ADMINISTRATIVE PROCEDURE DOSSIERS REPORT",
            r.period.label_en(),
        ),
    };
    let _ = writeln!(out, "{title}");
    let range = format!(
        "{} – {}",
        r.period.from().format("%d/%m/%Y"),
        r.period.to().format("%d/%m/%Y")
    );
    let _ = writeln!(out, "{period} ({range})\n");
    let t = &r.total;
    let w = Counts::NAMES
        .iter()
        .map(|n| count_label(n, lang).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for name in Counts::NAMES {
        let v = t.counts.get(name).unwrap_or(0);
        let mut line = format!(
            "{}{}",
            pad(count_label(name, lang), w, false),
            pad(&int(v, lang), 10, true)
        );
        if let Some(ch) = r.change.as_ref().and_then(|c| c.get(*name)) {
            if let Some(rel) = ch.relative {
                let word = match lang {
                    Lang::Vi => "kỳ trước",
                    Lang::En => "previous",
                };
                let sign = if ch.absolute > 0 { "+" } else { "" };
                let _ = write!(
                    line,
                    "   ({word} {}: {sign}{}, {})",
                    int(ch.previous, lang),
                    signed(ch.absolute, lang),
                    change_percent(rel, lang)
                );
            }
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    for (name, _) in t.rates.named() {
        let _ = writeln!(
            out,
            "{}{}",
            pad(count_label(name, lang), w, false),
            pad(&rate_text(t, name, lang), 10, true)
        );
    }
    let (h_agency, h_total) = match lang {
        Lang::Vi => ("Đơn vị", "Tổng cộng"),
        Lang::En => ("Agency", "Total"),
    };
    let cols = [
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
    let rates = ["resolution_rate", "on_time_rate", "online_rate"];
    let aw = r
        .agencies
        .iter()
        .map(|a| a.agency.chars().count())
        .chain([h_agency.chars().count(), h_total.chars().count()])
        .max()
        .unwrap_or(6)
        + 2;
    let _ = writeln!(out);
    let mut head = pad(h_agency, aw, false);
    for c in cols.iter().chain(rates.iter()) {
        let l = count_label(c, lang);
        let _ = write!(head, "{}", pad(l, l.chars().count().max(9) + 2, true));
    }
    let _ = writeln!(out, "{head}");
    let _ = writeln!(out, "{}", "-".repeat(head.chars().count()));
    let row = |name: &str, f: &Figures| {
        let mut line = pad(name, aw, false);
        for c in &cols {
            let l = count_label(c, lang).chars().count().max(9) + 2;
            line.push_str(&pad(&int(f.counts.get(c).unwrap_or(0), lang), l, true));
        }
        for c in &rates {
            let l = count_label(c, lang).chars().count().max(9) + 2;
            line.push_str(&pad(&rate_text(f, c, lang), l, true));
        }
        line
    };
    for a in &r.agencies {
        let _ = writeln!(out, "{}", row(&a.agency, &a.figures));
    }
    let _ = writeln!(out, "{}", "-".repeat(head.chars().count()));
    let _ = writeln!(out, "{}", row(h_total, &r.total));
    let i = &r.input;
    let _ = writeln!(out);
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "Dữ liệu: {} dòng = {} dùng + {} bị loại + {} chưa tiếp nhận",
            int(i.rows, lang),
            int(i.used, lang),
            int(i.rejected, lang),
            int(i.not_received, lang)
        ),
        Lang::En => writeln!(
            out,
            "Input: {} rows = {} used + {} rejected + {} not received",
            int(i.rows, lang),
            int(i.used, lang),
            int(i.rejected, lang),
            int(i.not_received, lang)
        ),
    };
    for e in &i.errors {
        let _ = writeln!(out, "  {}", row_error_text(e, lang));
    }
    out
}

/// Where a rejected row is, in the words of its input: `dòng 5` / `line 5`, `trang 'Hồ sơ',
/// dòng 5` / `sheet 'Hồ sơ', row 5`, `bản ghi 5` / `record 5`, prefixed by its file when
/// several files are read as one input.
#[must_use]
pub fn row_place(e: &RowError, lang: Lang) -> String {
    let mut s = String::new();
    if let Some(f) = &e.file {
        let _ = write!(s, "{f}: ");
    }
    let _ = match (&e.sheet, e.record, lang) {
        (Some(sh), _, Lang::Vi) => write!(s, "trang '{sh}', dòng {}", e.line),
        (Some(sh), _, Lang::En) => write!(s, "sheet '{sh}', row {}", e.line),
        (None, Some(n), Lang::Vi) => write!(s, "bản ghi {n}"),
        (None, Some(n), Lang::En) => write!(s, "record {n}"),
        (None, None, Lang::Vi) => write!(s, "dòng {}", e.line),
        (None, None, Lang::En) => write!(s, "line {}", e.line),
    };
    s
}

/// A rejected row as one line of text: its place, its column and what is wrong.
#[must_use]
pub fn row_error_text(e: &RowError, lang: Lang) -> String {
    let place = row_place(e, lang);
    let word = match (lang, e.record.is_some()) {
        (Lang::Vi, _) => "cột",
        (Lang::En, true) => "field",
        (Lang::En, false) => "column",
    };
    match &e.column {
        Some(c) => format!("{place}, {word} {c}: {}", e.message_in(lang)),
        None => format!("{place}: {}", e.message_in(lang)),
    }
}

/// The one line of rejections on standard error (contract section 15), Vietnamese then
/// English: `motcua: 3 / 10 dòng bị loại (rows rejected): missing 2, unparseable 1`; `None`
/// when no row was rejected.
#[must_use]
pub fn rejection_summary(input: &crate::dossier::InputSummary) -> Option<String> {
    if input.rejected == 0 {
        return None;
    }
    let mut kinds: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for e in &input.errors {
        *kinds.entry(e.kind.to_string()).or_default() += 1;
    }
    let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    Some(format!(
        "motcua: {} / {} dòng bị loại (rows rejected): {}",
        input.rejected,
        input.rows,
        by_kind.join(", ")
    ))
}

/// The Vietnamese message of a rejected row, from its kind and column; the English message
/// follows in brackets for the detail (the value read, the accepted forms).
#[must_use]
pub fn row_error_vi(e: &RowError) -> String {
    let col = e.column.as_deref().unwrap_or("");
    let what = match e.kind {
        ErrorKind::Missing => format!("thiếu giá trị bắt buộc {col}"),
        ErrorKind::Unparseable if col.is_empty() => "không đọc được bản ghi".to_owned(),
        ErrorKind::Unparseable => format!("không đọc được giá trị của {col}"),
        ErrorKind::UnknownCode => format!("mã {col} không có trong danh mục"),
        ErrorKind::Duplicate => "mã hồ sơ trùng với một dòng trước (dòng sau bị loại)".to_owned(),
        ErrorKind::ClosedBeforeReceived => "ngày kết thúc trước ngày tiếp nhận".to_owned(),
        ErrorKind::NoDeadline => {
            "không có hạn giải quyết: thiếu cả NgayHenTra và ThoiHanGiaiQuyet".to_owned()
        }
        ErrorKind::Limit => "vượt giới hạn kích thước".to_owned(),
    };
    format!("{what} ({})", e.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_count_and_rate_has_its_own_label() {
        let rates = [
            "resolution_rate",
            "on_time_rate",
            "early_rate",
            "online_rate",
            "satisfaction_rate",
        ];
        for lang in [Lang::Vi, Lang::En] {
            let mut seen = std::collections::HashSet::new();
            for name in Counts::NAMES.iter().chain(rates.iter()) {
                let label = count_label(name, lang);
                assert_ne!(label, "?", "{name} has no label");
                assert!(
                    seen.insert(label),
                    "{name}: the label {label:?} is used twice"
                );
            }
        }
    }

    #[test]
    fn numbers_the_vietnamese_way() {
        assert_eq!(int(0, Lang::Vi), "0");
        assert_eq!(int(999, Lang::Vi), "999");
        assert_eq!(int(1000, Lang::Vi), "1.000");
        assert_eq!(int(1_234_567, Lang::En), "1,234,567");
        assert_eq!(signed(-10102, Lang::Vi), "-10.102");
        assert_eq!(decimal(16.5, 1, Lang::Vi), "16,5");
    }

    #[test]
    fn percentages_round_half_away_from_zero_exactly() {
        assert_eq!(percent(12083, 12085, Lang::Vi).unwrap(), "99,98 %");
        assert_eq!(percent(8694, 11906, Lang::Vi).unwrap(), "73,02 %");
        assert_eq!(percent(12078, 12085, Lang::Vi).unwrap(), "99,94 %");
        // 1/8 = 12,5 % exactly; 1/16 = 6,25 %; 1/32 = 3,125 % → 3,13 %
        assert_eq!(percent(1, 32, Lang::Vi).unwrap(), "3,13 %");
        assert_eq!(percent(1, 3, Lang::Vi).unwrap(), "33,33 %");
        assert_eq!(percent(2, 3, Lang::Vi).unwrap(), "66,67 %");
        assert_eq!(percent(5, 3, Lang::Vi).unwrap(), "166,67 %");
        assert_eq!(percent(1, 10, Lang::Vi).unwrap(), "10 %");
        assert_eq!(percent(0, 5, Lang::Vi).unwrap(), "0 %");
        assert!(percent(1, 0, Lang::Vi).is_none());
        assert_eq!(change_percent(8694.0 / 7670.0 - 1.0, Lang::Vi), "+13,35 %");
        assert_eq!(change_percent(-0.5, Lang::En), "-50%");
    }

    #[test]
    fn languages_parse() {
        assert_eq!("vi".parse::<Lang>(), Ok(Lang::Vi));
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
    }
}
