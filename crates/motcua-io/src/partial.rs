//! Partial aggregates from rows, and the report and grades of merged partials (contract
//! section 16): what a distributed engine runs on its workers ([`partial_from_bytes`],
//! [`partial_from_dataset`]) and on its driver ([`merge_bytes`], [`report_of`],
//! [`merged_json`]).
//!
//! The counting is the one of `motcua report` ([`Counting`]) and the grading the one of
//! `motcua score` ([`Grader`]); a partial keeps their sums by code. Duplicate dossier codes
//! are checked within each part: partition the input by `MaHoSo` (see
//! [`motcua_core::partial`]).
//!
//! ```
//! use motcua_io::input::InputFormat;
//! use motcua_io::partial::{PartialOptions, merge_bytes, partial_from_bytes, report_of};
//!
//! let head = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n";
//! let a = format!("{head}H1,STP,2,2021-07-01,2021-07-05,2021-07-02,10\n");
//! let b = format!("{head}H2,SYT,1,2021-08-03,2021-08-05,,4\nH2,SYT,1,2021-08-03,2021-08-05,,4\n");
//! let opts = PartialOptions::new("2021-Q3".parse().unwrap());
//! let parts: Vec<Vec<u8>> = [a, b]
//!     .iter()
//!     .map(|csv| partial_from_bytes(InputFormat::Csv, csv.as_bytes(), &opts).unwrap().to_bytes())
//!     .collect();
//! let report = report_of(&merge_bytes(&parts).unwrap());
//! assert_eq!(report.total.counts.received, 2);
//! assert_eq!((report.input.rows, report.input.rejected), (3, 1)); // the second H2
//! ```

use std::sync::Arc;

use motcua_core::calendar::Calendar;
use motcua_core::catalog::Catalog;
use motcua_core::dossier::{Dataset, Dossier};
use motcua_core::grading::{Grader, Rulebook, ScoreReport, Units};
use motcua_core::partial::{
    GradeSums, Header, Partial, PartialError, calendar_digest, rulebook_digest, units_digest,
};
use motcua_core::period::Period;
use motcua_core::report::Report;

use crate::blocks::Ingested;
use crate::dossiers::ReadOptions;
use crate::input::{InputError, InputFormat, InputOptions, read_bytes};
use crate::job::{CountPlan, Counted, Counting, level_of};

/// The options of a partial: what to count, with which calendar, units and rulebook.
/// Every part of one input must be made with the same options.
#[derive(Debug, Clone)]
pub struct PartialOptions {
    /// The period, the comparison, the breakdown keys and the series step.
    pub plan: CountPlan,
    /// The work calendar.
    pub calendar: Calendar,
    /// The units file's facts (agency levels for `--by level`; grading facts).
    pub units: Units,
    /// Keep the grading sums of this rulebook.
    pub rulebook: Option<Rulebook>,
    /// A procedure catalog, with a digest of its file (the header names it by the digest).
    pub catalog: Option<(Arc<Catalog>, String)>,
    /// The source profile's name, if the rows were mapped by one.
    pub profile: Option<String>,
    /// Stop at the first bad row.
    pub strict: bool,
}

impl PartialOptions {
    /// The period alone, compared with the period before (as `motcua report`), with the
    /// built-in calendar, no units and no rulebook.
    #[must_use]
    pub fn new(period: Period) -> Self {
        Self {
            plan: CountPlan::new(period),
            calendar: Calendar::vn(),
            units: Units::new(),
            rulebook: None,
            catalog: None,
            profile: None,
            strict: false,
        }
    }

    /// The header every partial made with these options carries.
    #[must_use]
    pub fn header(&self) -> Header {
        let period = self.plan.period;
        Header {
            contract: motcua_core::CONTRACT_VERSION,
            period,
            compare: self.plan.compare,
            by: self.plan.by.clone(),
            every: self.plan.every,
            calendar: calendar_digest(&self.calendar, &period),
            profile: self.profile.clone(),
            catalog: self.catalog.as_ref().map(|(_, d)| d.clone()),
            units: units_digest(&self.units),
            rulebook: self.rulebook.as_ref().map(rulebook_digest),
            successors: self.plan.successors.as_deref().cloned(),
            conventions: self.plan.conventions,
        }
    }

    /// How a partition is read: strictness, the catalog, one thread (the engine runs the
    /// partitions in parallel). Every surface reads a partition's rows with these.
    #[must_use]
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            strict: self.strict,
            catalog: self.catalog.as_ref().map(|(c, _)| Arc::clone(c)),
            closed_day_as_day_one: self.plan.conventions.closed_day_as_day_one,
            threads: 1,
            ..ReadOptions::default()
        }
    }
}

