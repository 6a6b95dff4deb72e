//! Partial aggregates (contract section 16): the state of counting one part of an input,
//! which distributed engines (Spark, Dask, a pool of machines) build on their workers and
//! merge on the driver into the report and the grades of the whole input.
//!
//! A [`Partial`] holds, for one part:
//!
//! - a [`Header`]: the contract version and every option that shapes the counts (the period
//!   and what it is compared with, the breakdown keys, the series step, and digests of the
//!   calendar, profile, catalog, units and rulebook). Partials whose headers differ refuse to
//!   merge ([`PartialError::Mismatch`]);
//! - the counts per agency of the period, of the period compared with and of each step of
//!   the series ([`Tally`]), and per group of the breakdown ([`GroupTally`]);
//! - the per-dossier grading sums per agency and per official ([`GradeSums`]), when a
//!   rulebook was given;
//! - the input summary: rows, used, rejected, not received, without a level, and the
//!   rejected rows (column, kind, message and the position within the part).
//!
//! Every part is a sum: [`Partial::merge`] adds counts, sums and summaries, so partials of
//! any split of an input, merged in any order, give the report and grades of the whole.
//!
//! # Duplicate dossier codes across parts
//!
//! A later row whose `MaHoSo` was already seen is rejected (contract section 6). Partials do
//! **not** carry the codes they saw: the engine must partition the input **by `MaHoSo`**
//! (e.g. by a hash of it), so that every row of one code lands in the same part, and keep
//! the input order of the rows within a part (the Spark example numbers the rows as read
//! and sorts each partition by that number). Each part then checks its own codes and the
//! merged result rejects exactly the rows the whole input would. A split that puts rows of
//! one code into two parts counts both rows.
//!
//! # Positions of rejected rows
//!
//! A rejected row keeps its position within its part (the part's line or row number). When
//! a part is a contiguous piece of the input that knows where it starts, that position is
//! the input's; otherwise (a shuffled partition) only the code's message, the column and the
//! kind identify the row. The merged errors are sorted by (position, column, kind, message)
//! so that the merge order does not show.
//!
//! # Byte format (version 1)
//!
//! | bytes | content |
//! |---|---|
//! | 0–7 | the magic `MOTCUAPA` (ASCII) |
//! | 8–9 | the format version, little-endian `u16` (now 1) |
//! | 10– | the [`Partial`] in CBOR (RFC 8949), as its serde derive names the fields |
//!
//! [`Partial::from_bytes`] refuses another magic, another version and a truncated or
//! corrupt body with a [`PartialError`] of its own kind.
//!
//! ```
//! use motcua_core::count::{Counts, Tally};
//! use motcua_core::partial::{Header, Partial};
//! let header = Header::new("2021-Q3".parse().unwrap());
//! let mut a = Partial::new(header.clone());
//! a.period.add("STP", &Counts { received: 2, ..Counts::default() });
//! let mut b = Partial::new(header);
//! b.period.add("STP", &Counts { received: 3, ..Counts::default() });
//! let b = Partial::from_bytes(&b.to_bytes()).unwrap();
//! let whole = Partial::merge([a, b]).unwrap();
//! assert_eq!(whole.period.total().received, 5);
//! ```

mod bytes;
mod digest;
mod grades;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::breakdown::{Dim, GroupTally};
use crate::count::Tally;
use crate::dossier::InputSummary;
use crate::period::{Period, Step};
use crate::report::Compare;

pub use bytes::{FORMAT_VERSION, MAGIC};
pub use digest::{calendar_digest, text_digest};
pub use grades::{GradeSums, rulebook_digest, units_digest};

