//! The table of report form Biểu II.06a (Circular 01/2020/TT-VPCP): "Tình hình, kết quả giải
//! quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công", built from a [`Report`].
//!
//! Thirteen numbered columns, and by default a fourteenth for the dossiers closed without a
//! result (withdrawn or stopped), which the form has no column for. With
//! [`Form06aOptions::closed_as_on_time`] they are counted as resolved on time instead (one
//! vendor's convention), so that columns 7 and 9 include them and there is no extra column.
//!
//! | col | heading | from the report |
//! |---|---|---|
//! | 3 | Số hồ sơ nhận giải quyết: tổng số | `received + carried_over` |
//! | 4 | … trong kỳ: trực tuyến | `received_online` |
//! | 5 | … trong kỳ: trực tiếp, dịch vụ bưu chính | `received_in_person + received_postal` |
//! | 6 | … từ kỳ trước | `carried_over` |
//! | 7–10 | Số hồ sơ đã giải quyết: tổng số, trước hạn, đúng hạn, quá hạn | `resolved`, `resolved_early`, `resolved_on_time`, `resolved_late` |
//! | 11–13 | Số hồ sơ đang giải quyết: tổng số, trong hạn, quá hạn | `pending`, `pending_within_due`, `pending_overdue` |
//! | 14 | Rút, dừng xử lý (not in the form) | `closed_without_result` |
//!
//! Identities: col 3 = 4 + 5 + 6; col 7 = 8 + 9 + 10; col 11 = 12 + 13; and
//! col 3 = 7 + 11 (+ 14).
//!
//! ```
//! use motcua_core::count::{Counts, Tally};
//! use motcua_core::dossier::InputSummary;
//! use motcua_core::form06a::{Form06a, Form06aOptions};
//! use motcua_core::report::Report;
//! let mut t = Tally::default();
//! t.add("STP", &Counts { received: 3, received_online: 2, received_in_person: 1, resolved: 2,
//!                        resolved_early: 2, closed_without_result: 1, ..Counts::default() });
//! let r = Report::new("2021-Q3".parse().unwrap(), InputSummary::default(), &t, None);
//! let form = Form06a::build(&r, &Form06aOptions::default());
//! assert_eq!(form.total.cells, [3, 2, 1, 0, 2, 2, 0, 0, 0, 0, 0, 1]);
//! assert!(form.is_consistent());
//! let on_time = Form06a::build(&r, &Form06aOptions { closed_as_on_time: true, ..Default::default() });
//! assert_eq!(&on_time.total.cells[4..8], &[3, 2, 1, 0]);
//! assert_eq!(on_time.headings().len(), 13);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::count::Counts;
use crate::report::Report;

/// The form's title.
pub const TITLE: &str =
    "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG";
/// The form's number, printed in its top-left corner.
pub const FORM_NUMBER: &str = "Biểu số II.06a/VPCP/KSTT";
/// The circular that issues the form.
pub const ISSUED_BY: &str = "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020";
/// The unit of every count.
pub const UNIT: &str = "Đơn vị tính: Số hồ sơ TTHC";
/// Default reporting unit.
pub const DEFAULT_REPORTING_UNIT: &str = "Trung tâm Phục vụ hành chính công";
/// Default receiving unit.
pub const DEFAULT_RECEIVING_UNIT: &str = "Văn phòng Ủy ban nhân dân tỉnh";

/// The group headings of the first header row: text, first and last column (1-based).
pub const GROUPS: [(&str, usize, usize); 3] = [
    ("Số hồ sơ nhận giải quyết", 3, 6),
    ("Số lượng hồ sơ đã giải quyết", 7, 10),
    ("Số lượng hồ sơ đang giải quyết", 11, 13),
];

/// The headings of the thirteen numbered columns (the second header row; columns 1 and 2
/// span both header rows).
pub const HEADINGS: [&str; 13] = [
    "STT",
    "Lĩnh vực / đơn vị",
    "Tổng số",
    "Trực tuyến",
    "Trực tiếp, dịch vụ bưu chính",
    "Từ kỳ trước",
    "Tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Tổng số",
    "Trong hạn",
    "Quá hạn",
];

/// Heading of the extra column (14) of dossiers closed without a result.
pub const EXTRA_HEADING: &str = "Rút, dừng xử lý (không có kết quả)";

/// Label of the total row.
pub const TOTAL_LABEL: &str = "Tổng cộng";

/// Agency names for the form: the `TenDonVi` of each units file in turn (a later file
/// wins). Only names the user gives are used: an agency without one is shown by its code.
#[must_use]
pub fn agency_names<'a>(
    units: impl IntoIterator<Item = &'a crate::grading::Units>,
) -> BTreeMap<String, String> {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for u in units {
        for f in u.iter() {
            if let Some(n) = &f.name {
                names.insert(f.code.clone(), n.clone());
            }
        }
    }
    names
}

