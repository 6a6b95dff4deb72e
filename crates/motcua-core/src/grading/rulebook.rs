//! Rulebooks: which indicators grade an agency, how each is scored, how the points combine,
//! the bands, the legal basis and how sure we are of it. Rulebooks are data: the built-in
//! ones are TOML files under `crates/motcua-core/rulebooks/` that users can copy and edit.
//!
//! ```
//! use motcua_core::grading::Rulebook;
//! let c = Rulebook::builtin("circular-01-2018").unwrap();
//! assert_eq!(c.max.to_string(), "18");
//! assert_eq!(c.indicators.len(), 9);
//! let st = Rulebook::builtin("soc-trang-1216-2019").unwrap();
//! assert_eq!(st.extends.as_deref(), Some("circular-01-2018"));
//! assert!(Rulebook::builtin("decision-766-2022").unwrap().is_approximate());
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use super::error::RulebookError;
use super::measure::{Measure, Scope};
use super::points::{Points, Rounding};
use super::rule::Rule;
use super::validity::{Validity, ValidityCheck};
use crate::period::Period;

/// The built-in rulebooks: name and TOML text.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "circular-01-2018",
        include_str!("../../rulebooks/circular-01-2018.toml"),
    ),
    (
        "soc-trang-1216-2019",
        include_str!("../../rulebooks/soc-trang-1216-2019.toml"),
    ),
    (
        "decision-766-2026",
        include_str!("../../rulebooks/decision-766-2026.toml"),
    ),
    (
        "decision-766-2022",
        include_str!("../../rulebooks/decision-766-2022.toml"),
    ),
    (
        "decision-766-2022-six-groups",
        include_str!("../../rulebooks/decision-766-2022-six-groups.toml"),
    ),
];

/// How sure we are that a rulebook is the real rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RulebookStatus {
    /// Read in the legal text.
    Official,
    /// Not read in the text, but follows from what is known (e.g. a local rulebook whose
    /// text was not found, assumed to apply the national one).
    Inferred,
    /// Parts are guesses: the point tables were not published; results are indicative.
    Approximate,
}

impl RulebookStatus {
    /// Reads `official`, `inferred` or `approximate`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "official" => Some(Self::Official),
            "inferred" => Some(Self::Inferred),
            "approximate" => Some(Self::Approximate),
            _ => None,
        }
    }

    /// The name in files and outputs.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Official => "official",
            Self::Inferred => "inferred",
            Self::Approximate => "approximate",
        }
    }
}

/// Which number the agency bands compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BandOn {
    /// The total of the points (all indicators measured, as in the Circular).
    #[default]
    Total,
    /// The total scaled to the maximum when some indicators are not measured:
    /// `total × max / measured_max`.
    Scaled,
}

/// The legal text a rulebook applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LegalBasis {
    /// The document, e.g. "Thông tư 01/2018/TT-VPCP".
    pub document: String,
    /// Its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The articles applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles: Option<String>,
    /// Date signed.
    pub issued: Option<NaiveDate>,
    /// First day in force.
    pub in_force_from: Option<NaiveDate>,
    /// The document that replaced it, if any.
    pub replaced_by: Option<String>,
    /// First day it no longer applies.
    pub replaced_on: Option<NaiveDate>,
    /// Whether the text was available to whoever wrote the rulebook.
    pub text_available: bool,
    /// Where the rules were read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A group of indicators with its maximum (Decision 766's five or six groups).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Group {
    /// Id.
    pub id: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Sum of its indicators' maxima.
    #[serde(serialize_with = "super::points::serialize_max")]
    pub max: Points,
}

/// One indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Indicator {
    /// Id, e.g. "1" or "4.2".
    pub id: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Group id, when the rulebook has groups.
    pub group: Option<String>,
    /// Maximum points.
    pub max: Points,
    /// What it is computed from.
    pub measure: Measure,
    /// How the measure becomes points.
    pub rule: Rule,
    /// Its own status when it differs from the rulebook's.
    pub status: Option<RulebookStatus>,
    /// A remark shown with it.
    pub note: Option<String>,
    /// Levels (`Cap`) at which the indicator does not apply: agencies at these levels get
    /// full points for it.
    pub not_applicable_at: Vec<String>,
}