/// What a partial refuses: bytes that are not a partial, or partials that do not merge.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PartialError {
    /// The bytes do not start with [`MAGIC`].
    #[error("not a motcua partial aggregate (the bytes do not start with 'MOTCUAPA')")]
    BadMagic,
    /// A format version this build does not read.
    #[error(
        "partial aggregate format version {found} is not supported (this build reads version {supported})"
    )]
    UnsupportedVersion {
        /// The version in the bytes.
        found: u16,
        /// The version this build reads and writes.
        supported: u16,
    },
    /// The bytes end before the partial does.
    #[error("the partial aggregate is truncated ({len} bytes)")]
    Truncated {
        /// How many bytes there were.
        len: usize,
    },
    /// The body cannot be decoded.
    #[error("the partial aggregate is corrupt: {0}")]
    Corrupt(String),
    /// Partials built with different options (period, calendar, units…).
    #[error(
        "partial aggregates built with different options do not merge: {what} differs ({left} ≠ {right})"
    )]
    Mismatch {
        /// The option that differs.
        what: &'static str,
        /// Its value in the partials merged so far.
        left: String,
        /// Its value in the next partial.
        right: String,
    },
    /// Nothing to merge.
    #[error("no partial aggregate to merge")]
    Empty,
    /// Grades asked of partials built without a rulebook, or with another one.
    #[error("{0}")]
    Grades(String),
}

impl PartialError {
    /// A short name of the error's kind (`bad_magic`, `unsupported_version`, `truncated`,
    /// `corrupt`, `mismatch`, `empty`, `grades`).
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::BadMagic => "bad_magic",
            Self::UnsupportedVersion { .. } => "unsupported_version",
            Self::Truncated { .. } => "truncated",
            Self::Corrupt(_) => "corrupt",
            Self::Mismatch { .. } => "mismatch",
            Self::Empty => "empty",
            Self::Grades(_) => "grades",
        }
    }
}

/// The options that shape the counts; partials merge only when their headers are equal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The data contract's version ([`crate::CONTRACT_VERSION`]).
    pub contract: u32,
    /// The period counted.
    pub period: Period,
    /// What `previous` holds; `None` for no comparison.
    pub compare: Option<Compare>,
    /// The keys of the breakdown; empty for none.
    pub by: Vec<Dim>,
    /// The step of the series, if any.
    pub every: Option<Step>,
    /// The work calendar ([`calendar_digest`]).
    pub calendar: String,
    /// The source profile, if any (its name or a digest).
    pub profile: Option<String>,
    /// The procedure catalog, if any (a digest).
    pub catalog: Option<String>,
    /// The units file, if any (a digest of its facts).
    pub units: Option<String>,
    /// The rulebook, if grades are kept (its id and a digest).
    pub rulebook: Option<String>,
    /// Each agency mapped to its last successor (`--successors`, contract section 9a),
    /// applied when the report is built; `None` for no mapping.
    #[serde(default)]
    pub successors: Option<std::collections::BTreeMap<String, String>>,
    /// The counting conventions of other systems that were asked for (contract's rules by
    /// default).
    #[serde(default)]
    pub conventions: crate::convention::Conventions,
}

impl Header {
    /// A header for `period` with the built-in calendar and no other option (no comparison,
    /// breakdown or series).
    #[must_use]
    pub fn new(period: Period) -> Self {
        Self {
            contract: crate::CONTRACT_VERSION,
            period,
            compare: None,
            by: Vec::new(),
            every: None,
            calendar: calendar_digest(&crate::calendar::Calendar::vn(), &period),
            profile: None,
            catalog: None,
            units: None,
            rulebook: None,
            successors: None,
            conventions: crate::convention::Conventions::default(),
        }
    }

