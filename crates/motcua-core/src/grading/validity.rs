//! The legal validity of a rulebook: the dates its legal basis applies, the status of that
//! basis, and what grading a period outside those dates means.
//!
//! A rulebook file says it in a `[validity]` table:
//!
//! ```toml
//! [validity]
//! valid_from = 2019-01-06
//! valid_to = 2025-06-30            # last day; omit while in force
//! status = "ended"                 # in_force, ended, inferred, approximate, superseded
//! basis = "Nghị định 61/2018/NĐ-CP, hết hiệu lực từ 01/07/2025"
//! note = "No successor tool was found: usable with a warning."
//! note_vi = "Chưa tìm thấy bộ tiêu chí thay thế: vẫn dùng được, kèm cảnh báo."
//! province = "Sóc Trăng"           # a provincial rulebook
//! superseded_by = "decision-766-2026"
//! ```
//!
//! Grading a period that is not inside `[valid_from, valid_to]`, or with a superseded
//! rulebook, is never silent: [`Validity::check`] gives the warning that every output
//! carries, and callers may refuse it (`--strict-validity`).
//!
//! ```
//! use motcua_core::grading::{LegalStatus, Rulebook};
//! let c = Rulebook::builtin("circular-01-2018").unwrap();
//! assert_eq!(c.validity.status, LegalStatus::Ended);
//! let q1_2026 = "2026-Q1".parse().unwrap();
//! let check = c.validity.check(&q1_2026);
//! assert!(!check.within);
//! assert!(check.warning.unwrap().message.contains("2025-06-30"));
//! assert!(c.validity.check(&"2021-Q3".parse().unwrap()).warning.is_none());
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use crate::period::Period;

/// The status of a rulebook's legal basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LegalStatus {
    /// The basis is in force.
    #[default]
    InForce,
    /// The basis ended on `valid_to` (no successor applied here).
    Ended,
    /// The basis was not read; it is inferred from what is known.
    Inferred,
    /// The rules are reconstructed from observations, not from a published text.
    Approximate,
    /// Replaced by another rulebook; kept for history.
    Superseded,
}

impl LegalStatus {
    /// Every status, in file spelling.
    pub const ALL: [Self; 5] = [
        Self::InForce,
        Self::Ended,
        Self::Inferred,
        Self::Approximate,
        Self::Superseded,
    ];

    /// The name in files and outputs.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::InForce => "in_force",
            Self::Ended => "ended",
            Self::Inferred => "inferred",
            Self::Approximate => "approximate",
            Self::Superseded => "superseded",
        }
    }

    /// The name in Vietnamese.
    #[must_use]
    pub const fn name_vi(self) -> &'static str {
        match self {
            Self::InForce => "còn hiệu lực",
            Self::Ended => "đã hết hiệu lực",
            Self::Inferred => "suy luận",
            Self::Approximate => "gần đúng",
            Self::Superseded => "đã được thay thế",
        }
    }

    /// Reads a file spelling.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.name() == s)
    }
}

/// When a rulebook's legal basis applies, and how sure we are of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Validity {
    /// First day it applies.
    pub valid_from: Option<NaiveDate>,
    /// Last day it applies; `None` while in force.
    pub valid_to: Option<NaiveDate>,
    /// The status of the basis.
    pub status: LegalStatus,
    /// The legal basis of the dates, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// A remark (e.g. that no successor was found).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The remark in Vietnamese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_vi: Option<String>,
    /// The province a provincial rulebook applies to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The rulebook that replaces this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
}

/// What the validity says of one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidityCheck {
    /// Whether the whole period is inside the rulebook's dates.
    pub within: bool,
    /// Whether the rulebook is superseded.
    pub superseded: bool,
    /// The warning, when the period is outside the dates or the rulebook is superseded.
    pub warning: Option<ValidityWarning>,
}

impl ValidityCheck {
    /// Whether `--strict-validity` refuses the period (outside the dates, or superseded).
    #[must_use]
    pub fn refused(&self) -> bool {
        self.warning.is_some()
    }
}

/// A validity warning in English and Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidityWarning {
    /// In English.
    pub message: String,
    /// In Vietnamese.
    pub message_vi: String,
}

fn vi_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

impl Validity {
    /// The dates in words: `2019-01-06 – 2025-06-30`, `from 2026-01-01`.
    #[must_use]
    pub fn range_text(&self, vi: bool) -> String {
        let f = |d: NaiveDate| {
            if vi { vi_date(d) } else { d.to_string() }
        };
        match (self.valid_from, self.valid_to, vi) {
            (Some(a), Some(b), _) => format!("{} – {}", f(a), f(b)),
            (Some(a), None, true) => format!("từ {}", f(a)),
            (Some(a), None, false) => format!("from {}", f(a)),
            (None, Some(b), true) => format!("đến {}", f(b)),
            (None, Some(b), false) => format!("until {}", f(b)),
            (None, None, true) => "không rõ thời hạn".to_owned(),
            (None, None, false) => "no dates known".to_owned(),
        }
    }