impl Indicator {
    /// Per dossier or per agency (the scope of its measure).
    #[must_use]
    pub fn scope(&self) -> Scope {
        self.measure.scope()
    }
}

/// A band: a name and the scores it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Band {
    /// Vietnamese name (the contract's band name).
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Lower bound.
    pub min: Points,
    /// Whether a score equal to `min` is in the band.
    pub min_inclusive: bool,
    /// Upper bound; `None` for the top band.
    pub max: Option<Points>,
    /// Whether a score equal to `max` is in the band.
    pub max_inclusive: bool,
}

impl Band {
    /// Whether `v` is in the band.
    #[must_use]
    pub fn contains(&self, v: Points) -> bool {
        let above = v > self.min || (v == self.min && self.min_inclusive);
        let below = self
            .max
            .is_none_or(|m| v < m || (v == m && self.max_inclusive));
        above && below
    }
}

/// How officials are graded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Officials {
    /// The per-dossier indicators that make an official's total.
    pub indicators: Vec<String>,
    /// Officials' bands.
    pub bands: Vec<Band>,
    /// Sum of those indicators' maxima.
    pub max: Points,
}

/// A validated rulebook.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rulebook {
    /// Id, e.g. "circular-01-2018".
    pub id: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Official, inferred or approximate.
    pub status: RulebookStatus,
    /// The rulebook this one extends.
    pub extends: Option<String>,
    /// Sum of the indicators' maxima.
    pub max: Points,
    /// Decimals of each per-dossier mean and proportional score.
    pub decimals: u32,
    /// How those are rounded.
    pub rounding: Rounding,
    /// What the agency bands compare.
    pub band_on: BandOn,
    /// The legal text.
    pub legal_basis: LegalBasis,
    /// When it applies and the status of its basis.
    pub validity: Validity,
    /// Remarks (assumptions, readings of open points).
    pub notes: Vec<String>,
    /// Groups of indicators (may be empty).
    pub groups: Vec<Group>,
    /// The indicators, in output order.
    pub indicators: Vec<Indicator>,
    /// Agency bands, from the lowest.
    pub bands: Vec<Band>,
    /// Officials' grading, if the rulebook grades officials.
    pub officials: Option<Officials>,
}

impl Rulebook {
    /// A built-in rulebook by name.
    #[must_use]
    pub fn builtin(name: &str) -> Option<Self> {
        let text = builtin_toml(name)?;
        Some(
            Self::parse(text, name, &|_| None)
                .unwrap_or_else(|e| panic!("built-in rulebook {name} is invalid: {e}")),
        )
    }

    /// Loads a rulebook from TOML text; `extends` may name a built-in rulebook.
    pub fn from_toml(text: &str) -> Result<Self, RulebookError> {
        Self::parse(text, "input", &|_| None)
    }

    /// Loads a rulebook from TOML text. `label` names the text in errors (e.g. its file
    /// name); `resolve` gives the text of a rulebook named by `extends` that is not built in.
    pub fn parse(
        text: &str,
        label: &str,
        resolve: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, RulebookError> {
        super::load::load(text, label, resolve)
    }

    /// Whether the rulebook (or any of its indicators) is approximate.
    #[must_use]
    pub fn is_approximate(&self) -> bool {
        self.status == RulebookStatus::Approximate
            || self
                .indicators
                .iter()
                .any(|i| i.status == Some(RulebookStatus::Approximate))
    }

    /// The indicator with this id.
    #[must_use]
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The agency band of `v`.
    #[must_use]
    pub fn band(&self, v: Points) -> Option<&Band> {
        self.bands.iter().find(|b| b.contains(v))
    }

    /// What the rulebook's validity says of `period` (outside its dates, superseded).
    #[must_use]
    pub fn check_validity(&self, period: &Period) -> ValidityCheck {
        self.validity.check(period)
    }
}

/// The TOML text of a built-in rulebook.
#[must_use]
pub fn builtin_toml(name: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// The names of the built-in rulebooks.
#[must_use]
pub fn builtin_names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}