    /// The first option that differs from `other`'s.
    fn mismatch(&self, other: &Self) -> Option<PartialError> {
        let show = |v: &dyn std::fmt::Debug| format!("{v:?}");
        let pairs: [(&'static str, String, String); 12] = [
            ("contract", show(&self.contract), show(&other.contract)),
            ("period", self.period.to_string(), other.period.to_string()),
            ("compare", show(&self.compare), show(&other.compare)),
            ("by", show(&self.by), show(&other.by)),
            ("every", show(&self.every), show(&other.every)),
            ("calendar", self.calendar.clone(), other.calendar.clone()),
            ("profile", show(&self.profile), show(&other.profile)),
            ("catalog", show(&self.catalog), show(&other.catalog)),
            ("units", show(&self.units), show(&other.units)),
            ("rulebook", show(&self.rulebook), show(&other.rulebook)),
            (
                "successors",
                show(&self.successors),
                show(&other.successors),
            ),
            (
                "conventions",
                show(&self.conventions),
                show(&other.conventions),
            ),
        ];
        pairs
            .into_iter()
            .find(|(_, l, r)| l != r)
            .map(|(what, left, right)| PartialError::Mismatch { what, left, right })
    }

    /// The periods counted per agency besides the period: the one compared with, if any.
    #[must_use]
    pub fn compared(&self) -> Option<Period> {
        self.compare.and_then(|c| c.period_for(&self.period))
    }

    /// The steps of the series (none without `every`).
    #[must_use]
    pub fn steps(&self) -> Vec<Period> {
        self.every.map(|s| self.period.steps(s)).unwrap_or_default()
    }
}

/// The partial aggregate of one part of an input; see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partial {
    /// The options counted with.
    pub header: Header,
    /// The part's input summary; `errors` hold the part's rejected rows.
    pub input: InputSummary,
    /// Per agency, the period (every agency with a used row, zeros included).
    pub period: Tally,
    /// Per agency, the period compared with.
    pub previous: Option<(Period, Tally)>,
    /// Per agency, each step of the series.
    pub steps: Vec<(Period, Tally)>,
    /// Per group of `by`: the period, then each step.
    pub groups: Option<Vec<GroupTally>>,
    /// The grading sums, when a rulebook was given.
    pub grades: Option<GradeSums>,
}

impl Partial {
    /// An empty partial (the part had no rows): the periods of the header with no counts.
    #[must_use]
    pub fn new(header: Header) -> Self {
        let previous = header.compared().map(|p| (p, Tally::default()));
        let steps: Vec<(Period, Tally)> = header
            .steps()
            .into_iter()
            .map(|p| (p, Tally::default()))
            .collect();
        let groups = (!header.by.is_empty()).then(|| vec![GroupTally::default(); steps.len() + 1]);
        let grades = header.rulebook.is_some().then(GradeSums::default);
        Self {
            header,
            input: InputSummary::default(),
            period: Tally::default(),
            previous,
            steps,
            groups,
            grades,
        }
    }

    /// Adds another part counted with the same options.
    pub fn add(&mut self, other: &Self) -> Result<(), PartialError> {
        if let Some(e) = self.header.mismatch(&other.header) {
            return Err(e);
        }
        let shape = |p: &Self| {
            (
                p.previous.as_ref().map(|(p, _)| *p),
                p.steps.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
                p.groups.as_ref().map(Vec::len),
                p.grades.is_some(),
            )
        };
        let (mine, theirs) = (shape(self), shape(other));
        if mine != theirs {
            return Err(PartialError::Mismatch {
                what: "shape",
                left: format!("{mine:?}"),
                right: format!("{theirs:?}"),
            });
        }
        self.period.merge(&other.period);
        if let (Some((_, a)), Some((_, b))) = (&mut self.previous, &other.previous) {
            a.merge(b);
        }
        for ((_, a), (_, b)) in self.steps.iter_mut().zip(&other.steps) {
            a.merge(b);
        }
        if let (Some(a), Some(b)) = (&mut self.groups, &other.groups) {
            for (x, y) in a.iter_mut().zip(b) {
                x.merge(y);
            }
        }
        if let (Some(a), Some(b)) = (&mut self.grades, &other.grades) {
            a.merge(b);
        }
        self.input.merge(other.input.clone());
        sort_errors(&mut self.input.errors);
        Ok(())
    }

    /// Merges partials of one input, in any order, into the partial of the whole.
    pub fn merge(parts: impl IntoIterator<Item = Self>) -> Result<Self, PartialError> {
        let mut parts = parts.into_iter();
        let mut whole = parts.next().ok_or(PartialError::Empty)?;
        sort_errors(&mut whole.input.errors);
        for p in parts {
            whole.add(&p)?;
        }
        Ok(whole)
    }
}

/// Sorts rejected rows by every field, so that the order of the parts does not show.
fn sort_errors(errors: &mut [crate::record::RowError]) {
    errors.sort_by(|a, b| {
        (
            a.line, &a.column, a.kind, &a.message, &a.file, a.record, &a.sheet,
        )
            .cmp(&(
                b.line, &b.column, b.kind, &b.message, &b.file, b.record, &b.sheet,
            ))
    });
}
