//! Building reports from datasets (their JSON and CSV are written by [`crate::writer`]).

use motcua_core::count::{Tally, count_dataset};
use motcua_core::dossier::{Dataset, InputSummary};
use motcua_core::period::Period;
use motcua_core::report::Report;

/// Counts a dataset in memory for `period` (and its previous period, for a month, quarter
/// or year) and builds the report.
#[must_use]
pub fn build(ds: &Dataset, period: Period) -> Report {
    let prev = period.previous();
    let periods: Vec<Period> = std::iter::once(period).chain(prev).collect();
    let tallies = count_dataset(ds, &periods);
    from_tallies(period, ds.input.clone(), &tallies)
}

/// Builds a report from the tallies of `[period, previous?]`.
#[must_use]
pub fn from_tallies(period: Period, input: InputSummary, tallies: &[Tally]) -> Report {
    let previous = period.previous().zip(tallies.get(1));
    Report::new(period, input, &tallies[0], previous)
}

pub use crate::writer::report::{breakdown_csv, to_csv, to_json};
pub use motcua_core::format::csv_field;
