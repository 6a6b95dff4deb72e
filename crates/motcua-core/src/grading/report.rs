//! The score report (contract section 10): what [`Grader::finish`](super::Grader::finish)
//! returns and what `motcua score --format json` prints.

use serde::Serialize;

use super::measure::{Scope, Value};
use super::points::{Points, Rounding, serialize_max};
use super::rulebook::{BandOn, Group, Indicator, LegalBasis, Rulebook, RulebookStatus};
use super::validity::ValidityReport;
use crate::dossier::InputSummary;
use crate::period::Period;

/// The rulebook as the report describes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RulebookSummary {
    /// Id.
    pub id: String,
    /// Vietnamese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Maximum points.
    #[serde(serialize_with = "serialize_max")]
    pub max: Points,
    /// Official, inferred or approximate.
    pub status: RulebookStatus,
    /// Whether results are indicative only.
    pub approximate: bool,
    /// The rulebook it extends.
    pub extends: Option<String>,
    /// Decimals of each mean and proportional score.
    pub decimals: u32,
    /// Their rounding.
    pub rounding: Rounding,
    /// What the agency bands compare.
    pub band_on: BandOn,
    /// The legal text.
    pub legal_basis: LegalBasis,
    /// When it applies, its status, and whether the period graded is inside its dates.
    pub validity: ValidityReport,
    /// Remarks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Groups of indicators.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

/// One indicator of one agency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// Indicator id.
    pub id: String,
    /// Vietnamese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Group id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Points; `None` when not measured.
    pub points: Option<Points>,
    /// Maximum points.
    #[serde(serialize_with = "serialize_max")]
    pub max: Points,
    /// Whether the inputs allowed it to be scored.
    pub measured: bool,
    /// Per dossier or per agency.
    pub scope: Scope,
    /// Its measure.
    pub measure: &'static str,
    /// The measured value: the unrounded mean of per-dossier points, or the agency's value.
    pub value: Option<Value>,
    /// Per-dossier indicators: how many dossiers the mean is over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dossiers: Option<u64>,
    /// With `--means slips`: how many rating slips the mean is over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slips: Option<u64>,
    /// The rule that gave the points, in words.
    pub rule: String,
    /// Whether this indicator's scoring is a guess.
    pub approximate: bool,
}

impl IndicatorScore {
    pub(crate) fn new(ind: &Indicator, book: &Rulebook) -> Self {
        Self {
            id: ind.id.clone(),
            name: ind.name_vi.clone(),
            name_en: ind.name_en.clone(),
            group: ind.group.clone(),
            points: None,
            max: ind.max,
            measured: false,
            scope: ind.scope(),
            measure: ind.measure.name(),
            value: None,
            dossiers: None,
            slips: None,
            rule: String::new(),
            approximate: ind.status.unwrap_or(book.status) == RulebookStatus::Approximate,
        }
    }

    pub(crate) fn set_points(&mut self, p: Option<Points>) {
        self.points = p;
        self.measured = p.is_some();
    }
}

/// One group of one agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupScore {
    /// Group id.
    pub id: String,
    /// Points of its measured indicators.
    pub points: Points,
    /// Its maximum.
    #[serde(serialize_with = "serialize_max")]
    pub max: Points,
    /// The maximum of its measured indicators.
    pub measured_max: Points,
}

/// One agency's grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgencyScore {
    /// Agency code.
    pub agency: String,
    /// Its name, from the units file.
    pub name: Option<String>,
    /// Total points; `None` when not graded.
    pub total: Option<Points>,
    /// The rulebook's maximum.
    #[serde(serialize_with = "serialize_max")]
    pub max: Points,
    /// The maximum of the indicators measured.
    pub measured_max: Option<Points>,
    /// `total × max / measured_max`, when the rulebook bands on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaled_total: Option<Points>,
    /// Band (Vietnamese name, as the contract spells it).
    pub band: Option<String>,
    /// Band in English.
    pub band_en: Option<String>,
    /// Rank: 1 is the best; ties share a rank.
    pub rank: Option<u32>,
    /// Whether the agency was graded (it had a dossier resolved in the period).
    pub graded: bool,
    /// Dossiers resolved in the period.
    pub resolved: u64,
    /// Each indicator (empty when not graded).
    pub indicators: Vec<IndicatorScore>,
    /// Each group, when the rulebook has groups.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupScore>,
}