/// Counts and grades dossiers into a partial, in one pass.
pub struct PartialBuilder<'a> {
    opts: &'a PartialOptions,
    counting: Counting,
    grader: Option<Grader<'a>>,
}

impl<'a> PartialBuilder<'a> {
    /// A builder for these options.
    #[must_use]
    pub fn new(opts: &'a PartialOptions) -> Self {
        Self {
            opts,
            counting: Counting::new(&opts.plan),
            grader: opts
                .rulebook
                .as_ref()
                .map(|b| Grader::new(b, opts.plan.period)),
        }
    }

    /// Counts one used dossier.
    pub fn add(&mut self, d: &Dossier) {
        self.counting.count(d);
        if let Some(g) = &mut self.grader {
            g.add(d);
        }
    }

    /// The partial of the dossiers added; `ing` is what reading them left (their
    /// agencies, officials, procedures, fields and the input summary).
    #[must_use]
    pub fn finish(self, ing: &Ingested) -> Partial {
        let units = &self.opts.units;
        let grades = self
            .grader
            .as_ref()
            .map(|g| GradeSums::from_grader(g, &ing.agencies, &ing.officials));
        let counted = self.counting.finish(ing, &|code| level_of(units, code));
        Partial {
            header: self.opts.header(),
            input: ing.input.clone(),
            period: counted.period,
            previous: counted.previous,
            steps: counted.steps,
            groups: counted.groups,
            grades,
        }
    }
}

/// The partial of a table held in memory (CSV, a workbook or the portal's JSON). Positions
/// of rejected rows are those within these bytes.
#[allow(clippy::result_large_err)] // the error of every reader of this crate
pub fn partial_from_bytes(
    format: InputFormat,
    bytes: &[u8],
    opts: &PartialOptions,
) -> Result<Partial, InputError> {
    let input = InputOptions {
        format: Some(format),
        sheet: None,
        read: opts.read_options(),
    };
    let mut b = PartialBuilder::new(opts);
    let ing = read_bytes(format, bytes, &opts.calendar, &input, |d| b.add(d))?;
    Ok(b.finish(&ing))
}

/// The partial of a dataset read already (e.g. from Arrow record batches), read with the
/// calendar of `opts`.
#[must_use]
pub fn partial_from_dataset(ds: &Dataset, opts: &PartialOptions) -> Partial {
    let mut b = PartialBuilder::new(opts);
    for d in &ds.dossiers {
        b.add(d);
    }
    let ing = Ingested {
        agencies: ds.agencies.clone(),
        officials: ds.officials.clone(),
        procedures: ds.procedures.clone(),
        fields: ds.fields.clone(),
        kept: Vec::new(),
        input: ds.input.clone(),
    };
    b.finish(&ing)
}

/// Reads and merges partials given as bytes ([`Partial::to_bytes`]), in any order.
pub fn merge_bytes<B: AsRef<[u8]>>(parts: &[B]) -> Result<Partial, PartialError> {
    let parts = parts
        .iter()
        .map(|b| Partial::from_bytes(b.as_ref()))
        .collect::<Result<Vec<_>, _>>()?;
    Partial::merge(parts)
}

/// The report (contract sections 7 and 11) of a merged partial, as `motcua report` builds it
/// from the whole input.
#[must_use]
pub fn report_of(p: &Partial) -> Report {
    let h = &p.header;
    Counted {
        plan: CountPlan {
            period: h.period,
            compare: h.compare,
            by: h.by.clone(),
            every: h.every,
            successors: h.successors.clone().map(Arc::new),
            conventions: h.conventions,
        },
        period: p.period.clone(),
        previous: p.previous.clone(),
        steps: p.steps.clone(),
        groups: p.groups.clone(),
        mapped: None,
    }
    .into_report(p.input.clone())
}

/// The grades (contract section 10) of a merged partial, as `motcua score` gives them.
pub fn grades_of(p: &Partial, book: &Rulebook, units: &Units) -> Result<ScoreReport, PartialError> {
    p.grades(book, units)
}

/// The report JSON of contract 7 of a merged partial, with the grades as `motcua score
/// --format json` prints them under `grades` when `book` is given.
pub fn merged_json(
    p: &Partial,
    book: Option<&Rulebook>,
    units: &Units,
) -> Result<String, PartialError> {
    let report = report_of(p);
    let Some(book) = book else {
        return Ok(crate::report::to_json(&report));
    };
    let grades = p.grades(book, units)?;
    // spliced as text, so that every number is printed exactly as the two commands print it
    let text = crate::report::to_json(&report);
    let body = text
        .trim_end()
        .strip_suffix('}')
        .unwrap_or(&text)
        .trim_end();
    Ok(format!(
        "{body},\n  \"grades\": {}\n}}",
        crate::writer::score_json(&grades).trim_end()
    ))
}
