//! The forms whose rows are groups of a breakdown (contract section 11): 06b by procedure,
//! 07a by field, and 06a by field under each level.

use std::collections::BTreeMap;

use crate::breakdown::Breakdown;
use crate::count::Counts;
use crate::report::Report;

use super::{Form06a, Form06aOptions, Form06aRow, FormRows, TOTAL_LABEL};

/// Why a form cannot be filled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormError {
    /// The report has no breakdown by the keys the form's rows need.
    #[error("the form's rows need the report's breakdown by {needed}: count with --by {needed}")]
    NoBreakdown {
        /// The keys needed, as `--by` takes them.
        needed: String,
    },
}

/// The label of a level's group row.
fn level_label(level: &str) -> String {
    match level {
        "bo" => "Cấp bộ, ngành".to_owned(),
        "tinh" => "Cấp tỉnh".to_owned(),
        "huyen" => "Cấp huyện".to_owned(),
        "xa" => "Cấp xã".to_owned(),
        other => format!("Cấp {other}"),
    }
}

/// The order of levels in the form: ministry, province, district, commune, then others.
fn level_rank(level: Option<&str>) -> (u8, String) {
    let l = level.unwrap_or("");
    let r = match l {
        "bo" => 0,
        "tinh" => 1,
        "huyen" => 2,
        "xa" => 3,
        _ => 4,
    };
    (r, l.to_owned())
}

/// A field's key and counts under a level.
type FieldRow<'a> = (&'a Option<String>, &'a Counts);

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