impl AgencyScore {
    pub(crate) fn new(code: &str, name: Option<String>, book: &Rulebook, resolved: u64) -> Self {
        Self {
            agency: code.to_owned(),
            name,
            total: None,
            max: book.max,
            measured_max: None,
            scaled_total: None,
            band: None,
            band_en: None,
            rank: None,
            graded: resolved > 0,
            resolved,
            indicators: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// The number the bands and ranks compare.
    #[must_use]
    pub fn basis(&self) -> Option<Points> {
        self.scaled_total.or(self.total)
    }
}

pub(crate) fn group_scores(book: &Rulebook, inds: &[IndicatorScore]) -> Vec<GroupScore> {
    book.groups
        .iter()
        .map(|g| {
            let mine = || inds.iter().filter(|i| i.group.as_deref() == Some(&g.id));
            GroupScore {
                id: g.id.clone(),
                points: mine().filter_map(|i| i.points).sum(),
                max: g.max,
                measured_max: mine().filter(|i| i.measured).map(|i| i.max).sum(),
            }
        })
        .collect()
}

/// Ranks graded agencies by their band basis, best first; ties share a rank (1, 1, 3).
pub(crate) fn rank(scores: &mut [AgencyScore]) {
    let mut bases: Vec<Points> = scores.iter().filter_map(AgencyScore::basis).collect();
    bases.sort_unstable_by(|a, b| b.cmp(a));
    for s in scores.iter_mut() {
        s.rank = s
            .basis()
            .map(|v| bases.partition_point(|b| *b > v) as u32 + 1);
    }
}

/// One official's grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfficialScore {
    /// Official code (`CanBoTiepNhan`).
    pub official: String,
    /// Dossiers they received that were resolved in the period.
    pub dossiers: u64,
    /// Sum of the rounded means of the officials' indicators; `None` without dossiers.
    pub total: Option<Points>,
    /// Maximum.
    #[serde(serialize_with = "serialize_max")]
    pub max: Points,
    /// Band (Vietnamese).
    pub band: Option<String>,
    /// Band in English.
    pub band_en: Option<String>,
}

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// The rulebook is approximate: results are indicative.
    Approximate,
    /// The rulebook's legal text was not available; it is inferred.
    TextNotAvailable,
    /// The period is outside the rulebook's legal dates.
    OutsideLegalDates,
    /// The rulebook is superseded by another (kept for history).
    Superseded,
    /// Some indicators could not be measured from the inputs.
    NotMeasured,
    /// The units file names agencies that have no dossier.
    UnknownUnits,
    /// Agencies with dossiers have no row in the units file: defaults were used.
    MissingUnits,
}

/// A warning, in English and Vietnamese, with the codes it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What it is about.
    pub kind: WarningKind,
    /// In English.
    pub message: String,
    /// In Vietnamese.
    pub message_vi: String,
    /// Agency or indicator codes concerned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