#[cfg(test)]
mod names_tests {
    #[test]
    fn names_come_only_from_the_units_files() {
        let mut u = crate::grading::Units::new();
        let mut f = crate::grading::UnitFacts::new("STP");
        f.name = Some("Sở Tư pháp tỉnh Sóc Trăng".into());
        u.insert(2, f).unwrap();
        u.insert(3, crate::grading::UnitFacts::new("XYZ")).unwrap();
        let names = super::agency_names([&u]);
        assert_eq!(names["STP"], "Sở Tư pháp tỉnh Sóc Trăng");
        // The built-in sample's names are never used for a user's data.
        assert!(!names.contains_key("SYT"));
        assert!(
            !names.contains_key("XYZ"),
            "a unit without a name adds none"
        );
    }
}

/// How to fill the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Form06aOptions {
    /// "Đơn vị báo cáo".
    pub reporting_unit: String,
    /// "Đơn vị nhận báo cáo".
    pub receiving_unit: String,
    /// Count dossiers closed without a result as resolved on time (columns 7 and 9) instead
    /// of listing them in an extra column.
    pub closed_as_on_time: bool,
    /// Agency names by code, for column 2; an agency without a name shows its code.
    pub names: BTreeMap<String, String>,
}

impl Default for Form06aOptions {
    fn default() -> Self {
        Self {
            reporting_unit: DEFAULT_REPORTING_UNIT.to_owned(),
            receiving_unit: DEFAULT_RECEIVING_UNIT.to_owned(),
            closed_as_on_time: false,
            names: BTreeMap::new(),
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form06aRow {
    /// Column 1: the row number; `None` for the total row.
    pub stt: Option<u32>,
    /// The agency code (`None` for the total row).
    pub code: Option<String>,
    /// Column 2: the agency's name, or its code, or "Tổng cộng".
    pub label: String,
    /// Columns 3 to 13, then the extra column 14 (0 and not shown when
    /// `closed_as_on_time`).
    pub cells: [u64; 12],
}

impl Form06aRow {
    fn new(
        stt: Option<u32>,
        code: Option<String>,
        label: String,
        c: &Counts,
        closed_as_on_time: bool,
    ) -> Self {
        let cwr = c.closed_without_result;
        let (resolved, on_time, extra) = if closed_as_on_time {
            (c.resolved + cwr, c.resolved_on_time + cwr, 0)
        } else {
            (c.resolved, c.resolved_on_time, cwr)
        };
        let cells = [
            c.received + c.carried_over,
            c.received_online,
            c.received_in_person + c.received_postal,
            c.carried_over,
            resolved,
            c.resolved_early,
            on_time,
            c.resolved_late,
            c.pending,
            c.pending_within_due,
            c.pending_overdue,
            extra,
        ];
        Self {
            stt,
            code,
            label,
            cells,
        }
    }

    /// The value of numbered column `col` (3..=14).
    #[must_use]
    pub fn column(&self, col: usize) -> Option<u64> {
        col.checked_sub(3).and_then(|i| self.cells.get(i)).copied()
    }

    /// Whether the form's identities hold: 3 = 4 + 5 + 6, 7 = 8 + 9 + 10, 11 = 12 + 13 and
    /// 3 = 7 + 11 + 14.
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        let c = &self.cells;
        c[0] == c[1] + c[2] + c[3]
            && c[4] == c[5] + c[6] + c[7]
            && c[8] == c[9] + c[10]
            && c[0] == c[4] + c[8] + c[11]
    }
}

/// The filled form: its header lines and its table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form06a {
    /// "Đơn vị báo cáo: …".
    pub reporting_unit: String,
    /// "Đơn vị nhận báo cáo: …".
    pub receiving_unit: String,
    /// "Kỳ báo cáo: Quý III năm 2021 (Từ ngày 01/07/2021 đến ngày 30/09/2021)".
    pub period_line: String,
    /// Whether column 14 (closed without a result) is shown.
    pub extra_column: bool,
    /// One row per agency of the report, in its order.
    pub rows: Vec<Form06aRow>,
    /// The total row.
    pub total: Form06aRow,
}

impl Form06a {
    /// Fills the form from a report.
    #[must_use]
    pub fn build(report: &Report, opts: &Form06aOptions) -> Self {
        let rows = report
            .agencies
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let label = opts
                    .names
                    .get(&a.agency)
                    .cloned()
                    .unwrap_or_else(|| a.agency.clone());
                Form06aRow::new(
                    Some(i as u32 + 1),
                    Some(a.agency.clone()),
                    label,
                    &a.figures.counts,
                    opts.closed_as_on_time,
                )
            })
            .collect();
        let total = Form06aRow::new(
            None,
            None,
            TOTAL_LABEL.to_owned(),
            &report.total.counts,
            opts.closed_as_on_time,
        );
        let p = &report.period;
        let range = format!(
            "Từ ngày {} đến ngày {}",
            p.from().format("%d/%m/%Y"),
            p.to().format("%d/%m/%Y")
        );
        let period_line = match p.kind() {
            crate::period::PeriodKind::Range => format!("Kỳ báo cáo: ({range})"),
            _ => format!("Kỳ báo cáo: {} ({range})", capitalize(&p.label_vi())),
        };
        Self {
            reporting_unit: opts.reporting_unit.clone(),
            receiving_unit: opts.receiving_unit.clone(),
            period_line,
            extra_column: !opts.closed_as_on_time,
            rows,
            total,
        }
    }

    /// Number of columns shown: 13, or 14 with the extra column.
    #[must_use]
    pub fn width(&self) -> usize {
        if self.extra_column { 14 } else { 13 }
    }

    /// The heading of each column shown.
    #[must_use]
    pub fn headings(&self) -> Vec<&'static str> {
        HEADINGS
            .iter()
            .copied()
            .chain(self.extra_column.then_some(EXTRA_HEADING))
            .collect()
    }

    /// The headings for a one-row header (CSV): each with its group and number,
    /// "(3) Số hồ sơ nhận giải quyết - Tổng số".
    #[must_use]
    pub fn flat_headings(&self) -> Vec<String> {
        self.headings()
            .into_iter()
            .enumerate()
            .map(|(i, h)| {
                let col = i + 1;
                match GROUPS.iter().find(|(_, a, b)| (*a..=*b).contains(&col)) {
                    Some((g, _, _)) => format!("({col}) {g} - {h}"),
                    None => format!("({col}) {h}"),
                }
            })
            .collect()
    }

    /// Every row, agencies then the total, as the text of each shown cell.
    #[must_use]
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .chain(std::iter::once(&self.total))
            .map(|r| {
                let mut v = vec![
                    r.stt.map(|n| n.to_string()).unwrap_or_default(),
                    r.label.clone(),
                ];
                v.extend(r.cells[..self.width() - 2].iter().map(u64::to_string));
                v
            })
            .collect()
    }

    /// Whether every row and the total satisfy the identities, and the rows add up to the
    /// total.
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        let mut sum = [0u64; 12];
        for r in &self.rows {
            for (s, v) in sum.iter_mut().zip(r.cells) {
                *s += v;
            }
        }
        sum == self.total.cells
            && self.total.is_consistent()
            && self.rows.iter().all(Form06aRow::is_consistent)
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::count::Tally;
    use crate::dossier::InputSummary;

    fn report() -> Report {
        let mut t = Tally::default();
        let c = Counts {
            received: 8,
            received_online: 3,
            received_in_person: 4,
            received_postal: 1,
            carried_over: 2,
            resolved: 5,
            resolved_early: 2,
            resolved_on_time: 3,
            closed_without_result: 1,
            pending: 4,
            pending_within_due: 1,
            pending_overdue: 3,
            ..Counts::default()
        };
        t.add("STP", &c);
        t.add("SYT", &Counts::default());
        Report::new(
            "2021-Q3".parse().unwrap(),
            InputSummary::default(),
            &t,
            None,
        )
    }

    #[test]
    fn columns_follow_the_report() {
        let mut opts = Form06aOptions::default();
        opts.names.insert("STP".into(), "Sở Tư pháp".into());
        let f = Form06a::build(&report(), &opts);
        assert_eq!(f.rows[0].label, "Sở Tư pháp");
        assert_eq!(f.rows[1].label, "SYT");
        assert_eq!(f.total.cells, [10, 3, 5, 2, 5, 2, 3, 0, 4, 1, 3, 1]);
        assert_eq!(f.total.column(14), Some(1));
        assert!(f.is_consistent());
        assert_eq!(
            f.period_line,
            "Kỳ báo cáo: Quý III năm 2021 (Từ ngày 01/07/2021 đến ngày 30/09/2021)"
        );
        assert_eq!(
            f.flat_headings()[2],
            "(3) Số hồ sơ nhận giải quyết - Tổng số"
        );
        assert_eq!(
            f.text_rows()[2],
            [
                "",
                "Tổng cộng",
                "10",
                "3",
                "5",
                "2",
                "5",
                "2",
                "3",
                "0",
                "4",
                "1",
                "3",
                "1"
            ]
        );
    }

    #[test]
    fn closed_as_on_time_moves_them_to_column_9() {
        let opts = Form06aOptions {
            closed_as_on_time: true,
            ..Form06aOptions::default()
        };
        let f = Form06a::build(&report(), &opts);
        assert_eq!(f.width(), 13);
        assert_eq!(f.total.column(7), Some(6));
        assert_eq!(f.total.column(9), Some(4));
        assert_eq!(f.total.column(14), Some(0));
        assert!(f.is_consistent());
        assert_eq!(f.text_rows()[0].len(), 13);
    }
}