impl Form06a {
    /// Fills a form whose rows are the groups of the report's breakdown: `opts.rows` (or
    /// the form's default) says which keys; the report must be counted `--by` them.
    pub fn by_key(report: &Report, opts: &Form06aOptions) -> Result<Self, FormError> {
        let rows_kind = opts.rows.unwrap_or(opts.kind.layout().rows);
        if rows_kind == FormRows::Agencies {
            return Ok(Self::build(report, opts));
        }
        let dims = rows_kind.dims();
        let needed = || FormError::NoBreakdown {
            needed: dims.iter().map(|d| d.name()).collect::<Vec<_>>().join(","),
        };
        let b: &Breakdown = report.breakdown.as_ref().ok_or_else(needed)?;
        if b.by != dims {
            return Err(needed());
        }
        let cot = opts.closed_as_on_time;
        let unknown = |i: usize| match dims[i] {
            crate::breakdown::Dim::Procedure => "(không rõ thủ tục)",
            _ => "(không rõ lĩnh vực)",
        };
        let label = |key: &Option<String>, i: usize| match key {
            Some(k) => opts.names.get(k).cloned().unwrap_or_else(|| k.clone()),
            None => unknown(i).to_owned(),
        };
        let mut rows = Vec::new();
        if rows_kind == FormRows::FieldsByLevel {
            let mut levels: BTreeMap<(u8, String), Vec<FieldRow<'_>>> = BTreeMap::new();
            for r in &b.rows {
                levels
                    .entry(level_rank(r.keys[0].as_deref()))
                    .or_default()
                    .push((&r.keys[1], &r.figures.counts));
            }
            for (gi, ((_, level), fields)) in levels.into_iter().enumerate() {
                let sum = fields.iter().fold(Counts::default(), |a, (_, c)| a + **c);
                let roman = ROMAN.get(gi).copied().unwrap_or("");
                let mut g = Form06aRow::new(
                    None,
                    None,
                    format!("{roman}. {}", level_label(&level)),
                    &sum,
                    cot,
                );
                g.group = true;
                rows.push(g);
                for (i, (key, c)) in fields.into_iter().enumerate() {
                    rows.push(Form06aRow::new(
                        Some(i as u32 + 1),
                        key.clone(),
                        label(key, 1),
                        c,
                        cot,
                    ));
                }
            }
        } else {
            for (i, r) in b.rows.iter().enumerate() {
                rows.push(Form06aRow::new(
                    Some(i as u32 + 1),
                    r.keys[0].clone(),
                    label(&r.keys[0], 0),
                    &r.figures.counts,
                    cot,
                ));
            }
        }
        let total = Form06aRow::new(
            None,
            None,
            TOTAL_LABEL.to_owned(),
            &report.total.counts,
            cot,
        );
        let opts = Form06aOptions {
            rows: Some(rows_kind),
            ..opts.clone()
        };
        Ok(Self::assemble(report, &opts, rows, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breakdown::{BreakdownRow, Dim};
    use crate::count::Tally;
    use crate::dossier::InputSummary;
    use crate::form06a::FormKind;
    use crate::report::Figures;

    fn counts(received: u64, resolved_early: u64, pending_overdue: u64) -> Counts {
        Counts {
            received,
            received_online: received,
            resolved: resolved_early,
            resolved_early,
            pending: pending_overdue,
            pending_overdue,
            ..Counts::default()
        }
    }

    fn report(by: Vec<Dim>, rows: Vec<(Vec<Option<&str>>, Counts)>) -> Report {
        let mut t = Tally::default();
        for (_, c) in &rows {
            t.add("STP", c);
        }
        let mut r = Report::new(
            "2021-Q3".parse().unwrap(),
            InputSummary::default(),
            &t,
            None,
        );
        r.breakdown = Some(Breakdown {
            by,
            rows: rows
                .into_iter()
                .map(|(k, c)| BreakdownRow {
                    keys: k.into_iter().map(|x| x.map(str::to_owned)).collect(),
                    figures: Figures::from(c),
                })
                .collect(),
        });
        r
    }

    #[test]
    fn form_06b_has_a_row_per_procedure_named_from_the_catalog() {
        let r = report(
            vec![Dim::Procedure],
            vec![
                (vec![Some("1.001")], counts(3, 2, 1)),
                (vec![None], counts(1, 1, 0)),
            ],
        );
        let mut opts = Form06aOptions {
            kind: FormKind::Form06b,
            ..Form06aOptions::default()
        };
        opts.names
            .insert("1.001".into(), "Cấp phiếu lý lịch tư pháp".into());
        let f = Form06a::by_key(&r, &opts).unwrap();
        assert_eq!(f.rows.len(), 2);
        assert_eq!(f.rows[0].label, "Cấp phiếu lý lịch tư pháp");
        assert_eq!(f.rows[1].label, "(không rõ thủ tục)");
        assert_eq!(f.row_heading, "Thủ tục hành chính");
        // Column 3 = received + carried over: 3 + 1.
        assert_eq!(f.total.column(3), Some(4));
        assert!(f.is_consistent());
        assert!(!f.layout().official);
    }

    #[test]
    fn form_06a_by_field_under_each_level_has_subtotals() {
        let r = report(
            vec![Dim::Level, Dim::Field],
            vec![
                (vec![Some("tinh"), Some("TP")], counts(4, 3, 1)),
                (vec![Some("tinh"), Some("YT")], counts(2, 2, 0)),
                (vec![Some("xa"), Some("TP")], counts(5, 4, 1)),
            ],
        );
        let opts = Form06aOptions {
            rows: Some(FormRows::FieldsByLevel),
            ..Form06aOptions::default()
        };
        let f = Form06a::by_key(&r, &opts).unwrap();
        let labels: Vec<&str> = f.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["I. Cấp tỉnh", "TP", "YT", "II. Cấp xã", "TP"]);
        // The province's subtotal: 4 + 2 received, 3 + 2 resolved early.
        assert_eq!(f.rows[0].column(3), Some(6));
        assert_eq!(f.rows[0].column(8), Some(5));
        assert!(f.rows[0].group && f.rows[0].stt.is_none());
        assert_eq!(f.rows[1].stt, Some(1));
        assert_eq!(f.rows[4].stt, Some(1));
        assert_eq!(f.total.column(3), Some(11));
        assert!(f.is_consistent());
        assert_eq!(f.row_heading, "Lĩnh vực, công việc giải quyết theo cấp");
    }

    #[test]
    fn a_form_by_key_needs_the_breakdown() {
        let mut t = Tally::default();
        t.add("STP", &counts(1, 1, 0));
        let r = Report::new(
            "2021-Q3".parse().unwrap(),
            InputSummary::default(),
            &t,
            None,
        );
        let opts = Form06aOptions {
            kind: FormKind::Form07a,
            ..Form06aOptions::default()
        };
        let e = Form06a::by_key(&r, &opts).unwrap_err();
        assert!(e.to_string().contains("--by field"), "{e}");
    }
}