impl Warning {
    pub(crate) fn new(
        kind: WarningKind,
        book: &Rulebook,
        period: &Period,
        detail: Option<String>,
        codes: &[String],
    ) -> Self {
        let list = codes.join(", ");
        let doc = &book.legal_basis.document;
        let (message, message_vi) = match kind {
            WarningKind::Approximate => (
                format!(
                    "rulebook {} is approximate: its point tables were not published, results are indicative only",
                    book.id
                ),
                format!(
                    "bộ tiêu chí {} là gần đúng (chưa có bảng điểm chính thức): kết quả chỉ để tham khảo",
                    book.id
                ),
            ),
            WarningKind::TextNotAvailable => {
                let vi = if book.status == RulebookStatus::Approximate {
                    "gần đúng"
                } else {
                    "suy luận"
                };
                (
                    format!(
                        "the text of {doc} was not available: rulebook {} is {}",
                        book.id,
                        book.status.name()
                    ),
                    format!("chưa có văn bản {doc}: bộ tiêu chí {} là {vi}", book.id),
                )
            }
            WarningKind::OutsideLegalDates | WarningKind::Superseded => {
                let check = book.validity.check(period);
                let w = check
                    .warning
                    .unwrap_or_else(|| super::validity::ValidityWarning {
                        message: detail.clone().unwrap_or_default(),
                        message_vi: detail.unwrap_or_default(),
                    });
                (
                    format!(
                        "rulebook {} ({}, valid {}): {}",
                        book.id,
                        book.validity.status.name(),
                        book.validity.range_text(false),
                        w.message
                    ),
                    format!(
                        "bộ tiêu chí {} ({}, hiệu lực {}): {}",
                        book.id,
                        book.validity.status.name_vi(),
                        book.validity.range_text(true),
                        w.message_vi
                    ),
                )
            }
            WarningKind::NotMeasured => (
                format!(
                    "indicators not measured for some agencies (their data is not in the inputs): {list}; totals count measured points only"
                ),
                format!(
                    "chỉ số chưa đo được ở một số đơn vị (dữ liệu đầu vào không có): {list}; tổng điểm chỉ tính phần đo được"
                ),
            ),
            WarningKind::UnknownUnits => (
                format!("the units file names agencies that have no dossier: {list}"),
                format!("tệp đơn vị có đơn vị không có hồ sơ: {list}"),
            ),
            WarningKind::MissingUnits => (
                format!("agencies missing from the units file, graded with the defaults: {list}"),
                format!("đơn vị không có trong tệp đơn vị, chấm theo giá trị mặc định: {list}"),
            ),
        };
        Self {
            kind,
            message,
            message_vi,
            codes: codes.to_vec(),
        }
    }
}

/// Agencies of the units file and of the dossiers that do not match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UnitsCheck {
    /// In the units file, without dossiers.
    pub unknown: Vec<String>,
    /// With dossiers, not in the units file (graded with the defaults).
    pub missing: Vec<String>,
}

/// Every agency's and official's grade for one period under one rulebook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    /// The contract version of this output (2).
    pub contract: u8,
    /// The rulebook.
    pub rulebook: RulebookSummary,
    /// The period graded.
    pub period: Period,
    /// Warnings: approximate rulebook, dates, units, indicators not measured.
    pub warnings: Vec<Warning>,
    /// Every agency with a used row, sorted by code.
    pub agencies: Vec<AgencyScore>,
    /// Every official with a used row, sorted by code.
    pub officials: Vec<OfficialScore>,
    /// Units-file mismatches.
    pub units: UnitsCheck,
    /// What the per-dossier indicators are means over: `dossiers` (default) or `slips`.
    pub means: &'static str,
    /// The input rows read, used, rejected (set by whoever read them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<InputSummary>,
    /// With `--successors` (contract section 9a): the agencies graded under their last
    /// successor, and which.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successors: Option<Vec<crate::successors::Mapping>>,
}

impl ScoreReport {
    pub(crate) fn new(
        book: &Rulebook,
        period: Period,
        agencies: Vec<AgencyScore>,
        officials: Vec<OfficialScore>,
        warnings: Vec<Warning>,
        units: UnitsCheck,
    ) -> Self {
        let rulebook = RulebookSummary {
            id: book.id.clone(),
            name: book.name_vi.clone(),
            name_en: book.name_en.clone(),
            max: book.max,
            status: book.status,
            approximate: book.is_approximate(),
            extends: book.extends.clone(),
            decimals: book.decimals,
            rounding: book.rounding,
            band_on: book.band_on,
            legal_basis: book.legal_basis.clone(),
            validity: ValidityReport {
                validity: book.validity.clone(),
                check: book.validity.check(&period),
            },
            notes: book.notes.clone(),
            groups: book.groups.clone(),
        };
        Self {
            contract: 2,
            rulebook,
            period,
            warnings,
            agencies,
            officials,
            units,
            means: "dossiers",
            input: None,
            successors: None,
        }
    }

    /// One agency's grade.
    #[must_use]
    pub fn agency(&self, code: &str) -> Option<&AgencyScore> {
        self.agencies.iter().find(|a| a.agency == code)
    }

    /// One official's grade.
    #[must_use]
    pub fn official(&self, code: &str) -> Option<&OfficialScore> {
        self.officials.iter().find(|o| o.official == code)
    }

    /// Whether the period is outside the rulebook's dates or the rulebook is superseded
    /// (what `--strict-validity` refuses).
    #[must_use]
    pub fn validity_refused(&self) -> bool {
        self.rulebook.validity.check.refused()
    }
}