    /// Checks `period` against the dates and the status.
    #[must_use]
    pub fn check(&self, period: &Period) -> ValidityCheck {
        let before = self.valid_from.filter(|d| period.from() < *d);
        let after = self.valid_to.filter(|d| period.to() > *d);
        let superseded = self.status == LegalStatus::Superseded;
        let within = before.is_none() && after.is_none();
        let mut en: Vec<String> = Vec::new();
        let mut vi: Vec<String> = Vec::new();
        if let Some(d) = before {
            en.push(format!(
                "the rulebook applies from {d}; the period starts on {}",
                period.from()
            ));
            vi.push(format!(
                "bộ tiêu chí áp dụng từ {}, kỳ bắt đầu {}",
                vi_date(d),
                vi_date(period.from())
            ));
        }
        if let Some(d) = after {
            en.push(format!(
                "the rulebook applies until {d}; the period ends on {}",
                period.to()
            ));
            vi.push(format!(
                "bộ tiêu chí chỉ áp dụng đến {}, kỳ kết thúc {}",
                vi_date(d),
                vi_date(period.to())
            ));
        }
        if superseded {
            let by = self.superseded_by.as_deref().unwrap_or("?");
            en.push(format!(
                "the rulebook is superseded by {by}, kept for history"
            ));
            vi.push(format!(
                "bộ tiêu chí đã được thay thế bằng {by}, chỉ giữ để đối chiếu"
            ));
        }
        let warning = (!en.is_empty()).then(|| {
            if let Some(b) = &self.basis {
                en.push(format!("basis: {b}"));
                vi.push(format!("căn cứ: {b}"));
            }
            if let Some(n) = &self.note {
                en.push(n.clone());
            }
            if let Some(n) = self.note_vi.as_ref().or(self.note.as_ref()) {
                vi.push(n.clone());
            }
            ValidityWarning {
                message: format!("validity: {}", en.join("; ")),
                message_vi: format!("hiệu lực: {}", vi.join("; ")),
            }
        });
        ValidityCheck {
            within,
            superseded,
            warning,
        }
    }
}

/// The rulebook's validity as the score report states it, with the check of its period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidityReport {
    /// The dates, status and basis.
    #[serde(flatten)]
    pub validity: Validity,
    /// The check of the period graded.
    #[serde(flatten)]
    pub check: ValidityCheck,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_crossing_either_end_is_outside() {
        let v = Validity {
            valid_from: Some(d("2019-01-06")),
            valid_to: Some(d("2025-06-30")),
            status: LegalStatus::Ended,
            ..Validity::default()
        };
        let period = |s: &str| s.parse::<Period>().unwrap();
        assert!(v.check(&period("2025-Q2")).within);
        assert!(!v.check(&period("2025-Q3")).within);
        assert!(
            !v.check(&period("2025")).within,
            "a year that crosses the end"
        );
        assert!(!v.check(&period("2018-Q4")).within);
        assert!(
            !v.check(&period("2019-01")).within,
            "starts before 6 January"
        );
        assert!(v.check(&period("2019-02")).warning.is_none());
        let w = v.check(&period("2026-Q1")).warning.unwrap();
        assert!(w.message_vi.contains("30/06/2025"), "{}", w.message_vi);
        let s = Validity {
            status: LegalStatus::Superseded,
            superseded_by: Some("new".into()),
            ..Validity::default()
        };
        let c = s.check(&period("2023"));
        assert!(c.within && c.superseded && c.refused());
        assert!(c.warning.unwrap().message.contains("superseded by new"));
        assert_eq!(LegalStatus::parse("in_force"), Some(LegalStatus::InForce));
        assert_eq!(LegalStatus::parse("official"), None);
    }

    #[test]
    fn a_rulebook_file_states_its_validity_or_says_what_is_wrong() {
        use crate::grading::{Rulebook, RulebookError};
        let book = |v: &str| {
            Rulebook::from_toml(&format!(
                "extends = \"circular-01-2018\"\nid = \"mine\"\n[validity]\n{v}\n"
            ))
        };
        let b =
            book("valid_from = 2026-01-01\nstatus = \"in_force\"\nprovince = \"Cần Thơ\"").unwrap();
        assert_eq!(b.validity.valid_from, Some(d("2026-01-01")));
        assert_eq!(
            (b.validity.valid_to, b.validity.status),
            (None, LegalStatus::InForce)
        );
        assert_eq!(b.validity.province.as_deref(), Some("Cần Thơ"));
        let line = |e: RulebookError| (e.line(), e.to_string());
        let (l, m) = line(book("valid_from = 2026-01-01\nstatus = \"valid\"").unwrap_err());
        assert_eq!(l, Some(5));
        assert!(m.contains("expected in_force, ended"), "{m}");
        let (_, m) = line(
            book("valid_from = 2026-01-01\nvalid_to = 2025-01-01\nstatus = \"ended\"").unwrap_err(),
        );
        assert!(m.contains("is before `valid_from`"), "{m}");
        let (_, m) = line(book("status = \"ended\"").unwrap_err());
        assert!(m.contains("needs `valid_to`"), "{m}");
        let (_, m) = line(book("status = \"ended\"\nvalid_to = 2025-06-30T00:00:00").unwrap_err());
        assert!(m.contains("must be a date"), "{m}");
        // Without a [validity] table a rulebook inherits its base's.
        let inherit = Rulebook::from_toml("extends = \"circular-01-2018\"\nid = \"x\"\n").unwrap();
        assert_eq!(inherit.validity.valid_to, Some(d("2025-06-30")));
    }
}
