//! Grading agencies and officials by a rulebook (contract section 10).
//!
//! A [`Rulebook`] is data, loaded from TOML: indicators with their measures and scoring
//! rules, how per-dossier points combine, bands for agencies and officials, the legal basis
//! and how sure we are of it. The built-in rulebooks are `circular-01-2018`,
//! `soc-trang-1216-2019` (extends it unchanged) and the approximate `decision-766-2022` and
//! `decision-766-2022-six-groups`; see [`builtin_names`] and [`builtin_toml`].
//!
//! Grading streams: a [`Grader`] sees each dossier once and keeps integer sums, graders
//! merge, and [`Grader::finish`] turns the sums, the period's counts and the agencies'
//! [`Units`] facts into a [`ScoreReport`]. Every rounding is exact (integer arithmetic).
//!
//! ```
//! use motcua_core::count::count_dataset;
//! use motcua_core::grading::{Rulebook, Units, score_dataset};
//! use motcua_core::dossier::Dataset;
//! let book = Rulebook::builtin("soc-trang-1216-2019").unwrap();
//! let report = score_dataset(&Dataset::default(), &Units::new(), &book, "2021-Q3".parse().unwrap());
//! assert_eq!(report.rulebook.max.to_string(), "18");
//! assert!(report.agencies.is_empty());
//! ```

mod error;
mod grader;
mod index_facts;
mod load;
mod measure;
mod order;
mod points;
mod ratio;
mod raw;
mod report;
mod rule;
mod rulebook;
mod slips;
mod summary;
mod text;
mod units;
mod validate;
mod validity;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_report;
#[cfg(test)]
mod tests_rulebook;
#[cfg(test)]
mod tests_units;

pub use error::RulebookError;
pub use grader::Grader;
pub use index_facts::{IndexColumns, IndexFact, IndexFacts};
pub use measure::{AgencyInputs, Kind, Measure, Scope, Value};
pub use points::{Points, Ratio, Rounding};
pub use report::{
    AgencyScore, GroupScore, IndicatorScore, OfficialScore, RulebookSummary, ScoreReport,
    UnitsCheck, Warning, WarningKind,
};
pub use rule::{Cmp, Condition, IfAbsent, Operand, Rule, Step};
pub use rulebook::{
    BUILTIN, Band, BandOn, Group, Indicator, LegalBasis, Officials, Rulebook, RulebookStatus,
    builtin_names, builtin_toml,
};
pub use slips::{
    SLIP_INDICATORS, Slip, SlipMeans, replace_rating_counts, slip_counts, slip_indicator,
};
pub use summary::announcement_summary;
pub use text::score_text;
pub use units::{COLUMNS as UNIT_COLUMNS, Level, UnitFacts, Units, UnitsError, UnitsHeader};
pub use validity::{LegalStatus, Validity, ValidityCheck, ValidityReport, ValidityWarning};

use crate::count::count_dataset;
use crate::dossier::Dataset;
use crate::period::Period;

/// Grades a dataset held in memory for `period` (the report includes its input summary).
#[must_use]
pub fn score_dataset(ds: &Dataset, units: &Units, book: &Rulebook, period: Period) -> ScoreReport {
    let tally = count_dataset(ds, &[period]).pop().unwrap_or_default();
    let mut g = Grader::new(book, period);
    g.add_all(&ds.dossiers);
    let mut report = g.finish(&ds.agencies, &ds.officials, units, &tally);
    report.input = Some(ds.input.clone());
    report
}
